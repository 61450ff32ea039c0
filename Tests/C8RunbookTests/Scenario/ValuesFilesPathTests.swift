import Foundation
import Testing
@testable import C8Runbook

/// `ValuesFiles` builds its paths without `URL` when they are already standard; whatever the path, the result is
/// Foundation's.
@Suite struct ValuesFilesPathTests {
    static let paths = [
        "/work/ops/camunda-values.yml", "/a", "/a/b/c.yaml", "/a/./b", "/a/../b", "/a//b", "/a/b/", "/a/b/.", "/a/b/..",
        "/..", "/.", "/", "/a/.hidden/x.yml", "/a/.../b", "/a/b c/d.yml", "/a/é/b.yml", "/a/%20/b", "/a/b:c/d",
        "/a/b~1/v+2@x,y=z.yml", "/a/-x/_y",
    ]

    @Test(arguments: paths)
    func standardizedIsFoundations(path: String) {
        #expect(ValuesFiles.standardized(path) == URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    /// A scenario's folder (`ValuesFiles.folder(of:)`), for the paths above and for bare names, read against the
    /// current directory as Foundation reads them.
    @Test(arguments: paths + [
        "scenario.yml", "<built-in example>", "a b.yml", "é.yml", ".hidden", "...", ".", "..", "~", "~x", "", "x/", "a/b.yml",
        "./a.yml", "../a.yml",
    ])
    func folderIsFoundations(path: String) {
        #expect(ValuesFiles.folder(of: path) == URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path)
    }

    /// A base file's name (`ValuesFiles.lastName`), as Foundation reads it.
    @Test(arguments: paths + [
        "camunda-values.yml", "base/camunda-values.yml", "a b.yml", "é.yml", ".hidden", "...", ".", "..", "~", "~/x.yml",
        "~x", "", "x/", "a//", "./a.yml", "../a.yml", "a/./b.yml", "a/b.yml/.", "v+2@x,y=z~1.yml",
    ])
    func lastNameIsFoundations(path: String) {
        #expect(ValuesFiles.lastName(path) == URL(fileURLWithPath: path).lastPathComponent)
    }

    @Test(arguments: paths)
    func componentsAreFoundations(path: String) {
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        #expect(ValuesFiles.components(standard).map(String.init) == URL(fileURLWithPath: standard).pathComponents)
    }

    /// The byte path of `writtenNames` gives the components' names for every combination of bases and region files
    /// in the same, nested, sibling, prefix-named and root folders, and it takes every combination of standard paths.
    @Test func standardWrittenNamesAreTheComponents() {
        let files = ["values.yml", "r1/values.yml", "/ops/base.yml", "/ops/east/values.yml", "/ops/west/v.yml", "/ops2/x.yml",
                     "/opsx/east/values.yml", "/x.yml", "/ops/east/deep/v.yml", "/other/values.yml", "../up.yml", "a//b.yml"]
        var compared = 0
        for base in [nil] + files {
            for region0 in files {
                for region1 in files {
                    let values = ValuesFiles(bases: base.map { [$0] } ?? [], region0: region0, region1: region1, directory: "/ops")
                    for region in [0, 1] {
                        let reference = values.writtenNamesByComponents(region: region)
                        if let names = values.standardWrittenNames(region: region) {
                            #expect(names == reference, "base \(base ?? "none"), \(region0), \(region1), region \(region)")
                            compared += 1
                        }
                        #expect(values.writtenNames(region: region) == reference)
                    }
                }
            }
        }
        #expect(compared > 2_000)
    }

    /// The names `values` writes, for bases and region files in the same and in different folders.
    @Test func writtenNamesFollowTheFolders() {
        let shared = ValuesFiles(bases: ["/ops/base.yml"], region0: "region0/values.yml", region1: "/ops/r1/values.yml", directory: "/ops")
        #expect(shared.writtenNames(region: 0) == ["base.yml", "region0/values.yml"])
        #expect(shared.writtenNames(region: 1) == ["base.yml", "r1/values.yml"])
        let apart = ValuesFiles(bases: ["/ops/base.yml"], region0: "/elsewhere/values.yml", region1: "/ops/./r1/../r1/v.yml", directory: "/ops")
        #expect(apart.writtenNames(region: 0) == ["base.yml", "region0/values.yml"])
        #expect(apart.writtenNames(region: 1) == ["base.yml", "r1/v.yml"])
        let complete = ValuesFiles(bases: [], region0: "/ops/east/values.yml", region1: "/ops/west/values.yml", directory: "/ops")
        #expect(complete.writtenNames(region: 0) == ["east/values.yml"])
        #expect(complete.writtenNames(region: 1) == ["west/values.yml"])
    }
}
