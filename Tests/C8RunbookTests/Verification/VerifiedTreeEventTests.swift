@testable import C8Runbook
import Foundation
import Testing

/// The verifier reads the texts straight from libyaml's events; what it gives must be what Yams composing with its
/// default resolver gave (the tree, the duplicate keys with their key, line and column, the errors), and a broken 8.8
/// text must still be refused on that path.
@Suite("Verifier: the event reading gives what Yams' composer gave")
struct VerifiedTreeEventTests {
    /// The outcome of one reading, comparable across the two paths.
    enum Outcome: Equatable, CustomStringConvertible {
        case tree(VerifiedTree)
        case duplicate(key: String, line: Int, column: Int)
        case error

        init(_ read: () throws -> VerifiedTree) {
            do {
                self = .tree(try read())
            } catch {
                if let duplicate = VerifiedTree.duplicateKey(in: error) {
                    self = .duplicate(key: duplicate.key, line: duplicate.line, column: duplicate.column)
                } else {
                    self = .error
                }
            }
        }

        var description: String {
            switch self {
            case let .tree(tree): "tree \(tree)"
            case let .duplicate(key, line, column): "duplicate '\(key)' at \(line):\(column)"
            case .error: "error"
            }
        }
    }

    /// The event reading alone (nil where it leaves the text to the composer).
    static func events(_ text: String) -> Outcome? {
        do {
            guard case let .tree(tree) = try VerifiedTree.readEvents(text) else { return nil }
            return .tree(tree)
        } catch let .duplicateKey(key, line, column) {
            return .duplicate(key: key, line: line, column: column)
        } catch {
            return .error
        }
    }

    static let texts: [String] = [
        // Empty, comment-only, one or more documents, roots that are not mappings.
        "", "# only a comment\n", "---\n", "--- \na: 1\n...\n", "a: 1\n---\nb: 2\n", "just text\n", "- a\n- b\n", "a: 1\n--- x\n",
        // Nulls: plain empty, ~ and the null spellings, tagged, quoted and near misses.
        "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: nULL\ng: 'null'\nh: \"~\"\ni: !!str ~\nj: !!null ''\nk: \"\"\nl: []\nm: {}\n",
        // Duplicates: plain, quoted, at depth, in lists, the least of several, inner mapping before outer.
        "a: 1\nb: 2\na: 3\n", "top:\n  a: 1\n  a: 3\n", "b: 1\na: 1\nb: 2\na: 2\n", "a: 1\na: 2\nb:\n  c: 1\n  c: 2\n",
        "'a': 1\n\"a\": 2\n", "a: 1\n'a': 2\n", "l:\n  - name: x\n    value: 1\n    value: 2\n",
        "k1: 1\nk2: 1\nk3: 1\nk4: 1\nk5: 1\nk6: 1\nk7: 1\nk8: 1\nk9: 1\nk10: 1\nk3: 2\n",
        "k1: 1\nk2: 1\nk3: 1\nk4: 1\nk5: 1\nk6: 1\nk7: 1\nk8: 1\nk9: 1\nk9: 2\n",
        "{a: 1, b: 2, a: 3}\n", "a:\n  c: 1\n  c: 2\nb: [\n",
        // Same text, different tags: two keys for Yams unless the tags resolve alike.
        "1: x\n\"1\": y\n", "1: x\n'1': y\n1: z\n", "!!str 1: x\n\"1\": y\n", "! 1: x\n1: y\n", "true: a\n'true': b\n",
        "!!str a: 1\na: 2\n", "!!int 1: a\n1: b\n", "!custom a: 1\na: 2\n", "!custom a: 1\n!custom a: 2\n", "~: a\nnull: b\n",
        "0o17: a\n'0o17': b\n", "1.5: a\n\"1.5\": b\n", "<<: a\n'<<': b\n", "=: a\n'=': b\n", "|\n  a\n: 1\na: 2\n",
        // Block scalars, flow collections, explicit keys, tags on values, unicode columns, CRLF.
        "a: |\n  x\n  y\nb: >-\n  folded\n  text\nc: |+\n  keep\n\n", "{a: 1, b: [x, {c: d}], e: }\n", "? a\n: 1\n? b\n",
        "a: !!int 1\nb: !custom x\nc: !!binary aGk=\n", "é: ü\nkey: \"\\u00e9\\t\"\nx: 'it''s'\n  # comment\n", "ключ:\n  ü: 1\n  ü: 2\n",
        "a: 1\r\nb:\r\n  c: 2\r\n", "\u{FEFF}a: 1\n", "a: \"line\n  folded\"\n",
        // Errors.
        "a: [1, 2\n", "a: b: c\n", "\ta: 1\n", "a: 'unterminated\n", "a:\n  - b\n  c: d\n", "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "a: *nothing\n",
        "!<!> a: 1\n", "a: !!str\n",
        // Complex keys and aliases: left to the composer.
        "? [x, y]\n: value\nplain: ~\n", "? {a: 1}\n: x\n? {a: 1}\n: y\n", "a: &x 1\nb: *x\n", "base: &b {k: v}\nother: *b\n",
        "&k a: 1\n*k : 2\n", "- &a [1]\n- *a\n",
    ]

