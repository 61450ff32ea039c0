import Foundation

/// The built `c8runbook` executable, run as a user would, for the end-to-end tests of the progress commands.
enum ProgressBinary {
    /// `c8runbook` in the build products folder, beside this test bundle; nil when it is not there.
    static let executable: URL? = {
        var folders = [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()]
        var bundle = Bundle.main.bundleURL
        for _ in 0..<4 {
            folders.append(bundle)
            bundle.deleteLastPathComponent()
        }
        return folders.map { $0.appendingPathComponent("c8runbook") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var available: Bool { executable != nil }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func start(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Result {
        let (process, out, err) = try start(arguments, in: folder, environment: environment)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh folder holding the reference scenario as `scenario.yml`.
    static func folderWithScenario() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("c8runbook-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Runbooks/reference/scenario.yml"),
                                         to: folder.appendingPathComponent("scenario.yml"))
        return folder
    }
}
