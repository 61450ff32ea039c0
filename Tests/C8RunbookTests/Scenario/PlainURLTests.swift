import Foundation
import Testing
@testable import C8Runbook

/// `PlainURL` reads plain storage URLs by byte; whatever the text, its scheme, host and port are Foundation's
/// `URLComponents(string:)` answers.
@Suite struct PlainURLTests {
    static func foundation(_ text: String) -> PlainURL? {
        URLComponents(string: text).map { PlainURL(scheme: $0.scheme, host: $0.host, port: $0.port) }
    }

    /// Every combination of these parts, plain or not.
    static let generated: [String] = {
        let schemes = ["http", "https", "HTTP", "ftp", "h2", "", "http:", "http:/"]
        let hosts = ["camunda-elasticsearch-master-hl.camunda-london.svc.cluster.local", "a", "A.B", "10.0.0.1", "a..b", "-a-.",
                     "", "a_b", "[::1]", "user:pw@h", "h%41", "é.example", "a b"]
        let ports = ["", ":9200", ":0", ":65535", ":70000", ":00080", ":123456", ":99999999999999999999", ":", ":x", ":-1"]
        let paths = ["", "/", "/x/y_z~.-", "//", "/a?b=c", "/a#f", "/%20", "/a b", "?q", "#f", "/é"]
        var texts: [String] = []
        for scheme in schemes { for host in hosts { for port in ports { for path in paths {
            texts.append(scheme.isEmpty ? host + port + path : "\(scheme)://\(host)\(port)\(path)")
        } } } }
        return texts
    }()

    @Test func everyTextReadsAsFoundationReadsIt() {
        var plain = 0
        for text in Self.generated {
            #expect(PlainURL(text) == Self.foundation(text), "\(text)")
            if PlainURL.plain(text) != nil { plain += 1 }
        }
        #expect(plain > 100)
    }

    @Test(arguments: [
        "http://camunda-elasticsearch-master-hl.camunda-london.svc.cluster.local:9200",
        "https://opensearch.example.com:443/", "http://10.1.2.3:9200/prefix/path",
    ])
    func scenarioURLsAreReadByByte(text: String) throws {
        let plain = try #require(PlainURL.plain(text))
        #expect(plain == Self.foundation(text))
    }
}
