@testable import C8Runbook
import Testing

@Suite("Helm-style merge of values files")
struct HelmMergeTests {
    func merged(_ base: String, _ overlay: String) throws -> ValuesNode {
        HelmMerge.merge(try ValuesReader.read(base, file: "base.yml").root, try ValuesReader.read(overlay, file: "overlay.yml").root)
    }

    @Test("mappings merge key by key, the later file wins")
    func deepMerge() throws {
        let result = try merged("a:\n  b: 1\n  c: 2\n", "a:\n  c: 3\n  d: 4\n")
        #expect(result.node(at: "a.b")?.text == "1")
        #expect(result.node(at: "a.c")?.text == "3")
        #expect(result.node(at: "a.d")?.text == "4")
        #expect(result.node(at: "a.c")?.location?.file == "overlay.yml")
    }

    @Test("lists are replaced, not merged")
    func listsReplace() throws {
        let result = try merged("env:\n  - name: A\n  - name: B\n", "env:\n  - name: C\n")
        #expect(result["env"]?.items?.compactMap(\.value.envName) == ["C"])
    }

    @Test("null deletes the key")
    func nullDeletes() throws {
        let result = try merged("a:\n  b: 1\n  c: 2\n", "a:\n  b: null\n")
        #expect(result.node(at: "a.b") == nil)
        #expect(result.node(at: "a.c")?.text == "2")
    }

    @Test("a scalar replaces a mapping and the other way round")
    func kindChange() throws {
        #expect(try merged("a:\n  b: 1\n", "a: x\n")["a"]?.text == "x")
        #expect(try merged("a: x\n", "a:\n  b: 1\n").node(at: "a.b")?.text == "1")
    }
}
