import Foundation

/// The 8.7 values files of one deployment: one or more base files with one overlay per region (Camunda's layout;
/// several base files in `helm -f` order), or one complete file per region. Knows each file's place in an output
/// folder and checks that the region files agree with `global.multiregion.regionId`.
public struct ValuesInput: Sendable {
    public enum Role: Sendable, Equatable {
        /// A shared base file (there may be several, in `helm -f` order).
        case base
        /// A region's overlay on top of the base file.
        case overlay(region: Int)
        /// A region's complete file (no base file).
        case full(region: Int)

        public var region: Int? {
            switch self {
            case .base: nil
            case let .overlay(region), let .full(region): region
            }
        }
    }

    public struct File: Sendable {
        public var role: Role
        public var document: ValuesDocument
        /// The path under an output folder: each base file by its name, region files relative to the first base
        /// file's folder.
        public var relativePath: String

        public init(role: Role, document: ValuesDocument, relativePath: String) {
            self.role = role
            self.document = document
            self.relativePath = relativePath
        }
    }

    public var files: [File]

    /// The base files, in `helm -f` order (later files win); empty for complete per-region files.
    public var bases: [File] { files.filter { $0.role == .base } }

    /// The last base file: the one whose settings win where the base files disagree.
    public var base: File? { bases.last }

    public func regionFile(_ region: Int) -> File? { files.first { $0.role.region == region } }

    /// The values one region's `helm upgrade` sees: the base files in order, then the region's file (later wins,
    /// mappings merge, lists replace).
    public func merged(region: Int) -> ValuesNode {
        HelmMerge.merge((bases + [regionFile(region)].compactMap { $0 }).map(\.document.root))
    }

    /// The base files merged as Helm merges them (empty mapping without base files).
    public var mergedBases: ValuesNode { HelmMerge.merge(bases.map(\.document.root)) }

    /// Reads the files. Without a base file both region files are complete files.
    public static func load(base: String?, region0: String?, region1: String?) throws(ValuesError) -> ValuesInput {
        try load(bases: base.map { [$0] } ?? [], region0: region0, region1: region1)
    }

