import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The renderer's output read back as a DOM (libxml2 through Foundation's XMLDocument), for assertions on elements
/// and attributes rather than on text. Parsing fails on anything that is not well-formed XML.
struct XHTMLDocument {
    let document: XMLDocument

    init(_ text: String) throws {
        document = try XMLDocument(xmlString: text, options: [])
    }

    /// Elements by local name, whatever their namespace.
    func elements(_ name: String) throws -> [XMLNode] {
        try document.nodes(forXPath: "//*[local-name()='\(name)']")
    }

    func count(_ name: String) throws -> Int { try elements(name).count }

    /// Values of an attribute on every element that has it.
    func attribute(_ name: String) throws -> [String] {
        try document.nodes(forXPath: "//@*[local-name()='\(name)']").compactMap(\.stringValue)
    }

    /// Names of every attribute starting with `on` (event handlers).
    func eventHandlerAttributes() throws -> [String] {
        try document.nodes(forXPath: "//@*[starts-with(translate(local-name(), 'ON', 'on'), 'on')]").compactMap(\.name)
    }

    /// The text of the element with this id.
    func text(ofID id: String) throws -> String? {
        try document.nodes(forXPath: "//*[@id='\(id)']").first?.stringValue
    }

    /// Text of the elements matching an XPath over local names, e.g. `//*[local-name()='h1']`.
    func texts(_ xpath: String) throws -> [String] {
        try document.nodes(forXPath: xpath).compactMap(\.stringValue)
    }

    /// How many nodes match an XPath.
    func count(xpath: String) throws -> Int { try document.nodes(forXPath: xpath).count }

    /// The local name of the root element.
    var rootName: String? { document.rootElement()?.localName }
}
