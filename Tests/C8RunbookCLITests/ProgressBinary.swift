import Foundation

/// The progress commands' end-to-end tests run `BuiltBinary` in a folder holding a scenario.
enum ProgressBinary {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: BuiltBinary.url.path) }

    static func run(_ arguments: [String], in folder: URL) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments, in: folder)
    }

    /// A fresh folder holding the reference scenario as `scenario.yml`.
    static func folderWithScenario() throws -> URL {
        let folder = try BuiltBinary.temporaryFolder()
        try FileManager.default.copyItem(at: BuiltBinary.packageRoot.appendingPathComponent("Runbooks/reference/scenario.yml"),
                                         to: folder.appendingPathComponent("scenario.yml"))
        return folder
    }
}
