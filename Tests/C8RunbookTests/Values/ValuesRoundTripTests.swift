@testable import C8Runbook
import Foundation
import Testing

@Suite("Reading and writing values files")
struct ValuesRoundTripTests {
    @Test("Camunda's 8.7 and 8.8 files come back byte for byte", .enabled(if: SharedFixtures.available), arguments: [
        "8.7/camunda-values.yml", "8.7/region0/camunda-values.yml", "8.7/region1/camunda-values.yml",
        "8.8/camunda-values.yml", "8.8/camunda-values-migration.yml",
    ])
    func roundTrip(file: String) throws {
        let path = SharedFixtures.path("fixtures/c8-multi-region/" + file)
        let document = try ValuesReader.load(path: path)
        #expect(document.rendered == document.text)
    }

    @Test("Spellings, comments, blank lines and block scalars survive in a 2-space file")
    func twoSpaceStyle() throws {
        let text = """
            # header

            a:
              # about b
              b: 'x'   # trailing
              c: yes
              d: "q\\"uote"
              list:
              - name: X
                value: "1"
              # between
              - plain
              script: |
                line one

                  indented
              empty:
            z: ~

            # end

            """
        let document = try ValuesReader.read(text, file: "t.yml")
        #expect(document.rendered == text)
        #expect(document.root.node(at: "a.c")?.boolValue == true)
        #expect(document.root.node(at: "a.b")?.text == "x")
        #expect(document.root.node(at: "z")?.scalar?.isNull == true)
    }

    @Test("Flow collections are read and written in block style")
    func flowStyle() throws {
        let document = try ValuesReader.read("a: {b: 1, c: [x, 'y']}\n", file: "t.yml")
        #expect(document.rendered == "a:\n  b: 1\n  c:\n    - x\n    - 'y'\n")
    }

    @Test("A flow collection over several lines ends on its closing bracket's line: the bracket is not left behind as text")
    func flowStyleOverSeveralLines() throws {
        let text = "a: [\n  x,\n  y\n]\nb: {\n  c: 1,\n  d: [1,\n    2]\n}\ne: 1\n"
        let document = try ValuesReader.read(text, file: "t.yml")
        #expect(document.rendered == "a:\n  - x\n  - y\nb:\n  c: 1\n  d:\n    - 1\n    - 2\ne: 1\n")
        // Last in the file, and in a list: nothing after it is taken for the trailer.
        let last = try ValuesReader.read("l:\n  - {n: 1,\n     v: 2}\n  - [z\n    ]\n# end\n", file: "t.yml")
        #expect(last.rendered == "l:\n  - n: 1\n    v: 2\n  -\n    - z\n# end\n")
    }

    @Test("A values file that is one flow mapping opened on a line of its own (pretty-printed JSON, which Helm reads as YAML) is written back as valid YAML: the opening bracket is not kept as a header line")
    func rootFlowMappingOnItsOwnLine() throws {
        let json = "{\n  \"global\": {\n    \"multiregion\": {\"regions\": 2}\n  },\n  \"zeebe\": {\"clusterSize\": 8}\n}\n"
        let document = try ValuesReader.read(json, file: "t.json")
        #expect(document.rendered == "\"global\":\n  \"multiregion\":\n    \"regions\": 2\n\"zeebe\":\n  \"clusterSize\": 8\n")
        // Comments and the document marker above it stay (a directive is refused: Helm 4 refuses the file); a marker
        // followed by the bracket keeps the marker.
        let marked = try ValuesReader.read("# values\n--- {\n\"a\": 1\n}\n", file: "t.yml")
        #expect(marked.rendered == "# values\n---\n\"a\": 1\n")
        let plain = try ValuesReader.read("# values\n---\n{\n  a: 1,\n  b: [x]\n}\n", file: "t.yml")
        #expect(plain.rendered == "# values\n---\na: 1\nb:\n  - x\n")
    }
}