    @Test("the event reading gives the composer's tree, duplicate (key, line, column) or error", arguments: Self.texts)
    func sameAsComposer(text: String) {
        let composed = Outcome { try VerifiedTree.readComposing(text) }
        #expect(Outcome { try VerifiedTree.read(text) } == composed)
        if let events = Self.events(text) { #expect(events == composed) }
    }

    @Test("only complex keys and aliases are left to the composer")
    func composerOnlyForComplexKeysAndAliases() {
        for text in Self.texts {
            let leftToComposer = Self.events(text) == nil
            let hasAliasOrComplexKey = text.contains("*") || text.contains("? [") || text.contains("? {")
            #expect(leftToComposer == hasAliasOrComplexKey, "\(text)")
        }
    }

    @Test("an empty document after the first (a trailing '---', which init and values accept) reads as the first alone, as the reader reads it; one with content is refused")
    func emptyLaterDocuments() throws {
        let first = try VerifiedTree.read("a: 1\n")
        for text in ["a: 1\n---\n", "a: 1\n---\n# only a comment\n", "a: 1\n...\n---\n...\n", "a: 1\n---\n---\n", "a: 1\n--- \n", "a: 1\n--- !!str\n"] {
            #expect(Self.events(text) == .tree(first), "\(text)")
            #expect(Outcome { try VerifiedTree.readComposing(text) } == .tree(first), "\(text)")
        }
        for text in ["a: 1\n---\nb: 2\n", "a: 1\n--- x\n", "a: 1\n--- ''\n", "a: 1\n---\n[]\n", "a: 1\n---\n---\n- x\n"] {
            #expect(Self.events(text) == .error, "\(text)")
            #expect(Outcome { try VerifiedTree.readComposing(text) } == .error, "\(text)")
        }
    }

    @Test("a written 8.8 text that keeps the 8.7 file's trailing empty document passes", .enabled(if: SharedFixtures.available))
    func trailingEmptyDocumentPasses() throws {
        for stage in MigrationStage.allCases {
            for file in 0..<3 {
                let found = try ValuesVerifierTests.problems(stage, file: file) { $0 + "---\n" }
                #expect(found.isEmpty, "\(stage) \(file): \(found)")
            }
        }
    }

    @Test("a tree keeps each key's position, list order and every key of a repeated text")
    func positions() throws {
        let tree = try VerifiedTree.read("a:\n  - name: x\n    value: '1'\n  - name: y\n1: 1\n\"1\": 2\n")
        guard case let .mapping(pairs) = tree else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.key) == ["a", "1", "1"])
        #expect(pairs.map(\.line) == [1, 5, 6])
        guard case let .mapping(first)? = tree.at("a")?.items.first else { Issue.record("not a mapping"); return }
        #expect(first.map { "\($0.key)@\($0.line):\($0.column)" } == ["name@2:5", "value@3:5"])
        #expect(tree.at("a")?.items.map { $0["name"]?.text } == ["x", "y"])
    }

    @Test("every values file of the fixtures and field cases, and every 8.8 text written for the references, reads alike",
          .enabled(if: SharedFixtures.available))
    func sharedFiles() throws {
        var texts: [String] = []
        for folder in ["fixtures/c8-multi-region/8.7", "cases/values"] {
            let root = SharedFixtures.path(folder)
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() where file.hasSuffix(".yml") || file.hasSuffix(".yaml") {
                texts.append(try String(contentsOfFile: root + "/" + file, encoding: .utf8))
            }
        }
        #expect(texts.count >= 20)
        for stage in MigrationStage.allCases {
            let (files, _) = try ValuesVerifierTests.files(stage)
            texts += files.map(\.written)
            for file in files {
                // What the tool writes never needs the composer.
                #expect(Self.events(file.written) != nil, "\(file.path)")
            }
        }
        for text in texts {
            let composed = Outcome { try VerifiedTree.readComposing(text) }
            #expect(Outcome { try VerifiedTree.read(text) } == composed)
        }
    }

    /// Line and column (1-based) of the first occurrence of `needle` in `text`.
    static func position(of needle: String, in text: String) throws -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains(needle) })
        let column = lines[index].distance(from: lines[index].startIndex, to: lines[index].range(of: needle)!.lowerBound)
        return (index + 1, column + 1)
    }

    @Test("a broken 8.8 text is refused on the event path: a duplicate key with its line and column, a lost env value, a wrong exporter URL",
          .enabled(if: SharedFixtures.available))
    func brokenTextsRefused() throws {
        // A second `value:` in one env entry of the base file: refused while reading, at the first occurrence.
        let (files, _) = try ValuesVerifierTests.files(.migration)
        let base = files[0].written
        let entry = "        - name: ZEEBE_BROKER_CLUSTER_MEMBERSHIP_PROBETIMEOUT\n          value: 500ms\n"
        #expect(base.contains(entry))
        let doubled = base.replacingOccurrences(of: entry, with: entry + "          value: 9s\n")
        let first = try Self.position(of: "value: 500ms", in: doubled)
        #expect(Self.events(doubled) == .duplicate(key: "value", line: first.line, column: first.column))
        let duplicate = try ValuesVerifierTests.problems(file: 0) { $0.replacingOccurrences(of: entry, with: entry + "          value: 9s\n") }
        let keys = try #require(duplicate.first { $0.rule == "V-KEYS" }, "\(duplicate)")
        #expect(keys.file == "camunda-values.yml" && keys.key == "value" && keys.line == first.line && keys.column == first.column)
        #expect(keys.exitStatus == .internalSoftware)
        #expect(keys.description.hasPrefix("camunda-values.yml:\(first.line):\(first.column): error: 'value' (V-KEYS): "))

        // A top-level key twice in region 0's file: the first occurrence, column 1.
        let topLevel = try ValuesVerifierTests.problems(file: 1) { $0 + "global:\n  extra: 1\n" }
        let global = try #require(topLevel.first { $0.rule == "V-KEYS" }, "\(topLevel)")
        let firstGlobal = try Self.position(of: "global:", in: files[1].written)
        #expect(global.key == "global" && global.line == firstGlobal.line && global.column == 1)

        // The 8.8 value of an env entry no longer the 8.7 one: the text reads, the check refuses it.
        let lost = base.replacingOccurrences(of: entry, with: "        - name: ZEEBE_BROKER_CLUSTER_MEMBERSHIP_PROBETIMEOUT\n          value: 9s\n")
        #expect(Self.events(lost) != nil)
        let changed = try ValuesVerifierTests.problems(file: 0) { _ in lost }
        #expect(changed.contains { $0.key == "orchestration.env[ZEEBE_BROKER_CLUSTER_MEMBERSHIP_PROBETIMEOUT]" && $0.rule == "R11" && $0.region == 0 })
        #expect(changed.contains { $0.key == "orchestration.env[ZEEBE_BROKER_CLUSTER_MEMBERSHIP_PROBETIMEOUT]" && $0.region == 1 })

        // Region 0's Camunda Exporter pointing at region 1's storage.
        let url = "ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION0_ARGS_CONNECT_URL\n          value: http://camunda-elasticsearch-master-hl.camunda-primary"
        #expect(base.contains(url))
        let swapped = try ValuesVerifierTests.problems(file: 0) {
            $0.replacingOccurrences(of: url, with: url.replacingOccurrences(of: "camunda-primary", with: "camunda-secondary"))
        }
        #expect(swapped.contains { $0.key == "orchestration.env[ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION0_ARGS_CONNECT_URL]" && $0.rule == "R18" })
    }

    @Test("one 8.8 name set by two 8.7 blocks to different values may have either value, not a third; a name missing is reported first",
          .enabled(if: SharedFixtures.available))
    func envValueFromTwoBlocks() throws {
        var (files, scenario) = try ValuesVerifierTests.files(.migration)
        let operate = "operate:\n    env:\n", tasklist = "tasklist:\n    env:\n"
        #expect(files[0].original.contains(operate) && files[0].original.contains(tasklist))
        files[0].original = files[0].original
            .replacingOccurrences(of: operate, with: operate + "        - name: SHARED_OPTION\n          value: a\n")
            .replacingOccurrences(of: tasklist, with: tasklist + "        - name: SHARED_OPTION\n          value: b\n        - name: SHARED_OPTION\n          value: c\n")
        let written = files[0].written
        func problems(_ value: String?) -> [ValuesVerificationError] {
            var edited = files
            if let value {
                edited[0].written = written.replacingOccurrences(of: "    env:\n", with: "    env:\n        - name: SHARED_OPTION\n          value: \(value)\n")
            }
            return ValuesVerifier.problems(edited, scenario: scenario, stage: .migration)
        }
        // a (operate) and c (tasklist's last entry) are allowed; b, tasklist's earlier entry, is not.
        #expect(problems("a").isEmpty)
        #expect(problems("c").isEmpty)
        let third = problems("b")
        let problem = try #require(third.first { $0.key == "orchestration.env[SHARED_OPTION]" }, "\(third)")
        #expect(problem.rule == "R22" && problem.region == 0)
        #expect(problem.message.contains("of operate.env SHARED_OPTION, tasklist.env SHARED_OPTION"), "\(problem.message)")
        #expect(third.filter { $0.region == 0 }.count == 1, "\(third)")
        let missing = problems(nil)
        #expect(missing.first { $0.region == 0 }?.message.contains("has no counterpart SHARED_OPTION") == true, "\(missing)")
    }

    @Test("region 1's own env list is checked on its own: the findings of region 0's lists are not reused for it",
          .enabled(if: SharedFixtures.available))
    func regionsWithDifferentEnvLists() throws {
        let (files, scenario) = try ValuesVerifierTests.files(.migration)
        var edited = files
        edited[2].written += "orchestration:\n  env:\n    - name: ONLY_HERE\n      value: x\n"
        let found = ValuesVerifier.problems(edited, scenario: scenario, stage: .migration)
        #expect(!found.contains { $0.region == 0 }, "\(found)")
        let missing = found.filter { $0.region == 1 && $0.message.contains("has no counterpart") }
        #expect(missing.contains { $0.key == "orchestration.env[ZEEBE_BROKER_CLUSTER_MEMBERSHIP_PROBETIMEOUT]" && $0.file == "region1/camunda-values.yml" })
        // The same edit in region 0's file: region 0 fails, region 1 (the base list again) passes.
        var other = files
        other[1].written += "orchestration:\n  env:\n    - name: ONLY_HERE\n      value: x\n"
        let swapped = ValuesVerifier.problems(other, scenario: scenario, stage: .migration)
        #expect(swapped.contains { $0.region == 0 && $0.message.contains("has no counterpart") })
        #expect(!swapped.contains { $0.region == 1 }, "\(swapped)")
    }
}
