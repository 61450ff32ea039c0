import Foundation

/// 8.7 image pins of the components that keep their block in 13.x (rules.md R47: every pod runs 8.8 after the
/// upgrade; V05: the image per chart).
extension FileMigration {
    /// The blocks of the 13.x chart with an 8.8 image of their own (CHART 13.12.7 `values.yaml`: `identity.image.tag:
    /// 8.8.16`, `connectors` 8.8.17, `optimize` 8.8.35, `console` 8.8.140, `webModeler` 8.8.18), which a pin in the
    /// 8.7 values replaces (`camundaPlatform.imageByParams`: the component's tag or digest first).
    static let pinnableBlocks = ["identity", "optimize", "connectors", "console", "webModeler"]

    /// Removes each block's tag of 8.7 or before (`8.7.3`, `v8.6.0`) and its digest (the 8.7 values run the 8.7
    /// image, so a digest pins that), with a note each; registry, repository and pull settings stay. The broker's pins
    /// are `unpinBrokerImage`'s.
    mutating func unpinComponentImages() {
        for block in Self.pinnableBlocks {
            guard var settings = root[block], var image = settings["image"], image.entries != nil else { continue }
            let why = "the 13.x chart runs its own 8.8 image of \(block) (CHART 13.12.7 values.yaml), which this pin would replace, so \(block) would stay on 8.7 next to the 8.8 Orchestration Cluster"
            unpin(&image, source: "\(block).image", written: "\(block).image", rule: "R47", pinned: "the 8.7 image", why: why) { text in
                text.range(of: #"^v?8\.8(\.|$|-)"#, options: .regularExpression) != nil ? nil
                    : "\(block).image.tag '\(text)' kept: it is not an 8.7 or 8.8 version, and it replaces the 13.x chart's own 8.8 tag of \(block); make sure it names an 8.8 image, or remove it"
            }
            guard image != settings["image"] else { continue }
            if image.isEmptyMapping { settings.remove("image") } else { settings.set("image", image) }
            root.set(block, settings)
        }
    }

    /// An 8.7 pin in `image`: a tag of 8.7 or before and any digest are removed, each with a note quoting `source`
    /// (the 8.7 key) and saying it pins `pinned`, then `why`; any other non-empty tag stays, with the review item
    /// `review` writes for it (nil: none). Notes name the keys under `written`, the 8.8 key.
    mutating func unpin(_ image: inout ValuesNode, source: String, written: String, rule: String, pinned: String, why: String,
                        review: (String) -> String?) {
        if let tag = image["tag"], let text = tag.text, text.range(of: #"^v?8\.[0-7](\.|$|-)"#, options: .regularExpression) != nil {
            image.remove("tag")
            note("\(written).tag", .removed, rule, tag.location, "\(source).tag '\(text)' not carried: it pins \(pinned); \(why)")
        } else if let tag = image["tag"], let text = tag.text, !text.isEmpty, let message = review(text) {
            note("\(written).tag", .review, rule, tag.location, message)
        }
        if let digest = image["digest"], let text = digest.text, !text.isEmpty {
            image.remove("digest")
            note("\(written).digest", .removed, rule, digest.location, "\(source).digest not carried: it pins \(pinned); \(why)")
        }
    }
}