    /// Reads the files: `bases` in `helm -f` order (later files win), each written under its own file name; region
    /// files under their paths relative to the first base file's folder. Without base files both region files are
    /// complete files. Throws `ValuesError` (unreadable or invalid file, two files with one output name).
    /// The 8.7 files a scenario names (`valuesFiles`: every base file in `helm -f` order, then the two region files),
    /// each relative path read from `folder`.
    /// - Throws: `ValuesError` when a file is missing, unreadable or not valid values.
    public static func load(scenario: Scenario, valuesFolder folder: String) throws(ValuesError) -> ValuesInput {
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: folder).appendingPathComponent(path).path
        }
        let files = scenario.valuesFiles
        return try load(bases: files.bases.map(resolve), region0: resolve(files.region0), region1: resolve(files.region1))
    }

    public static func load(bases: [String], region0: String?, region1: String?) throws(ValuesError) -> ValuesInput {
        try checkDistinctFiles(bases: bases, regions: [region0, region1])
        var files: [File] = []
        let baseDirectory = bases.first.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent() }
        for base in bases {
            files.append(File(role: .base, document: try ValuesReader.load(path: base), relativePath: URL(fileURLWithPath: base).lastPathComponent))
        }
        let regionPaths = [region0, region1]
        let commonDirectory = baseDirectory ?? commonFolder(regionPaths.compactMap { $0 })
        for (region, path) in regionPaths.enumerated() {
            guard let path else { continue }
            let document = try ValuesReader.load(path: path)
            let role: Role = bases.isEmpty ? .full(region: region) : .overlay(region: region)
            files.append(File(role: role, document: document,
                              relativePath: relativePath(path, under: commonDirectory, region: region)))
        }
        let input = ValuesInput(files: files)
        try input.checkRegionIDs()
        try input.checkDistinctOutputs()
        return input
    }

    public init(files: [File]) {
        self.files = files
    }

    /// Each region file must not contradict its slot, and two files must not claim the same region.
    func checkRegionIDs() throws(ValuesError) {
        var claimed: [Int: String] = [:]
        for file in files {
            guard let region = file.role.region else { continue }
            let node = file.document.root.node(at: "global.multiregion.regionId")
            guard let node else { continue }
            let location = node.location ?? SourceLocation(file: file.document.path, line: 1, column: 1)
            guard let id = node.integerValue, id == 0 || id == 1 else {
                throw .invalid(location, message: "global.multiregion.regionId must be 0 or 1 in a dual-region deployment")
            }
            if let other = claimed[id] {
                throw .invalid(location, message: "global.multiregion.regionId \(id) is already claimed by '\(other)'; the two region files must say 0 and 1")
            }
            claimed[id] = file.document.path
            if id != region {
                throw .invalid(location, message: "this file was given as the region \(region) values but says global.multiregion.regionId: \(id); swap the two files")
            }
        }
        if let base = bases.last(where: { $0.document.root.node(at: "global.multiregion.regionId") != nil }),
           let node = base.document.root.node(at: "global.multiregion.regionId"), files.count > 1,
           files.contains(where: { $0.role.region != nil && $0.document.root.node(at: "global.multiregion.regionId") == nil }) {
            // A base file with a region's id next to a region file without one is usually the two given in each
            // other's place (field-case kind 6): said, with the slot the id names.
            let swapped = node.integerValue.flatMap { id in
                files.first { $0.role.region == id && $0.document.root.node(at: "global.multiregion.regionId") == nil }
                    .map { " (if this is region \(id)'s own file and '\($0.document.path)' the base file, they were given in each other's place: swap them)" }
            } ?? ""
            throw .invalid(node.location ?? SourceLocation(file: base.document.path, line: 1, column: 1),
                           message: "the base file sets global.multiregion.regionId, so both regions would get the same id; set it in each region's file\(swapped)")
        }
    }

    /// One file given twice (one path twice, a symbolic link to another, `./a` and `a`) is named as such before it is
    /// read: it was refused as two files 'both written as' one name ('give the files distinct names'), or as two
    /// region files claiming one regionId.
    static func checkDistinctFiles(bases: [String], regions: [String?]) throws(ValuesError) {
        let given = bases.enumerated().map { ($1, bases.count == 1 ? "the base file" : "base file \($0 + 1)") }
            + regions.enumerated().compactMap { region, path in path.map { ($0, "region \(region)'s file") } }
        var seen: [FileIdentity: (path: String, role: String)] = [:]
        for (path, role) in given {
            guard let identity = FileIdentity(path: path) else { continue }
            if let first = seen[identity] {
                let same = first.path == path ? "" : " ('\(first.path)')"
                throw .invalid(SourceLocation(file: path, line: 1, column: 1),
                               message: "this file is given twice, as \(first.role)\(same) and as \(role); give each file once: the base file(s) Helm reads first, then each region's own file")
            }
            seen[identity] = (path, role)
        }
    }

    func checkDistinctOutputs() throws(ValuesError) {
        var seen: [String: String] = [:]
        for file in files {
            if let other = seen[file.relativePath] {
                throw .invalid(SourceLocation(file: file.document.path, line: 1, column: 1),
                               message: "this file and '\(other)' would both be written as '\(file.relativePath)'; give the files distinct names")
            }
            seen[file.relativePath] = file.document.path
        }
    }

    private static func commonFolder(_ paths: [String]) -> URL? {
        let folders = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().pathComponents }
        guard var common = folders.first else { return nil }
        for folder in folders.dropFirst() {
            common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0))
        }
        return common.isEmpty ? nil : URL(fileURLWithPath: NSString.path(withComponents: common))
    }

    private static func relativePath(_ path: String, under folder: URL?, region: Int) -> String {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        if let folder {
            let prefix = folder.standardizedFileURL.path.hasSuffix("/") ? folder.standardizedFileURL.path : folder.standardizedFileURL.path + "/"
            if file.path.hasPrefix(prefix) { return String(file.path.dropFirst(prefix.count)) }
        }
        return "region\(region)/" + file.lastPathComponent
    }
}
