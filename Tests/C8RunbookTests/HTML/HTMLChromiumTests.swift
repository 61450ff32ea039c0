import Foundation
import Testing
@testable import C8Runbook

/// The page as a person sees it: headless Chromium loads each example runbook, paints it to PNG and dumps the DOM
/// it built. Set C8RUNBOOK_SCREENSHOTS to a folder to keep the PNGs for a look.
@Suite(.enabled(if: ExternalTool.chromium != nil, "chromium is not installed (apt-get install chromium): skipping the browser check"))
struct HTMLChromiumTests {
    struct Rendering {
        let dom: String
        let png: Data
    }

    /// Loads `page` in headless Chromium with a throw-away profile; returns the serialized DOM and the screenshot.
    static func browse(_ page: String, name: String) throws -> Rendering {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("c8runbook-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("RUNBOOK.html"), png = folder.appendingPathComponent("RUNBOOK.png")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let result = try ExternalTool.chromium!.run(
            ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile",
             "--screenshot=\(png.path)", "--window-size=1280,4000", "--dump-dom", file.absoluteString],
            environment: ["XDG_CONFIG_HOME": folder.path + "/config", "XDG_CACHE_HOME": folder.path + "/cache"],
            timeout: 90
        )
        try #require(result.status == 0, "chromium exited with \(result.status): \(result.error.suffix(2_000))")
        let image = try Data(contentsOf: png)
        if let keep = ProcessInfo.processInfo.environment["C8RUNBOOK_SCREENSHOTS"] {
            try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            try image.write(to: URL(fileURLWithPath: keep).appendingPathComponent("\(name).png"))
        }
        return Rendering(dom: result.output, png: image)
    }

    /// Start tags of an element in Chromium's serialization, where text `<` is always `&lt;`.
    static func tags(_ element: String, in dom: String) -> Int {
        dom.ranges(of: try! Regex("<\(element)[\\s>/]").ignoresCase()).count
    }

    /// `on…=` attributes inside start tags.
    static func eventHandlers(in dom: String) -> [String] {
        dom.matches(of: try! Regex(#"<[a-zA-Z][^<>]*\s(on[a-zA-Z]+)\s*="#)).map { String(dom[$0.range]) }
    }

    /// PNG width and height from the IHDR chunk.
    static func size(ofPNG data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test(arguments: ExampleRunbooksTests.examples)
    func examplePaintsAndKeepsEveryStep(_ name: String) throws {
        let (runbook, page) = try HTMLExamplesTests.page(name)
        let rendering = try Self.browse(page, name: name)
        for step in runbook.steps {
            #expect(rendering.dom.contains("<section class=\"step\(step.required ? "" : " optional")\" id=\"\(step.id)\">"), "step \(step.id) missing in the browser's DOM")
        }
        // One section per step and per phase, the scenario, and the warnings when there are any.
        #expect(Self.tags("section", in: rendering.dom) == runbook.steps.count + runbook.phases.count + 1 + (runbook.warnings.isEmpty ? 0 : 1))
        for element in ["script", "img", "iframe", "object", "embed"] {
            #expect(Self.tags(element, in: rendering.dom) == 0, "<\(element)> in the browser's DOM of Runbooks/\(name)")
        }
        let size = try #require(Self.size(ofPNG: rendering.png), "not a PNG")
        #expect(size == (1280, 4000))
        // A blank 1280×4000 page compresses to a few kilobytes; the painted runbook is far larger.
        #expect(rendering.png.count > 60_000, "the screenshot looks blank (\(rendering.png.count) bytes)")
    }

    @Test func hostileScenarioShowsTextAndRunsNothing() throws {
        let title = "<script>alert(1)</script>", context = #""><img src=x onerror=alert(1)>"#
        let runbook = HTMLFixture.runbook(try HTMLFixture.scenario(title: title, kubeContext0: context),
                                          body: "Use \(MarkdownText.code(context)) <script>alert(2)</script>")
        let rendering = try Self.browse(HTMLRenderer().page(runbook), name: "hostile")
        // The detectors do see markup when it is there.
        #expect(Self.tags("script", in: "<p><script>x</script></p>") == 1 && Self.eventHandlers(in: #"<img src=x onerror=alert(1)>"#).count == 1)
        #expect(Self.tags("script", in: rendering.dom) == 0)
        #expect(Self.tags("img", in: rendering.dom) == 0)
        #expect(Self.eventHandlers(in: rendering.dom).isEmpty, "an event handler attribute reached the DOM")
        #expect(rendering.dom.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(rendering.dom.contains("<code>\"&gt;&lt;img src=x onerror=alert(1)&gt;</code>"))
    }
}
