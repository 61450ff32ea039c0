/// How a values file ends its lines, and whether it starts with a byte-order mark: Helm (go-yaml) reads LF, CRLF
/// and lone CR alike and ignores a UTF-8 BOM, so the reader does too; the writer gives a file back in its own style.
public struct TextConvention: Sendable, Equatable {
    public enum LineEnding: String, Sendable {
        case lf = "\n"
        case crlf = "\r\n"
        case cr = "\r"
    }

    /// The ending most of the file's lines use (LF on a tie or a one-line file).
    public var lineEnding: LineEnding
    /// Whether the file starts with U+FEFF.
    public var byteOrderMark: Bool

    public static let unix = TextConvention(lineEnding: .lf, byteOrderMark: false)

    /// Splits `text` into its convention and the same text with LF endings and no BOM. Linear in the text's size.
    public static func normalize(_ text: String) -> (text: String, convention: TextConvention) {
        // Most files have LF endings and no byte-order mark: then the text is already normalized (no copy).
        // (The search over the contiguous bytes: `contains` on the UTF-8 view went index by index.)
        let hasCR = text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "\r")) } ?? text.utf8.contains(UInt8(ascii: "\r"))
        if !hasCR, text.unicodeScalars.first != "\u{FEFF}" {
            return (text, TextConvention(lineEnding: .lf, byteOrderMark: false))
        }
        var scalars = text.unicodeScalars[...]
        let bom = scalars.first == "\u{FEFF}"
        if bom { scalars = scalars.dropFirst() }
        var lf = 0, crlf = 0, cr = 0
        var normalized = String.UnicodeScalarView()
        var previousCR = false
        for scalar in scalars {
            if previousCR {
                previousCR = false
                if scalar == "\n" { crlf += 1; continue }
                cr += 1
            }
            switch scalar {
            case "\r":
                previousCR = true
                normalized.append("\n")
            case "\n":
                lf += 1
                normalized.append("\n")
            default:
                normalized.append(scalar)
            }
        }
        if previousCR { cr += 1 }
        let ending: LineEnding = crlf > lf && crlf >= cr ? .crlf : (cr > lf && cr > crlf ? .cr : .lf)
        return (String(normalized), TextConvention(lineEnding: ending, byteOrderMark: bom))
    }

    /// `text` (LF endings) written in this convention.
    public func apply(to text: String) -> String {
        guard lineEnding != .lf || byteOrderMark else { return text }
        var output = String.UnicodeScalarView()
        if byteOrderMark { output.append("\u{FEFF}") }
        if lineEnding == .lf {
            output.append(contentsOf: text.unicodeScalars)
        } else {
            for scalar in text.unicodeScalars {
                if scalar == "\n" { output.append(contentsOf: lineEnding.rawValue.unicodeScalars) } else { output.append(scalar) }
            }
        }
        return String(output)
    }
}
