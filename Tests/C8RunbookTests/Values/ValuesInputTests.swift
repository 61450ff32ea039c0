@testable import C8Runbook
import Foundation
import Testing

/// Broken, empty, non-mapping and conflicting inputs: one error naming file:line:column, exit 65 (66 when missing).
@Suite("Values inputs: errors")
struct ValuesInputTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("c8runbook-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("region0"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("region1"), withIntermediateDirectories: true)
        try write("camunda-values.yml", "global:\n  multiregion:\n    regions: 2\n")
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func load(_ region0: String, _ region1: String) throws -> ValuesInput {
        try ValuesInput.load(base: folder.appendingPathComponent("camunda-values.yml").path,
                             region0: try? write("region0/camunda-values.yml", region0), region1: try? write("region1/camunda-values.yml", region1))
    }

    func error(_ body: () throws -> Void) -> ValuesError? {
        do { try body() } catch let error as ValuesError { return error } catch { return nil }
        return nil
    }

    @Test("two overlays claiming the same region id")
    func sameRegion() throws {
        let error = try #require(error { _ = try load("global:\n  multiregion:\n    regionId: 0\n", "global:\n  multiregion:\n    regionId: 0\n") })
        #expect(error.exitStatus == .dataError)
        #expect(error.description.hasSuffix("region1/camunda-values.yml:3:15: error: global.multiregion.regionId 0 is already claimed by '\(folder.path)/region0/camunda-values.yml'; the two region files must say 0 and 1"))
    }

    @Test("a region file given in the other slot")
    func swapped() throws {
        let error = try #require(error { _ = try load("global:\n  multiregion:\n    regionId: 1\n", "global:\n  multiregion:\n    regionId: 0\n") })
        #expect(error.description.contains("region0/camunda-values.yml:3:15: error: this file was given as the region 0 values but says global.multiregion.regionId: 1"))
    }

    @Test("a region id other than 0 or 1")
    func regionRange() throws {
        let error = try #require(error { _ = try load("global:\n  multiregion:\n    regionId: 2\n", "global: {}\n") })
        #expect(error.description.contains("region0/camunda-values.yml:3:15: error: global.multiregion.regionId must be 0 or 1"))
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for unit in text.utf16 {
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    static let wide: [([UInt8], String)] = [
        ([0xFF, 0xFE] + utf16("global: {}\n", bigEndian: false), "UTF-16 little-endian"),
        ([0xFE, 0xFF] + utf16("global: {}\n", bigEndian: true), "UTF-16 big-endian"),
        (utf16("global: {}\n", bigEndian: false), "UTF-16 little-endian"),
        ([0xFF, 0xFE, 0, 0, 0x67, 0, 0, 0], "UTF-32 little-endian"),
    ]

    /// A file saved as UTF-16 (a Windows editor's "Unicode") was 'binary data (a NUL byte)' at 1:3 or 1:4.
    @Test("a UTF-16 or UTF-32 file is named as such at 1:1", arguments: wide)
    func wideEncodings(bytes: [UInt8], encoding: String) throws {
        let path = folder.appendingPathComponent("wide.yml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = try #require(error { _ = try ValuesReader.load(path: path) })
        #expect(error.description == "\(path):1:1: error: \(encoding) text, not UTF-8; save the values file as UTF-8 (helm 4.1.4 read UTF-16 big-endian and refused little-endian: 'incomplete UTF-16 character')")
        #expect(error.exitStatus == .dataError)
    }

    /// Base and region 0's overlay given in each other's place: the message said only to move the id.
    @Test("a base file with a region's id, next to that region's file without one, says they may be swapped")
    func baseAndOverlaySwapped() throws {
        let overlay = try write("region0/camunda-values.yml", "global:\n  multiregion:\n    regions: 2\nzeebe:\n  clusterSize: 8\n")
        let base = try write("base-swapped.yml", "global:\n  multiregion:\n    regionId: 0\n")
        let region1 = try write("region1/camunda-values.yml", "global:\n  multiregion:\n    regionId: 1\n")
        let error = try #require(error { _ = try ValuesInput.load(bases: [base], region0: overlay, region1: region1) })
        #expect(error.description.hasSuffix("base-swapped.yml:3:15: error: the base file sets global.multiregion.regionId, so both regions would get the same id; set it in each region's file (if this is region 0's own file and '\(overlay)' the base file, they were given in each other's place: swap them)"), "\(error)")
    }

    /// One file in two slots was refused as two files 'both written as' one name ('give the files distinct names'),
    /// or as two region files claiming one id; a symbolic link or another spelling of the path is the same file.
    @Test("one file given twice is named as such, by any path")
    func sameFileTwice() throws {
        let base = folder.appendingPathComponent("camunda-values.yml").path
        let region0 = try write("region0/camunda-values.yml", "global:\n  multiregion:\n    regionId: 0\n")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.yml").path, withDestinationPath: region0)
        let cases: [(bases: [String], region0: String, region1: String, message: String)] = [
            ([base], base, region0, "\(base):1:1: error: this file is given twice, as the base file and as region 0's file; give each file once"),
            ([base, folder.path + "/./camunda-values.yml"], region0, region0,
             "\(folder.path)/./camunda-values.yml:1:1: error: this file is given twice, as base file 1 ('\(base)') and as base file 2;"),
            ([base], region0, folder.appendingPathComponent("link.yml").path,
             "link.yml:1:1: error: this file is given twice, as region 0's file ('\(region0)') and as region 1's file;"),
        ]
        for given in cases {
            let error = try #require(error { _ = try ValuesInput.load(bases: given.bases, region0: given.region0, region1: given.region1) })
            #expect(error.exitStatus == .dataError)
            #expect(error.description.contains(given.message), "\(error)")
        }
    }

    @Test("malformed YAML names line and column", arguments: [
        ("a:\n  b: [1, 2\n", "malformed YAML"),
        ("a: 1\na: 2\n", "duplicate key 'a'"),
        ("a:\n\tb: 1\n", "malformed YAML"),
    ])
    func malformed(text: String, message: String) throws {
        let path = try write("broken.yml", text)
        let error = try #require(error { _ = try ValuesReader.load(path: path) })
        #expect(error.exitStatus == .dataError)
        #expect(error.description.hasPrefix("\(path):"))
        #expect(error.description.contains(message))
        let position = error.description.dropFirst(path.count + 1).split(separator: ":").prefix(2).compactMap { Int($0) }
        #expect(position.count == 2)
    }

    @Test("empty and non-mapping files", arguments: [
        ("", "1:1: error: the values file is empty; Helm values are a mapping such as 'global: ...'"),
        ("# only a comment\n", "1:1: error: the values file is empty; Helm values are a mapping such as 'global: ...'"),
        ("- a\n- b\n", "1:1: error: the top level of a values file must be a mapping, found a list"),
        ("just text\n", "1:1: error: the top level of a values file must be a mapping, found a single value"),
    ])
    func emptyOrNotMapping(text: String, message: String) throws {
        let path = try write("odd.yml", text)
        let error = try #require(error { _ = try ValuesReader.load(path: path) })
        #expect(error.exitStatus == .dataError)
        #expect(error.description == "\(path):\(message)")
    }

    @Test("anchors and aliases are refused at their position")
    func anchors() throws {
        let path = try write("anchors.yml", "a: &x\n  b: 1\nc: *x\n")
        let error = try #require(error { _ = try ValuesReader.load(path: path) })
        // At the first anchor, found before Yams composes the file (see AliasExpansionTests).
        #expect(error.description.contains("\(path):1:4: error: anchors and aliases"))
    }

    @Test("a missing file exits 66")
    func missing() throws {
        let error = try #require(error { _ = try ValuesReader.load(path: folder.appendingPathComponent("nope.yml").path) })
        #expect(error.exitStatus == .noInput)
        #expect(error.description.hasSuffix("nope.yml: error: no such file"))
    }

    @Test("nothing is written to the output folder on error, and inputs are never overwritten")
    func allOrNothing() throws {
        let out = folder.appendingPathComponent("out")
        let base = folder.appendingPathComponent("camunda-values.yml").path
        let error = try #require(error { try ValuesOutput.write([("camunda-values.yml", "x: 1\n")], to: folder.path, inputs: [base]) })
        #expect(error.exitStatus == .cannotCreate)
        #expect(try String(contentsOfFile: base, encoding: .utf8) == "global:\n  multiregion:\n    regions: 2\n")
        try ValuesOutput.write([("camunda-values.yml", "x: 1\n"), ("region0/camunda-values.yml", "y: 2\n")], to: out.path, inputs: [base])
        #expect(try String(contentsOf: out.appendingPathComponent("region0/camunda-values.yml"), encoding: .utf8) == "y: 2\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// Mode (type bits dropped), group and inode of a path, links not followed.
    func state(_ path: String) -> (mode: mode_t, group: gid_t, inode: UInt64)? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return (status.st_mode & 0o7777, status.st_gid, UInt64(status.st_ino))
    }

    /// Every temporary file under `path`.
    func temporaries(_ path: URL) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: path.path)) ?? []).filter { $0.hasSuffix(".c8runbook-tmp") }
    }

    @Test("an existing output folder is written in place: the run's files replaced keeping their mode; the folders' inodes, modes, group and setgid and a foreign file kept")
    func existingFolder() throws {
        let out = folder.appendingPathComponent("out")
        let manager = FileManager.default
        try manager.createDirectory(at: out.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try manager.createDirectory(at: out.appendingPathComponent("region0"), withIntermediateDirectories: true)
        try manager.createDirectory(at: out.appendingPathComponent("region1"), withIntermediateDirectories: true)
        try "mine\n".write(to: out.appendingPathComponent("notes/todo.txt"), atomically: false, encoding: .utf8)
        try "mine too\n".write(to: out.appendingPathComponent("foreign.txt"), atomically: false, encoding: .utf8)
        try "old\n".write(to: out.appendingPathComponent("camunda-values.yml"), atomically: false, encoding: .utf8)
        #expect(chmod(out.appendingPathComponent("camunda-values.yml").path, 0o640) == 0)
        #expect(chmod(out.path, 0o750) == 0)
        #expect(chmod(out.appendingPathComponent("region0").path, 0o700) == 0)
        #expect(chmod(out.appendingPathComponent("region1").path, 0o2770) == 0)
        // Another group than the process's: only root may give the folders one.
        let otherGroup: gid_t? = geteuid() == 0 ? getegid() &+ 1 : nil
        if let otherGroup {
            #expect(chown(out.path, geteuid(), otherGroup) == 0)
            #expect(chown(out.appendingPathComponent("region1").path, geteuid(), otherGroup) == 0)
            #expect(chmod(out.appendingPathComponent("region1").path, 0o2770) == 0)
        } else {
            print("skipped: keeping a folder's other group needs root")
        }
        let paths = [out.path, out.appendingPathComponent("region0").path, out.appendingPathComponent("region1").path]
        let before = paths.map { state($0) }
        try ValuesOutput.write([("camunda-values.yml", "x: 1\n"), ("region0/camunda-values.yml", "y: 2\n"),
                                ("region1/camunda-values.yml", "z: 3\n"), ("region2/camunda-values.yml", "w: 4\n")], to: out.path, inputs: [])
        #expect(try String(contentsOf: out.appendingPathComponent("camunda-values.yml"), encoding: .utf8) == "x: 1\n")
        #expect(try String(contentsOf: out.appendingPathComponent("region0/camunda-values.yml"), encoding: .utf8) == "y: 2\n")
        #expect(try String(contentsOf: out.appendingPathComponent("region2/camunda-values.yml"), encoding: .utf8) == "w: 4\n")
        #expect(try String(contentsOf: out.appendingPathComponent("notes/todo.txt"), encoding: .utf8) == "mine\n")
        #expect(try String(contentsOf: out.appendingPathComponent("foreign.txt"), encoding: .utf8) == "mine too\n")
        #expect(state(out.appendingPathComponent("camunda-values.yml").path)?.mode == 0o640)
        for (path, old) in zip(paths, before) {
            let now = try #require(state(path))
            let was = try #require(old)
            #expect(now.mode == was.mode && now.group == was.group && now.inode == was.inode, "\(path)")
        }
        #expect(state(paths[2])?.mode == 0o2770)
        if let otherGroup {
            // A new file in a setgid folder, and a new folder in it, take the folder's group.
            try ValuesOutput.write([("region1/new/a.yml", "a\n")], to: out.path, inputs: [])
            #expect(state(out.appendingPathComponent("region1/new").path)?.group == otherGroup)
            #expect(state(out.appendingPathComponent("region1/new/a.yml").path)?.group == otherGroup)
            #expect((state(out.appendingPathComponent("region1/new").path)?.mode ?? 0) & 0o2000 != 0)
        }
        #expect(temporaries(folder).isEmpty)
    }

    @Test("a failure before the renames leaves the output folder untouched: no temporary file, no new folder, old files kept")
    func failureLeavesNoTrace() throws {
        let out = folder.appendingPathComponent("out")
        try ValuesOutput.write([("camunda-values.yml", "x: 1\n")], to: out.path, inputs: [])
        try FileManager.default.createDirectory(at: out.appendingPathComponent("values-report.md"), withIntermediateDirectories: true)
        let error = try #require(error {
            try ValuesOutput.write([("camunda-values.yml", "x: 2\n"), ("new/sub/a.yml", "a\n"), ("values-report.md", "r\n")], to: out.path, inputs: [])
        })
        #expect(error.exitStatus == .cannotCreate)
        #expect(error.description == "\(out.path): error: cannot write: 'values-report.md' is a folder")
        #expect(try String(contentsOf: out.appendingPathComponent("camunda-values.yml"), encoding: .utf8) == "x: 1\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["camunda-values.yml", "values-report.md"])
        // A folder the run would have created is gone again.
        let fresh = folder.appendingPathComponent("fresh")
        let long = String(repeating: "n", count: 250)
        #expect(throws: ValuesError.self) { try ValuesOutput.write([("a.yml", "a\n"), ("sub/\(long)", "b\n")], to: fresh.path, inputs: []) }
        // Two files of one run in each other's way: refused before anything is made.
        #expect(throws: ValuesError.self) { try ValuesOutput.write([("a.yml", "a\n"), ("a.yml/b", "b\n")], to: fresh.path, inputs: []) }
        #expect(!FileManager.default.fileExists(atPath: fresh.path))
        #expect(temporaries(folder).isEmpty)
    }

    @Test("a symbolic link under the output folder on the path to a file is refused; its target stays untouched")
    func symlinkedSubfolder() throws {
        let out = folder.appendingPathComponent("out"), keep = folder.appendingPathComponent("keepdir")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
        try "mine\n".write(to: keep.appendingPathComponent("camunda-values.yml"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("region0").path, withDestinationPath: "../keepdir")
        let error = try #require(error {
            try ValuesOutput.write([("camunda-values.yml", "x: 1\n"), ("region0/camunda-values.yml", "y: 2\n")], to: out.path, inputs: [])
        })
        #expect(error.exitStatus == .cannotCreate)
        #expect(error.description == "\(out.path): error: cannot write: 'region0' is a symbolic link; refusing to write through it (replace it with a folder or choose another --out-dir)")
        #expect(try String(contentsOf: keep.appendingPathComponent("camunda-values.yml"), encoding: .utf8) == "mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["region0"])
        // A link in a file's place too.
        try FileManager.default.removeItem(at: out.appendingPathComponent("region0"))
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("camunda-values.yml").path, withDestinationPath: "../keepdir/camunda-values.yml")
        #expect(throws: ValuesError.self) { try ValuesOutput.write([("camunda-values.yml", "x: 1\n")], to: out.path, inputs: []) }
        #expect(try String(contentsOf: keep.appendingPathComponent("camunda-values.yml"), encoding: .utf8) == "mine\n")
        // The output folder itself may be a link: the files go into its target.
        let alias = folder.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: "keepdir")
        try ValuesOutput.write([("region0/camunda-values.yml", "y: 2\n")], to: alias.path, inputs: [])
        #expect(try String(contentsOf: keep.appendingPathComponent("region0/camunda-values.yml"), encoding: .utf8) == "y: 2\n")
        #expect(temporaries(folder).isEmpty)
    }

    @Test("an output folder that is or holds an input is refused, by any name")
    func outDirHoldingAnInput() throws {
        let base = folder.appendingPathComponent("camunda-values.yml").path
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("alias").path, withDestinationPath: folder.path)
        for out in [folder.path, folder.appendingPathComponent("alias").path, base, folder.appendingPathComponent("alias/camunda-values.yml").path] {
            let error = try #require(error { try ValuesOutput.write([("other.yml", "x: 1\n")], to: out, inputs: [base]) })
            #expect(error.description == "\(out): error: cannot write: it is or holds the input '\(base)'; choose another --out-dir (keep the 8.7 files for a rollback)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other.yml").path))
    }

    @Test("the temporary files a killed run left are removed by the next run into the folder; look-alikes, other names and other folders are not")
    func leftoversOfAKilledRun() throws {
        let out = folder.appendingPathComponent("out")
        try ValuesOutput.write([("camunda-values.yml", "x: 1\n"), ("region0/camunda-values.yml", "y: 1\n")], to: out.path, inputs: [])
        let stale = [".camunda-values.yml.1f3a9c.c8runbook-tmp", "region0/.camunda-values.yml.ffffffffffffffff.c8runbook-tmp",
                     ".values-report.md.0.c8runbook-tmp"]
        let kept = [".camunda-values.yml.1f3a9c.c8runbook-tmp.bak", ".camunda-values.yml.1F3A.c8runbook-tmp",
                    "camunda-values.yml.1f3a.c8runbook-tmp", ".camunda-values.yml.1f3g.c8runbook-tmp", ".camunda-values.yml..c8runbook-tmp",
                    "region0/.camunda-values.yml.01.c8runbook-tmp", "region0/.camunda-values.yml.1ffffffffffffffff.c8runbook-tmp",
                    ".notes.txt.1f3a.c8runbook-tmp", "region1/.camunda-values.yml.2b.c8runbook-tmp"]
        try FileManager.default.createDirectory(at: out.appendingPathComponent("region1"), withIntermediateDirectories: true)
        for name in stale + kept { try "\(name)\n".write(to: out.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        // A link or a folder of the pattern is not a file c8runbook staged: left alone.
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent(".camunda-values.yml.5e.c8runbook-tmp").path, withDestinationPath: "camunda-values.yml")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("region0/.camunda-values.yml.6d.c8runbook-tmp"), withIntermediateDirectories: true)
        // Beside the out-dir, outside the folders it writes.
        try "beside\n".write(to: folder.appendingPathComponent(".camunda-values.yml.7c.c8runbook-tmp"), atomically: false, encoding: .utf8)

        // A run that fails touches nothing, leftovers included.
        try FileManager.default.createDirectory(at: out.appendingPathComponent("values-report.md"), withIntermediateDirectories: true)
        #expect(throws: ValuesError.self) {
            try ValuesOutput.write([("camunda-values.yml", "x: 2\n"), ("values-report.md", "r\n")], to: out.path, inputs: [])
        }
        for name in stale { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) kept by a failed run") }
        try FileManager.default.removeItem(at: out.appendingPathComponent("values-report.md"))

        let removed = try ValuesOutput.write([("camunda-values.yml", "x: 2\n"), ("region0/camunda-values.yml", "y: 2\n"), ("values-report.md", "r\n")],
                                             to: out.path, inputs: [])
        #expect(removed == stale.sorted())
        for name in stale { #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) removed") }
        for name in kept { #expect(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) == "\(name)\n", "\(name) untouched") }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent(".camunda-values.yml.5e.c8runbook-tmp").path) == "camunda-values.yml")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("region0/.camunda-values.yml.6d.c8runbook-tmp").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".camunda-values.yml.7c.c8runbook-tmp").path))
        #expect(try String(contentsOf: out.appendingPathComponent("camunda-values.yml"), encoding: .utf8) == "x: 2\n")
        // Nothing left to remove the next time.
        #expect(try ValuesOutput.write([("camunda-values.yml", "x: 3\n")], to: out.path, inputs: []).isEmpty)
    }

    @Test("the names TemporaryFile gives are exactly the ones a later run takes for leftovers")
    func stagedNamePattern() throws {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY)
        #expect(fd >= 0)
        defer { close(fd) }
        for _ in 0..<64 {
            let file = try TemporaryFile(in: fd, folderPath: folder.path, name: "camunda-values.yml", reportedAs: "camunda-values.yml")
            let leaf = URL(fileURLWithPath: file.path).lastPathComponent
            #expect(TemporaryFile.isStaged(leaf, for: "camunda-values.yml"), "\(leaf)")
            #expect(!TemporaryFile.isStaged(leaf, for: "camunda-values"))
            #expect(ValuesOutput.Stage.stagedFiles(in: fd, of: "camunda-values.yml") == [leaf])
        }
        #expect(temporaries(folder).isEmpty)
        #expect(TemporaryFile.isStaged(".a.0.c8runbook-tmp", for: "a"))
        #expect(!TemporaryFile.isStaged(".a.00.c8runbook-tmp", for: "a"))
        #expect(!TemporaryFile.isStaged("..0.c8runbook-tmp", for: ""))
    }
}
