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

    @Test("an existing output folder is swapped whole: the run's files replaced, other files and the folder's mode kept")
    func existingFolder() throws {
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try "mine\n".write(to: out.appendingPathComponent("notes/todo.txt"), atomically: false, encoding: .utf8)
        try "old\n".write(to: out.appendingPathComponent("camunda-values.yml"), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: out.path)
        try ValuesOutput.write([("camunda-values.yml", "x: 1\n"), ("region0/camunda-values.yml", "y: 2\n")], to: out.path, inputs: [])
        #expect(try String(contentsOf: out.appendingPathComponent("camunda-values.yml"), encoding: .utf8) == "x: 1\n")
        #expect(try String(contentsOf: out.appendingPathComponent("region0/camunda-values.yml"), encoding: .utf8) == "y: 2\n")
        #expect(try String(contentsOf: out.appendingPathComponent("notes/todo.txt"), encoding: .utf8) == "mine\n")
        #expect((try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? NSNumber)?.intValue == 0o750)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains { $0.contains(".c8runbook-") })
    }

    @Test("a staging folder left by a killed run is removed by the next; none is left after a run or a failure")
    func stagingFolders() throws {
        let out = folder.appendingPathComponent("out")
        let stale = folder.appendingPathComponent(".out.c8runbook-AbC123")
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("region0"), withIntermediateDirectories: true)
        try ValuesOutput.write([("camunda-values.yml", "x: 1\n")], to: out.path, inputs: [])
        try ValuesOutput.write([("camunda-values.yml", "x: 2\n"), ("values-report.md", "r\n")], to: out.path, inputs: [])
        #expect(try String(contentsOf: out.appendingPathComponent("camunda-values.yml"), encoding: .utf8) == "x: 2\n")
        // A file in the way of a folder: the write fails, and the staging folder goes with it.
        #expect(throws: ValuesError.self) { try ValuesOutput.write([("camunda-values.yml/sub", "x\n")], to: out.path, inputs: []) }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.contains(".c8runbook-") }, "\(names)")
    }
}
