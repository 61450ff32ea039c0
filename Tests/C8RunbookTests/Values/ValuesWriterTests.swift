@testable import C8Runbook
import Testing

@Suite("Writing edited values")
struct ValuesWriterTests {
    @Test("a moved entry keeps its comments, re-indented to its new place")
    func movedComments() throws {
        var document = try ValuesReader.read("a:\n    # about x\n    x: 1  # one\nb: {}\n", file: "t.yml")
        let moved = try #require(document.root["a"]?.entry("x"))
        var a = document.root["a"]!
        a.remove("x")
        document.root.set("a", a)
        var b = document.root["b"]!
        b.insert(moved)
        document.root.set("b", b)
        #expect(document.rendered == "a: {}\nb:\n    # about x\n    x: 1  # one\n")
    }

    @Test("tool-made values: strings quoted only where YAML needs it, chart sizes always quoted")
    func madeValues() throws {
        var document = try ValuesReader.read("a: 1\n", file: "t.yml")
        document.root.set(path: "b.c", .string("8"))
        document.root.set(path: "b.d", .quoted("4"))
        document.root.set(path: "b.e", .string("GZIP"))
        document.root.set(path: "b.f", .bool(false))
        #expect(document.rendered == "a: 1\nb:\n  c: '8'\n  d: '4'\n  e: GZIP\n  f: false\n")
    }
}
