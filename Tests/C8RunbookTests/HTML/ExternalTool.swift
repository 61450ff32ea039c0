import Foundation

/// A command-line tool the HTML tests use when it is installed (xmllint, chromium); tests that need one are
/// skipped with a message naming the package when it is not.
struct ExternalTool {
    let path: String

    static func find(_ names: String...) -> ExternalTool? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for directory in directories {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return ExternalTool(path: path) }
            }
        }
        return nil
    }

    static let xmllint = find("xmllint")
    static let chromium = find("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")

    /// Runs the tool with `input` on standard input; returns its exit status, standard output and standard error.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil, timeout: Double = 60) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // A tool that hangs fails the test instead of the whole run.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        // Read both pipes concurrently with writing, so a full pipe never blocks the tool.
        nonisolated(unsafe) var output = Data(), error = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { output = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { error = stderr.fileHandleForReading.readDataToEndOfFile() }
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}
