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
            if let tag = image["tag"], let text = tag.text, text.range(of: #"^v?8\.[0-7](\.|$|-)"#, options: .regularExpression) != nil {
                image.remove("tag")
                note("\(block).image.tag", .removed, "R47", tag.location, "\(block).image.tag '\(text)' not carried: it pins the 8.7 image; \(why)")
            } else if let tag = image["tag"], let text = tag.text, !text.isEmpty, text.range(of: #"^v?8\.8(\.|$|-)"#, options: .regularExpression) == nil {
                note("\(block).image.tag", .review, "R47", tag.location, "\(block).image.tag '\(text)' kept: it is not an 8.7 or 8.8 version, and it replaces the 13.x chart's own 8.8 tag of \(block); make sure it names an 8.8 image, or remove it")
            }
            if let digest = image["digest"], let text = digest.text, !text.isEmpty {
                image.remove("digest")
                note("\(block).image.digest", .removed, "R47", digest.location, "\(block).image.digest not carried: it pins the 8.7 image; \(why)")
            }
            guard image != settings["image"] else { continue }
            if image.isEmptyMapping { settings.remove("image") } else { settings.set("image", image) }
            root.set(block, settings)
        }
    }
}
