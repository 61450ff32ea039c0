import Foundation

/// The documents rules.md cites (§0), with links a reader can follow.
extension Source {
    private static let docs = "https://docs.camunda.io/docs/8.8/self-managed/"
    private static let multiRegion = "https://github.com/camunda/c8-multi-region/blob/stable/8.8/"

    private static func page(_ key: String, _ path: String, _ section: String?) -> Source {
        Source(key: key, section: section, url: docs + path + (section.map { "#" + anchor($0) } ?? ""))
    }

    /// Docusaurus heading anchors follow the same rule as GitHub's.
    static func anchor(_ heading: String) -> String { HeadingAnchor.slug(heading) }

    /// The seed page: "Upgrade a dual-region deployment from 8.7 to 8.8 using Helm".
    static func seed(_ section: String? = nil) -> Source { page("SEED", "upgrade/helm/870-to-880-dual-region/", section) }
    /// The baseline Helm guide "Upgrade Camunda 8.7 to 8.8 using Helm".
    static func base(_ section: String? = nil) -> Source { page("BASE", "upgrade/helm/870-to-880/", section) }
    static func components(_ section: String? = nil) -> Source { page("COMP", "upgrade/components/870-to-880/", section) }
    static func prepare(_ section: String? = nil) -> Source { page("PREP", "upgrade/prepare-for-upgrade/", section) }
    static func importer(_ section: String? = nil) -> Source { page("IMPORTER", "upgrade/components/importer/", section) }
    static func managementAPI(_ section: String? = nil) -> Source {
        page("MGMT", "components/orchestration-cluster/zeebe/operations/management-api/", section)
    }
    static func operations(_ section: String? = nil) -> Source {
        page("OPS", "deployment/helm/operational-tasks/dual-region-ops/", section)
    }
    static func eks(_ section: String? = nil) -> Source {
        page("EKS", "deployment/helm/cloud-providers/amazon/amazon-eks/dual-region/", section)
    }
    static func concept(_ section: String? = nil) -> Source { page("CONCEPT", "concepts/multi-region/dual-region/", section) }
    static func secrets(_ section: String? = nil) -> Source {
        page("SECRET", "deployment/helm/configure/secret-management/", section)
    }
    static func authentication(_ section: String? = nil) -> Source {
        page("AUTHC", "concepts/authentication/authentication-to-orchestration-cluster/", section)
    }
    static func basicAuthentication(_ section: String? = nil) -> Source {
        page("BASICAUTH", "deployment/helm/configure/authentication-and-authorization/basic-authentication/", section)
    }
    static func mapping(_ section: String? = nil) -> Source {
        page("MAPPING", "components/orchestration-cluster/core-settings/configuration/configuration-mapping/", section)
    }
    static func camundaExporter(_ section: String? = nil) -> Source {
        page("CAMEXP", "components/orchestration-cluster/zeebe/exporters/camunda-exporter/", section)
    }

    /// Camunda's 8.8 dual-region migration values example.
    static let migrationValues = Source(key: "MR88M", section: "camunda-values-migration.yml",
                                        url: multiRegion + "aws/dual-region/kubernetes/camunda-values-migration.yml")
    /// Camunda's 8.8 dual-region greenfield values.
    static let greenfieldValues = Source(key: "MR88G", section: "camunda-values.yml",
                                         url: multiRegion + "aws/dual-region/kubernetes/camunda-values.yml")
    /// The c8-multi-region end-to-end test that runs the migration.
    static let migrationTest = Source(key: "MRTEST", section: "test/multi_region_aws_camunda_test.go",
                                      url: multiRegion + "test/multi_region_aws_camunda_test.go")
    static let helperScripts = Source(key: "MRSCRIPT", section: "aws/dual-region/scripts",
                                      url: multiRegion + "aws/dual-region/scripts/generate_zeebe_helm_values.sh")
    /// The chart tag a rule's CHART links name in the catalogue; `pinned(toTag:)` moves them to the scenario's chart.
    static let catalogueChartTag = "camunda-platform-8.8-13.4.2"
    private static let catalogueBlob = "/blob/\(catalogueChartTag)/"

    static func chart(_ file: String) -> Source {
        Source(key: "CHART", section: file,
               url: "https://github.com/camunda/camunda-platform-helm/blob/\(catalogueChartTag)/charts/camunda-platform-8.8/" + file)
    }

    /// The tag of the scenario's pinned chart (the newest known chart when the table does not list it), looked up
    /// once per runbook.
    static func chartTag(of scenario: Scenario) -> String {
        (scenario.targetRelease ?? ChartRelease.newest).tag
    }

    /// This source with a chart file link pointing at `tag` (`chartTag(of:)` of the scenario), so that the runbook
    /// cites the templates it will install.
    func pinned(toTag tag: String) -> Source {
        guard key == "CHART", let url, url.containsBytes(Self.catalogueBlob) else { return self }
        return Source(key: key, section: section, url: url.replacingBytes(of: Self.catalogueBlob, with: "/blob/\(tag)/"))
    }
    static func camundaIssue(_ number: Int) -> Source {
        Source(key: "ISSUES", section: "camunda/camunda#\(number)", url: "https://github.com/camunda/camunda/issues/\(number)")
    }
}
