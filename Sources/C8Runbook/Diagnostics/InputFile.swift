import Foundation

/// Reading a user's input file with the checks every reader needs: present, a regular file, not too large, UTF-8 text.
enum InputFile {
    static func readText(at path: String, maximumSize: Int, what: String) throws(ScenarioError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        if data.count > maximumSize {
            throw .unreadable(path: path, reason: "larger than \(maximumSize / 1024) KiB; this is not a \(what) file")
        }
        if data.contains(0) {
            throw .unreadable(path: path, reason: "binary data (a NUL byte); a \(what) file is YAML text")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        return text
    }
}
