/// The anchors GitHub and Docusaurus give headings: lower case, punctuation other than '-' and '_' dropped,
/// spaces as '-'. Used for links to the runbook's own phases and to the guide's sections.
enum HeadingAnchor {
    static func slug(_ heading: String) -> String {
        heading.lowercased().compactMap { character -> String? in
            if character == " " { return "-" }
            if character.isLetter || character.isNumber || character == "-" || character == "_" { return String(character) }
            return nil
        }.joined()
    }
}
