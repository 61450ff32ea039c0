import Foundation

/// The scheme, host and port of a storage URL as Foundation's `URLComponents(string:)` reads them, read by byte when
/// the URL is plain: `scheme://host[:port][/path]`, the scheme of lowercase ASCII letters, the host of ASCII letters,
/// digits, `.` and `-`, the port of one to five digits, the path of ASCII letters, digits and `-._~/`, nothing else
/// (no user, query, fragment, percent sign or IPv6 literal). Any other text goes through `URLComponents`. Reading a
/// scenario checks each storage URL three times; `URLComponents` was 0.9% of a `generate` run for two URLs.
struct PlainURL: Equatable {
    /// The scheme as written (`http`).
    var scheme: String?
    /// The host as written (`camunda-elasticsearch.camunda-london.svc.cluster.local`).
    var host: String?
    /// The port's number; nil without one.
    var port: Int?

    init(scheme: String?, host: String?, port: Int?) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// `text` read by byte if it is plain, else by `URLComponents(string:)`; nil where `URLComponents` gives nil.
    init?(_ text: String) {
        if let plain = Self.plain(text) {
            self = plain
        } else {
            guard let components = URLComponents(string: text) else { return nil }
            self.init(scheme: components.scheme, host: components.host, port: components.port)
        }
    }

    /// The parts of a plain URL (above); nil for any other text.
    static func plain(_ text: String) -> PlainURL? {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, (0x61...0x7A).contains(bytes[index]) { index += 1 }
        let schemeEnd = index
        guard schemeEnd > 0, bytes.count >= index + 3, bytes[index] == 0x3A, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F else { return nil }
        index += 3
        let hostStart = index
        while index < bytes.count, isHostByte(bytes[index]) { index += 1 }
        let hostEnd = index
        guard hostEnd > hostStart else { return nil }
        var port: Int?
        if index < bytes.count, bytes[index] == 0x3A {
            index += 1
            let portStart = index
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                if index - portStart < 5 { value = value * 10 + Int(bytes[index] - 0x30) }
                index += 1
            }
            guard (1...5).contains(index - portStart) else { return nil }
            port = value
        }
        if index < bytes.count {
            guard bytes[index] == 0x2F, bytes[index...].allSatisfy(isPathByte) else { return nil }
        }
        return PlainURL(scheme: String(decoding: bytes[..<schemeEnd], as: UTF8.self),
                        host: String(decoding: bytes[hostStart..<hostEnd], as: UTF8.self), port: port)
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2E || byte == 0x2D
    }

    private static func isPathByte(_ byte: UInt8) -> Bool {
        isHostByte(byte) || byte == 0x5F || byte == 0x7E || byte == 0x2F
    }
}
