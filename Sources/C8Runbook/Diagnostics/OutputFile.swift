import Foundation

/// Writing a result: to standard output for nil or `-`, otherwise to a temporary file beside the target that is
/// renamed over it, so that a reader (or a crash) never sees half a file.
public enum OutputFile {
    public static func write(_ text: String, to path: String?) throws(OutputError) {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw OutputError.cannotWrite(path: path, reason: reason)
            }
        } catch let error as OutputError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }
}

public enum OutputError: DiagnosticError, Equatable {
    case cannotWrite(path: String, reason: String)

    public var exitStatus: ExitStatus { .cannotCreate }

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): "\(path): error: cannot write: \(reason)"
        }
    }
}
