enum EmbeddedResources {
    static let templates: [String: String] = [:]
    static let exampleScenario = ""
}
