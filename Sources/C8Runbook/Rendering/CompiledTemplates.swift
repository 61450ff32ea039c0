// Generated from Templates/ by `C8RUNBOOK_RECORD=1 swift test --filter CompiledTemplatesTests`; do not edit.
// Each built-in template is one function over its typed view (see TemplateSet and Tests/…/TemplateCompiler.swift).
// swiftlint:disable all

enum CompiledTemplates {
    static func words(_ name: String, _ view: WordsView) -> String? {
        switch name {
        case "notes/back-to-back": render_notes_back_to_back(view)
        case "notes/backup-repository-name": render_notes_backup_repository_name(view)
        case "notes/chart-unknown": render_notes_chart_unknown(view)
        case "notes/compression-old-prefix": render_notes_compression_old_prefix(view)
        case "notes/connect-url-not-url": render_notes_connect_url_not_url(view)
        case "notes/data-check-every-region": render_notes_data_check_every_region(view)
        case "notes/disable-exporter-key": render_notes_disable_exporter_key(view)
        case "notes/exporter-state-bug": render_notes_exporter_state_bug(view)
        case "notes/exporters-converge": render_notes_exporters_converge(view)
        case "notes/first-region-is-region0": render_notes_first_region_is_region0(view)
        case "notes/identity-migration-compression": render_notes_identity_migration_compression(view)
        case "notes/identity-migration-one-region": render_notes_identity_migration_one_region(view)
        case "notes/identity-migration-prefix": render_notes_identity_migration_prefix(view)
        case "notes/identity-unsupported": render_notes_identity_unsupported(view)
        case "notes/immutable-volume-claims": render_notes_immutable_volume_claims(view)
        case "notes/importer-restart-56595": render_notes_importer_restart_56595(view)
        case "notes/importer-restart-context": render_notes_importer_restart_context(view)
        case "notes/job-names-release": render_notes_job_names_release(view)
        case "notes/job-template-immutable": render_notes_job_template_immutable(view)
        case "notes/keep-names": render_notes_keep_names(view)
        case "notes/latest-patch-first": render_notes_latest_patch_first(view)
        case "notes/legacy-enabled-until-complete": render_notes_legacy_enabled_until_complete(view)
        case "notes/management-base-path": render_notes_management_base_path(view)
        case "notes/old-clients-rest": render_notes_old_clients_rest(view)
        case "notes/one-backup-both-regions": render_notes_one_backup_both_regions(view)
        case "notes/one-camunda-exporter-shared": render_notes_one_camunda_exporter_shared(view)
        case "notes/opensearch-connect-type": render_notes_opensearch_connect_type(view)
        case "notes/operator-role": render_notes_operator_role(view)
        case "notes/optimize-startup-migration": render_notes_optimize_startup_migration(view)
        case "notes/optimize-unsupported": render_notes_optimize_unsupported(view)
        case "notes/pin-chart-version": render_notes_pin_chart_version(view)
        case "notes/post-migration-commands": render_notes_post_migration_commands(view)
        case "notes/prefix-migration-irreversible": render_notes_prefix_migration_irreversible(view)
        case "notes/restore-downgrade": render_notes_restore_downgrade(view)
        case "notes/rolling-clean-up": render_notes_rolling_clean_up(view)
        case "notes/secret-commands-namespace": render_notes_secret_commands_namespace(view)
        case "notes/separated-ingress": render_notes_separated_ingress(view)
        case "notes/single-instance-per-region": render_notes_single_instance_per_region(view)
        case "notes/single-instance-shared": render_notes_single_instance_shared(view)
        case "notes/snapshot-period": render_notes_snapshot_period(view)
        case "notes/storage-in-cluster": render_notes_storage_in_cluster(view)
        case "notes/tasklist-transient-errors": render_notes_tasklist_transient_errors(view)
        case "notes/unprotected-api": render_notes_unprotected_api(view)
        case "notes/unprotected-api-production": render_notes_unprotected_api_production(view)
        case "notes/user-passwords": render_notes_user_passwords(view)
        case "notes/watch-jobs-together": render_notes_watch_jobs_together(view)
        case "phases/configure-values": render_phases_configure_values(view)
        case "phases/data-migration": render_phases_data_migration(view)
        case "phases/post-migration": render_phases_post_migration(view)
        case "phases/prepare": render_phases_prepare(view)
        case "phases/troubleshooting": render_phases_troubleshooting(view)
        case "phases/upgrade": render_phases_upgrade(view)
        case "phases/verify": render_phases_verify(view)
        case "steps/migration.complete": render_steps_migration_complete(view)
        case "steps/migration.identity": render_steps_migration_identity(view)
        case "steps/migration.legacy-exporters-enabled": render_steps_migration_legacy_exporters_enabled(view)
        case "steps/migration.watch": render_steps_migration_watch(view)
        case "steps/post.data": render_steps_post_data(view)
        case "steps/post.disk": render_steps_post_disk(view)
        case "steps/post.drill": render_steps_post_drill(view)
        case "steps/post.end-state": render_steps_post_end_state(view)
        case "steps/post.exporters.confirm": render_steps_post_exporters_confirm(view)
        case "steps/post.exporters.converge": render_steps_post_exporters_converge(view)
        case "steps/post.exporters.disable": render_steps_post_exporters_disable(view)
        case "steps/post.exporters.no-delete": render_steps_post_exporters_no_delete(view)
        case "steps/post.exporters.recheck": render_steps_post_exporters_recheck(view)
        case "steps/post.helm": render_steps_post_helm(view)
        case "steps/post.keep-legacy-exporters": render_steps_post_keep_legacy_exporters(view)
        case "steps/post.operational-procedure": render_steps_post_operational_procedure(view)
        case "steps/post.precondition": render_steps_post_precondition(view)
        case "steps/post.rollout": render_steps_post_rollout(view)
        case "steps/post.values.identity-migration-off": render_steps_post_values_identity_migration_off(view)
        case "steps/post.values.migration-off": render_steps_post_values_migration_off(view)
        case "steps/post.values.remove-legacy-exporters": render_steps_post_values_remove_legacy_exporters(view)
        case "steps/prepare.backup": render_steps_prepare_backup(view)
        case "steps/prepare.disk": render_steps_prepare_disk(view)
        case "steps/prepare.exporter-inventory": render_steps_prepare_exporter_inventory(view)
        case "steps/prepare.importer-backlog": render_steps_prepare_importer_backlog(view)
        case "steps/prepare.index-prefixes": render_steps_prepare_index_prefixes(view)
        case "steps/prepare.keep-setup": render_steps_prepare_keep_setup(view)
        case "steps/prepare.secrets": render_steps_prepare_secrets(view)
        case "steps/prepare.storage-layout": render_steps_prepare_storage_layout(view)
        case "steps/prepare.storage-version": render_steps_prepare_storage_version(view)
        case "steps/prepare.versions": render_steps_prepare_versions(view)
        case "steps/rollback.plan": render_steps_rollback_plan(view)
        case "steps/rollback.restore-storage": render_steps_rollback_restore_storage(view)
        case "steps/rollback.restore-zeebe": render_steps_rollback_restore_zeebe(view)
        case "steps/troubleshooting.failed-migration-job": render_steps_troubleshooting_failed_migration_job(view)
        case "steps/troubleshooting.importer-stalls": render_steps_troubleshooting_importer_stalls(view)
        case "steps/troubleshooting.restart-importer": render_steps_troubleshooting_restart_importer(view)
        case "steps/upgrade.coordinate": render_steps_upgrade_coordinate(view)
        case "steps/upgrade.helm": render_steps_upgrade_helm(view)
        case "steps/upgrade.helm-repo": render_steps_upgrade_helm_repo(view)
        case "steps/upgrade.objects": render_steps_upgrade_objects(view)
        case "steps/upgrade.rollout": render_steps_upgrade_rollout(view)
        case "steps/values.api-security": render_steps_values_api_security(view)
        case "steps/values.authentication": render_steps_values_authentication(view)
        case "steps/values.backup-repository": render_steps_values_backup_repository(view)
        case "steps/values.camunda-exporters": render_steps_values_camunda_exporters(view)
        case "steps/values.cluster-sizing": render_steps_values_cluster_sizing(view)
        case "steps/values.components": render_steps_values_components(view)
        case "steps/values.connectors": render_steps_values_connectors(view)
        case "steps/values.data-migration": render_steps_values_data_migration(view)
        case "steps/values.env-array": render_steps_values_env_array(view)
        case "steps/values.exporter-switch": render_steps_values_exporter_switch(view)
        case "steps/values.gateway": render_steps_values_gateway(view)
        case "steps/values.gateway-env": render_steps_values_gateway_env(view)
        case "steps/values.helm-managed-exporters": render_steps_values_helm_managed_exporters(view)
        case "steps/values.identity-migration": render_steps_values_identity_migration(view)
        case "steps/values.identity-migration-secret": render_steps_values_identity_migration_secret(view)
        case "steps/values.ingress": render_steps_values_ingress(view)
        case "steps/values.legacy-exporters": render_steps_values_legacy_exporters(view)
        case "steps/values.message-compression": render_steps_values_message_compression(view)
        case "steps/values.migration-pods-tls": render_steps_values_migration_pods_tls(view)
        case "steps/values.multi-tenancy": render_steps_values_multi_tenancy(view)
        case "steps/values.oidc": render_steps_values_oidc(view)
        case "steps/values.operate-tasklist": render_steps_values_operate_tasklist(view)
        case "steps/values.optimize": render_steps_values_optimize(view)
        case "steps/values.orchestration": render_steps_values_orchestration(view)
        case "steps/values.persistence": render_steps_values_persistence(view)
        case "steps/values.resources": render_steps_values_resources(view)
        case "steps/values.secret-pattern": render_steps_values_secret_pattern(view)
        case "steps/values.unified-env": render_steps_values_unified_env(view)
        case "steps/values.write-files": render_steps_values_write_files(view)
        case "steps/verify.data": render_steps_verify_data(view)
        case "steps/verify.health": render_steps_verify_health(view)
        case "steps/verify.management-path": render_steps_verify_management_path(view)
        case "steps/verify.node-ids": render_steps_verify_node_ids(view)
        case "steps/verify.pods": render_steps_verify_pods(view)
        case "steps/verify.topology": render_steps_verify_topology(view)
        default: nil
        }
    }

    /// Appends the Markdown layout to `out` (which the caller has sized); true: it is compiled.
    static func markdown(_ view: RunbookView, into out: inout String) -> Bool {
        render_runbook(view, into: &out)
        return true
    }

    /// Appends the page template `name` to `out` (which the caller has sized); false when no such template is compiled.
    static func html(_ name: String, _ view: HTMLRunbookView, into out: inout String) -> Bool {
        switch name {
        case "html/page.html": render_html_page_html(view, into: &out)
        case "html/runbook.html": render_html_runbook_html(view, into: &out)
        default: return false
        }
        return true
    }

    /// `notes/back-to-back`
    private static func render_notes_back_to_back(_ view: WordsView) -> String {
        var out = ""
        out += "The guide says both regions \"must be upgraded simultaneously\" without saying how. Camunda's own test issues the two `helm upgrade` commands back to back, without `--wait`, then waits for both StatefulSets: otherwise the brokers do not become ready.\n"
        return out
    }

    /// `notes/backup-repository-name`
    private static func render_notes_backup_repository_name(_ view: WordsView) -> String {
        var out = ""
        out += "The scenario names no `backupRepository`, so the commands use the snapshot repository `camunda` (the name in Camunda's examples). Use the repository your 8.7 Operate and Tasklist back up to (`camunda.operate.backup.repositoryName`), or set `backupRepository` in the scenario.\n"
        return out
    }

    /// `notes/chart-unknown`
    private static func render_notes_chart_unknown(_ view: WordsView) -> String {
        var out = ""
        out += "Chart `"
        out += view.`chartTo`
        out += "` is not one this c8runbook knows (it knows 13.0.0 to "
        out += view.`newestChart`
        out += "): the runbook names none of its image versions, and takes it to carry the fixes of the newest known chart when it is newer, none when it is not. Check its images against the chart's `values.yaml` and its release notes.\n"
        return out
    }

    /// `notes/compression-old-prefix`
    private static func render_notes_compression_old_prefix(_ view: WordsView) -> String {
        var out = ""
        out += "The guide says \"ensure this variable is also defined\", which reads as the renamed variable. It is the old-prefix `ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION` that must be kept in addition, for the importer (the component that joins the cluster as a standalone gateway), as Camunda's migration values and the guide's earlier wording show.\n"
        return out
    }

    /// `notes/connect-url-not-url`
    private static func render_notes_connect_url_not_url(_ view: WordsView) -> String {
        var out = ""
        out += "The guide's note names the legacy variables `..._ELASTICSEARCHREGION0_ARGS_CONNECT_URL`; the legacy exporters' variables are `..._ARGS_URL`. `_ARGS_CONNECT_URL` exists only for the Camunda Exporter.\n"
        return out
    }

    /// `notes/data-check-every-region`
    private static func render_notes_data_check_every_region(_ view: WordsView) -> String {
        var out = ""
        out += "The guide checks Operate and Tasklist in the browser. Camunda's CI (c8-multi-region `deployC8processAndCheck`) proves the migration by deploying a process and searching its definitions and instances through each region's API; the runbook does the same in both regions, so a region whose exporter or importer stalled shows up here.\n"
        return out
    }

    /// `notes/disable-exporter-key`
    private static func render_notes_disable_exporter_key(_ view: WordsView) -> String {
        var out = ""
        out += "The guide's table says to replace `global.elasticsearch.disableExporter: false`. Remove the key whatever its value: manual exporters (the dual-region reference has `true`) need both chart exporters `false`; a chart-managed exporter on one shared storage needs both `true`.\n"
        return out
    }

    /// `notes/exporter-state-bug`
    private static func render_notes_exporter_state_bug(_ view: WordsView) -> String {
        var out = ""
        out += "Your target chart `"
        out += view.`chartTo`
        out += "` ships "
        if view.`camundaImage` != nil {
            out += "camunda/camunda "
            if let value2 = view.`camundaImage` {
                out += value2
            }
            out += ", "
        }
        out += "an image before 8.8.25: a broker restart can flip a disabled exporter back to `ENABLED` (camunda/camunda#52260). Prefer chart "
        out += view.`exporterFixChart`
        out += " or later (the newest known is "
        out += view.`newestChart`
        out += ") before removing the configuration, and check the exporters after every restart.\n"
        return out
    }

    /// `notes/exporters-converge`
    private static func render_notes_exporters_converge(_ view: WordsView) -> String {
        var out = ""
        out += "Camunda documents this for 8.8 → 8.9 upgrades and for switching Optimize off (camunda-docs#10032, camunda-platform-helm#6455); the clean-up here removes the legacy exporters from the configuration in the same way, so the same convergence check applies. A disabled exporter can also be re-added by the leader's state distribution (camunda/camunda#55585).\n"
        return out
    }

    /// `notes/first-region-is-region0`
    private static func render_notes_first_region_is_region0(_ view: WordsView) -> String {
        var out = ""
        out += "The guide says \"the first region\" without defining it; this runbook takes the region with `regionId: 0`.\n"
        return out
    }

    /// `notes/identity-migration-compression`
    private static func render_notes_identity_migration_compression(_ view: WordsView) -> String {
        var out = ""
        out += "The Job talks to the brokers as a cluster member with its own settings, and its message compression defaults to none (`camunda.migration.identity.cluster.messageCompression`). The cluster compresses with "
        out += view.`compression`
        out += ", so the Job gets the same through `CAMUNDA_MIGRATION_IDENTITY_CLUSTER_MESSAGECOMPRESSION` in `orchestration.migration.identity.env`, which reaches only this Job. Camunda's guide does not say so; this follows from the Job's configuration in camunda/camunda.\n"
        return out
    }

    /// `notes/identity-migration-one-region`
    private static func render_notes_identity_migration_one_region(_ view: WordsView) -> String {
        var out = ""
        out += "Whether to run the Identity migration in one region or both is not documented. Its Job joins the stretched cluster as a member named `migration` (the default of `camunda.migration.identity.cluster.memberId`); two such Jobs, one per region, would join under the same member id. This runbook therefore enables it in region 0's file only ("
        out += view.`region0`.`overlay`
        out += "): one Job, one member. The migration is idempotent, so a re-run is safe.\n"
        return out
    }

    /// `notes/identity-migration-prefix`
    private static func render_notes_identity_migration_prefix(_ view: WordsView) -> String {
        var out = ""
        out += "The baseline guide's Keycloak example prints these keys under a top-level `migration:`; the 13.x chart reads only `orchestration.migration.identity.*`.\n"
        return out
    }

    /// `notes/identity-unsupported`
    private static func render_notes_identity_unsupported(_ view: WordsView) -> String {
        var out = ""
        out += "Camunda's dual-region documentation lists Management Identity as unavailable in a dual-region setup, while the upgrade guide describes an Identity migration. This runbook follows the guide; review the result with Camunda before relying on it.\n"
        return out
    }

    /// `notes/immutable-volume-claims`
    private static func render_notes_immutable_volume_claims(_ view: WordsView) -> String {
        var out = ""
        out += "StatefulSet volume claim templates are immutable: a different size or storage class makes the upgrade fail.\n"
        return out
    }

    /// `notes/importer-restart-56595`
    private static func render_notes_importer_restart_56595(_ view: WordsView) -> String {
        var out = ""
        out += "Restarting the importer can itself cause the hang it is meant to cure: a Tasklist importer restarted between reaching the 8.8 records and saving its completion never marks those partitions completed, and the migration Job waits forever (camunda/camunda#56595, fixed by camunda/camunda#56596 on the 8.8 line in July 2026). "
        if view.`camundaImage` != nil {
            out += "Chart "
            out += view.`chartTo`
            out += " ships camunda/camunda "
            if let value2 = view.`camundaImage` {
                out += value2
            }
            out += "; no released 8.8 image could be confirmed to carry the fix, so check the release notes of "
            if let value3 = view.`camundaImage` {
                out += value3
            }
            out += " before restarting, and prefer the newest chart."
        }
        if view.`camundaImage` == nil {
            out += "Check that your image carries the fix before restarting."
        }
        out += " If it happens, the `tasklist-import-position` documents of the affected partitions stay `completed: false`.\n"
        return out
    }

    /// `notes/importer-restart-context`
    private static func render_notes_importer_restart_context(_ view: WordsView) -> String {
        var out = ""
        out += "The guide's command has no `--context` or `-n`; in a dual-region setup it would restart the importer of whichever cluster your current context points at.\n"
        return out
    }

    /// `notes/job-names-release`
    private static func render_notes_job_names_release(_ view: WordsView) -> String {
        var out = ""
        out += "The baseline guide's troubleshooting hard-codes `camunda-zeebe-migration-data`; the job is named after your release.\n"
        return out
    }

    /// `notes/job-template-immutable`
    private static func render_notes_job_template_immutable(_ view: WordsView) -> String {
        var out = ""
        out += "The migration Job's pod template embeds `orchestration.env`, and Kubernetes Job templates are immutable: changing the env while the Job exists makes `helm upgrade` fail. Switch the migration off in the same upgrade that changes the env.\n"
        return out
    }

    /// `notes/keep-names`
    private static func render_notes_keep_names(_ view: WordsView) -> String {
        var out = ""
        out += "Every name the two regions share (release, namespaces, exporter ids) is referenced by the other region and by the exporters' positions; changing one mid-upgrade breaks the stretched cluster.\n"
        return out
    }

    /// `notes/latest-patch-first`
    private static func render_notes_latest_patch_first(_ view: WordsView) -> String {
        var out = ""
        out += "Camunda's upgrade preparation says direct upgrades to 8.8 are supported only from the latest 8.7.x patch, while the baseline guide calls it strongly recommended. Move both regions to the latest 8.7.x patch first.\n"
        return out
    }

    /// `notes/legacy-enabled-until-complete`
    private static func render_notes_legacy_enabled_until_complete(_ view: WordsView) -> String {
        var out = ""
        out += "The guide says to keep the legacy exporters enabled \"during migration\"; the importers' completion depends on them, so they stay enabled until every migration job completed.\n"
        return out
    }

    /// `notes/management-base-path`
    private static func render_notes_management_base_path(_ view: WordsView) -> String {
        var out = ""
        out += "The chart sets the management base path to `orchestration.contextPath`, so actuator URLs move under it; the guide does not mention this.\n"
        return out
    }

    /// `notes/old-clients-rest`
    private static func render_notes_old_clients_rest(_ view: WordsView) -> String {
        var out = ""
        out += "Clients on the Zeebe Java client or the Spring Zeebe SDK 8.7.15 or older that use the REST API are not compatible with the 8.8 REST API: move them to a later 8.7 patch or to the 8.8 Camunda Java client before the upgrade. gRPC clients keep working.\n"
        return out
    }

    /// `notes/one-backup-both-regions`
    private static func render_notes_one_backup_both_regions(_ view: WordsView) -> String {
        var out = ""
        out += "Camunda's backup guide is written for one cluster. In a dual-region deployment the stretched Zeebe cluster is backed up once (one gateway reaches every partition), while each region's web apps and "
        out += view.`storage`
        out += " are backed up in their region; one backup id ties the parts together so that the restore takes every part from the same moment.\n"
        return out
    }

    /// `notes/one-camunda-exporter-shared`
    private static func render_notes_one_camunda_exporter_shared(_ view: WordsView) -> String {
        var out = ""
        out += "How many Camunda Exporters to define by hand for one shared storage is not documented. This runbook defines one, `CAMUNDASHARED`, pointing at the shared storage: two would write the same data twice.\n"
        return out
    }

    /// `notes/opensearch-connect-type`
    private static func render_notes_opensearch_connect_type(_ view: WordsView) -> String {
        var out = ""
        out += "For OpenSearch the Camunda Exporter needs `_ARGS_CONNECT_TYPE: opensearch` (the default is `elasticsearch`); Camunda publishes no dual-region OpenSearch example.\n"
        return out
    }

    /// `notes/operator-role`
    private static func render_notes_operator_role(_ view: WordsView) -> String {
        var out = ""
        out += "8.7's OPERATOR role (read, and change process instances) has no 8.8 default role of its own: the runbook gives those users `readonly-admin` and `task-worker`, not `admin`. If they must still cancel, retry or modify process instances, grant them that on the Process Definition resource through an authorization or a role of your own.\n"
        return out
    }

    /// `notes/optimize-startup-migration`
    private static func render_notes_optimize_startup_migration(_ view: WordsView) -> String {
        var out = ""
        out += "Optimize must be stopped while its data is upgraded (Camunda's Optimize 8.7 → 8.8 upgrade guide: \"plan for downtime\"). The 13.x chart runs that upgrade as the `migration` init container of the new Optimize pod (`optimize.migration.enabled`, on by default): Optimize is unavailable until it finished, which can take long with much data, and the guide warns that temporary disk usage can reach twice the database's current size. Plan that downtime and that disk in the change window.\n"
        return out
    }

    /// `notes/optimize-unsupported`
    private static func render_notes_optimize_unsupported(_ view: WordsView) -> String {
        var out = ""
        out += "Camunda's dual-region documentation lists Optimize as not supported in a dual-region setup, while the upgrade guide gives Optimize steps. This runbook follows the guide.\n"
        return out
    }

    /// `notes/pin-chart-version`
    private static func render_notes_pin_chart_version(_ view: WordsView) -> String {
        var out = ""
        out += "The baseline guide's example `helm upgrade` omits `--version` and would pull the newest chart; dual-region commands always pin the chart and name the kube context and namespace.\n"
        return out
    }

    /// `notes/post-migration-commands`
    private static func render_notes_post_migration_commands(_ view: WordsView) -> String {
        var out = ""
        out += "The guide says to disable the legacy exporters through the management API but gives no command, ids or checks. This runbook adds them: once for the whole cluster, verified, and before removing the configuration.\n"
        return out
    }

    /// `notes/prefix-migration-irreversible`
    private static func render_notes_prefix_migration_irreversible(_ view: WordsView) -> String {
        var out = ""
        out += "The prefix migration is irreversible: do not restart the cluster on 8.7 afterwards. Camunda does not document how to coordinate it across two regions' storages.\n"
        return out
    }

    /// `notes/restore-downgrade`
    private static func render_notes_restore_downgrade(_ view: WordsView) -> String {
        var out = ""
        out += "Camunda's restore guide restores into a clean installation of the backed-up version. Going back from chart "
        out += view.`chartTo`
        out += " to "
        out += view.`chartFrom`
        out += " is a Helm downgrade; if Helm refuses it (an immutable field of a StatefulSet), `helm uninstall` the release in this region and `helm install` it with the same `--version` and files: the commands otherwise stay the same.\n"
        return out
    }

    /// `notes/rolling-clean-up`
    private static func render_notes_rolling_clean_up(_ view: WordsView) -> String {
        var out = ""
        out += "Unlike the upgrade, the clean-up is rolling: finish region 0 (rollout done, topology healthy) before starting region 1. Both at once would restart the brokers with the same ordinal in both regions together, and with "
        if view.`clusterKnown` {
            out += "replication factor "
            if let value1 = view.`replicationFactor` {
                out += String(value1)
            }
        }
        if !(view.`clusterKnown`) {
            out += "your replication factor (Camunda's dual-region setup uses 4)"
        }
        out += " a partition whose replicas sit on them would lose quorum. Camunda's guide asks for \"simultaneous\" only for the 8.7 → 8.8 upgrade; this order is an inference from how partitions are spread.\n"
        return out
    }

    /// `notes/secret-commands-namespace`
    private static func render_notes_secret_commands_namespace(_ view: WordsView) -> String {
        var out = ""
        out += "Camunda's example `kubectl get secret` lines omit `-n`; in a dual-region setup every call needs the region's context and namespace, as here.\n"
        return out
    }

    /// `notes/separated-ingress`
    private static func render_notes_separated_ingress(_ view: WordsView) -> String {
        var out = ""
        out += "The 13.x chart refuses separated Ingress objects: the upgrade fails until you switch to the combined Ingress.\n"
        return out
    }

    /// `notes/single-instance-per-region`
    private static func render_notes_single_instance_per_region(_ view: WordsView) -> String {
        var out = ""
        out += "\"Single Elasticsearch/OpenSearch instance\" applies inside each region; Camunda's 8.8 dual-region architecture keeps one storage per region.\n"
        return out
    }

    /// `notes/single-instance-shared`
    private static func render_notes_single_instance_shared(_ view: WordsView) -> String {
        var out = ""
        out += "\"Single Elasticsearch/OpenSearch instance\" holds for your shared storage as it is. Camunda's 8.8 dual-region reference keeps one storage per region; with one shared storage, losing it stops both regions' web apps.\n"
        return out
    }

    /// `notes/snapshot-period`
    private static func render_notes_snapshot_period(_ view: WordsView) -> String {
        var out = ""
        out += "The chart always writes `camunda.data.snapshot-period` from `orchestration.data.snapshotPeriod` (default `5m`), and the unified property wins: a non-default `ZEEBE_BROKER_DATA_SNAPSHOTPERIOD` would silently stop applying.\n"
        return out
    }

    /// `notes/storage-in-cluster`
    private static func render_notes_storage_in_cluster(_ view: WordsView) -> String {
        var out = ""
        out += "The storage URL resolves inside the cluster, so the check runs there: a short-lived pod (`"
        out += view.`curlImage`
        out += "`, removed when curl exits) in the region's namespace. Set `STORAGE_AUTH=user:password` in your shell first (`STORAGE_AUTH=:` for a storage without security). A storage signed by a private CA needs its certificate in the pod: exec into a pod that mounts it instead (for example a broker) and run the same curl there with `--cacert`.\n"
        return out
    }

    /// `notes/tasklist-transient-errors`
    private static func render_notes_tasklist_transient_errors(_ view: WordsView) -> String {
        var out = ""
        out += "While the task migration runs, Tasklist can answer with transient errors (tasks not yet migrated, failed requests that succeed on retry). Tell Tasklist users before the upgrade; the errors stop when the Jobs complete.\n"
        return out
    }

    /// `notes/unprotected-api`
    private static func render_notes_unprotected_api(_ view: WordsView) -> String {
        var out = ""
        out += "The guide prints `unprotectedApi: false` \"to restore previous behavior\". `false` is the 8.8 default and means protected; unauthenticated API access needs `unprotectedApi: true`, as the chart and the authentication concept page define it.\n"
        return out
    }

    /// `notes/unprotected-api-production`
    private static func render_notes_unprotected_api_production(_ view: WordsView) -> String {
        var out = ""
        out += "Unprotected API mode lets anyone who reaches the cluster start processes and read data. Camunda advises against it in production.\n"
        return out
    }

    /// `notes/user-passwords`
    private static func render_notes_user_passwords(_ view: WordsView) -> String {
        var out = ""
        out += "Never commit these passwords: keep this file out of Git. It is the last `-f` of every `helm upgrade` in this runbook (the upgrade, the clean-up and the troubleshooting re-runs): without it the users are not created and `demo`/`demo` stays the only admin.\n"
        return out
    }

    /// `notes/watch-jobs-together`
    private static func render_notes_watch_jobs_together(_ view: WordsView) -> String {
        var out = ""
        out += "The guide waits for each region in turn. Both regions migrate at the same time and either can stall or fail; Camunda's CI (c8-multi-region `checkMigrationSucceed`) checks both Jobs and restarts a region's importer after a few minutes without completion, so the runbook watches them together and fails fast.\n"
        return out
    }

    /// `phases/configure-values`
    private static func render_phases_configure_values(_ view: WordsView) -> String {
        var out = ""
        out += "# Configure the 8.8 values\n"
        out += "\n"
        out += "Edit the values files both regions use. Start from a copy of your 8.7 files; every snippet below shows exactly what to write.\n"
        return out
    }

    /// `phases/data-migration`
    private static func render_phases_data_migration(_ view: WordsView) -> String {
        var out = ""
        out += "# Data migration\n"
        out += "\n"
        out += "The importer and the data-migration job move your 8.7 data to the 8.8 model while the legacy exporters keep running.\n"
        return out
    }

    /// `phases/post-migration`
    private static func render_phases_post_migration(_ view: WordsView) -> String {
        var out = ""
        out += "# Post-migration clean-up\n"
        out += "\n"
        out += "In this order, and only after every migration job completed.\n"
        return out
    }

    /// `phases/prepare`
    private static func render_phases_prepare(_ view: WordsView) -> String {
        var out = ""
        out += "# Prepare\n"
        out += "\n"
        out += "Checks and decisions before anything changes. Every step here is done before the first `helm upgrade`.\n"
        return out
    }

    /// `phases/troubleshooting`
    private static func render_phases_troubleshooting(_ view: WordsView) -> String {
        var out = ""
        out += "# Troubleshooting\n"
        out += "\n"
        out += "Remedies, used only when something goes wrong; the upgrade is complete without them.\n"
        return out
    }

    /// `phases/upgrade`
    private static func render_phases_upgrade(_ view: WordsView) -> String {
        var out = ""
        out += "# Upgrade both regions\n"
        out += "\n"
        out += "The two `helm upgrade` commands run back to back, then both regions roll out.\n"
        return out
    }

    /// `phases/verify`
    private static func render_phases_verify(_ view: WordsView) -> String {
        var out = ""
        out += "# Verify\n"
        out += "\n"
        out += "The stretched cluster is whole, on 8.8, and serving your data.\n"
        return out
    }

    /// `steps/migration.complete`
    private static func render_steps_migration_complete(_ view: WordsView) -> String {
        var out = ""
        out += "# Confirm region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "'s data migration completed\n"
        out += "\n"
        out += "The importer `"
        out += view.`importerName`
        out += "` is available and the Job `"
        out += view.`dataMigrationJob`
        out += "` reports `Complete`. The job's log shows `Process Migration completed` and `Task Migration completed successfully` (or `Task Migration is not needed`). The importer may keep running afterwards; that is expected.\n"
        return out
    }

    /// `steps/migration.identity`
    private static func render_steps_migration_identity(_ view: WordsView) -> String {
        var out = ""
        out += "# Wait for the Identity migration in region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "\n"
        out += "\n"
        out += "The Job `"
        out += view.`identityMigrationJob`
        out += "` starts once the Orchestration Cluster is ready. Its log lists the migration handlers, such as `RoleMigrationHandler - Role Migration completed`. Groups are not migrated: configure them in the Orchestration Cluster's Identity.\n"
        return out
    }

    /// `steps/migration.legacy-exporters-enabled`
    private static func render_steps_migration_legacy_exporters_enabled(_ view: WordsView) -> String {
        var out = ""
        out += "# Leave the legacy exporters enabled until every migration completed\n"
        out += "\n"
        out += "The importers read the records the legacy exporters write, and complete only once they see data written by 8.8; the Camunda Exporters start after that. Do not disable or remove "
        out += view.`legacyIDs`
        out += " until "
        if view.`migrationInBoth` {
            out += "both regions' jobs"
        }
        if !(view.`migrationInBoth`) {
            out += "region 0's job"
        }
        out += " completed.\n"
        return out
    }

    /// `steps/migration.watch`
    private static func render_steps_migration_watch(_ view: WordsView) -> String {
        var out = ""
        out += "# Create traffic and watch "
        if view.`migrationInBoth` {
            out += "both regions'"
        }
        if !(view.`migrationInBoth`) {
            out += "the"
        }
        out += " migration Job"
        if view.`migrationInBoth` {
            out += "s"
        }
        out += " together\n"
        out += "\n"
        out += "Right after the upgrades, deploy a one-task process and start an instance through region 0's REST API: the importers complete only once they see records written by 8.8, and an idle cluster never completes the import (camunda/camunda#38476). Keep the port-forward running: `verify.topology` and `verify.data` use it.\n"
        out += "\n"
        out += "Then one loop watches "
        if view.`migrationInBoth` {
            out += "both Jobs"
        }
        if !(view.`migrationInBoth`) {
            out += "the Job"
        }
        out += " `"
        out += view.`dataMigrationJob`
        out += "` every 15 seconds. It stops at once when a Job reports `Failed` (then `troubleshooting.failed-migration-job`), ends when every Job is `Complete`, and after 5 minutes without completion says so each round: read the importer's log and, if it repeats the same batch, restart the importer (`troubleshooting.restart-importer`) instead of waiting. Camunda's own CI restarts the importer after 5 minutes and allows 45 minutes in all.\n"
        return out
    }

    /// `steps/post.data`
    private static func render_steps_post_data(_ view: WordsView) -> String {
        var out = ""
        out += "# Check the data path again after the clean-up\n"
        out += "\n"
        out += "The clean-up restarted every broker and removed the importer. Deploy the check process and start an instance through region 0 again, then search both through each region's REST API: both regions list the new instance.\n"
        return out
    }

    /// `steps/post.disk`
    private static func render_steps_post_disk(_ view: WordsView) -> String {
        var out = ""
        out += "# Watch the brokers' disk for a day\n"
        out += "\n"
        out += "For a day after the clean-up, watch each broker volume's usage: with every exporter exporting or disabled, it stays flat under load. A steady climb means a partition cannot compact its log; list the exporters again (`post.exporters.converge`).\n"
        return out
    }

    /// `steps/post.drill`
    private static func render_steps_post_drill(_ view: WordsView) -> String {
        var out = ""
        out += "# Rehearse failover and failback (recommended)\n"
        out += "\n"
        out += "Camunda's CI runs its failover and failback procedure right after the migration (c8-multi-region `TestAWSDualRegFailover_8_6_plus`, `TestAWSDualRegFailback_8_6_plus`). Rehearse Camunda's 8.8 dual-region operational procedure on a test deployment upgraded the same way, with the exporter ids "
        out += view.`camundaIDs`
        out += ", before you need it in production.\n"
        return out
    }

    /// `steps/post.end-state`
    private static func render_steps_post_end_state(_ view: WordsView) -> String {
        var out = ""
        out += "# Compare with the end state\n"
        out += "\n"
        out += "After the clean-up, your base file has the structure of Camunda's greenfield 8.8 dual-region values: no migration switch, no old-prefix compression variable"
        if !(view.`optimize`) {
            out += ", no legacy exporters"
        }
        out += ". The env list should hold:\n"
        return out
    }

    /// `steps/post.exporters.confirm`
    private static func render_steps_post_exporters_confirm(_ view: WordsView) -> String {
        var out = ""
        out += "# Confirm the exporters' state\n"
        out += "\n"
        out += "The legacy exporters are `DISABLED` and the Camunda Exporters `ENABLED`, on every broker:\n"
        return out
    }

    /// `steps/post.exporters.converge`
    private static func render_steps_post_exporters_converge(_ view: WordsView) -> String {
        var out = ""
        out += "# Disable again every legacy exporter that is not `DISABLED`\n"
        out += "\n"
        out += "Removing an exporter from the values only removes it from the brokers' static configuration; each broker keeps it in its dynamic configuration, where it can be stuck in `ENABLED`, `UNKNOWN` or `CONFIG_NOT_FOUND` and pin log compaction, so the volumes fill. List the exporters: every legacy one ("
        out += view.`legacyIDs`
        out += ") must say exactly `DISABLED`. The loop disables again any that does not; then `lastChange` must show `\"status\": \"COMPLETED\"` with no `pendingChange`. Repeat the list and the loop until every legacy exporter reports `DISABLED`.\n"
        return out
    }

    /// `steps/post.exporters.disable`
    private static func render_steps_post_exporters_disable(_ view: WordsView) -> String {
        var out = ""
        out += "# Disable the legacy exporters through the management API\n"
        out += "\n"
        out += "The exporter state is cluster-wide: do this once, through region 0. Port-forward in a second terminal, then disable each legacy exporter by id ("
        out += view.`legacyIDs`
        out += "). Each call must answer HTTP `202` with a body containing `DISABLED`; after each, repeat the `lastChange` query until it shows `\"status\": \"COMPLETED\"` and there is no `pendingChange`.\n"
        return out
    }

    /// `steps/post.exporters.no-delete`
    private static func render_steps_post_exporters_no_delete(_ view: WordsView) -> String {
        var out = ""
        out += "# Do not delete the disabled exporters\n"
        out += "\n"
        out += "`DELETE actuator/exporters/<id>` refuses an exporter in state `DISABLED` (\"is in state 'DISABLED' instead of 'CONFIG_NOT_FOUND'\", camunda/camunda#39053). After the upgrade `GET actuator/exporters` lists "
        out += String(view.`exporterCount`)
        out += " exporters: "
        out += String(view.`legacyCount`)
        out += " disabled legacy one"
        if !(view.`legacySingle`) {
            out += "s"
        }
        out += " ("
        out += view.`legacyIDs`
        out += ") and "
        out += String(view.`camundaCount`)
        out += " enabled Camunda Exporter"
        if !(view.`camundaSingle`) {
            out += "s"
        }
        out += " ("
        out += view.`camundaIDs`
        out += "). That is the expected end state.\n"
        return out
    }

    /// `steps/post.exporters.recheck`
    private static func render_steps_post_exporters_recheck(_ view: WordsView) -> String {
        var out = ""
        out += "# Check the legacy exporters stay disabled\n"
        out += "\n"
        out += "The clean-up rollout restarted every broker. List the exporters again"
        if !(view.`exporterStateFix`) {
            out += ", and repeat this after every broker restart"
        }
        out += ": every legacy exporter must say exactly `DISABLED`; if one shows anything else (`ENABLED`, `UNKNOWN`, `CONFIG_NOT_FOUND`), `post.exporters.converge` disables it again.\n"
        return out
    }

    /// `steps/post.helm`
    private static func render_steps_post_helm(_ view: WordsView) -> String {
        var out = ""
        out += "# Roll out the clean-up in region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "\n"
        out += "\n"
        if !(view.`region`?.`second` == true) {
            out += "The same upgrade, now with the end-state files from `"
            out += view.`finalDir`
            out += "` (every file by its absolute path"
            if view.`usersFile` != nil {
                out += ", the users file included"
            }
            out += "). Region 0 only: region 1 follows once region 0 is healthy again."
        }
        if view.`region`?.`second` == true {
            out += "Region 0 has rolled out and the topology is healthy: now region 1, with its end-state files from `"
            out += view.`finalDir`
            out += "`."
        }
        out += "\n"
        return out
    }

    /// `steps/post.keep-legacy-exporters`
    private static func render_steps_post_keep_legacy_exporters(_ view: WordsView) -> String {
        var out = ""
        out += "# Keep the legacy exporters enabled for Optimize\n"
        out += "\n"
        out += "Optimize reads the legacy exporters' indices: keep "
        out += view.`legacyIDs`
        out += " configured and `ENABLED` permanently, and include them in the failover and failback exporter steps of the dual-region operational procedure.\n"
        return out
    }

    /// `steps/post.operational-procedure`
    private static func render_steps_post_operational_procedure(_ view: WordsView) -> String {
        var out = ""
        out += "# Update your operational procedure\n"
        out += "\n"
        out += "Camunda's dual-region failover and failback procedure for 8.8 uses the exporter ids "
        out += view.`camundaIDs`
        out += "; the disabled legacy exporters can be ignored there. Its `helm` commands use the base file and each region's overlay, and toggle Operate and Tasklist with `--set orchestration.profiles.operate=false --set orchestration.profiles.tasklist=false`.\n"
        return out
    }

    /// `steps/post.precondition`
    private static func render_steps_post_precondition(_ view: WordsView) -> String {
        var out = ""
        out += "# Confirm every migration job completed\n"
        out += "\n"
        out += "Nothing in this phase may start before "
        if view.`migrationInBoth` {
            out += "both regions' data-migration jobs"
        }
        if !(view.`migrationInBoth`) {
            out += "region 0's data-migration job"
        }
        if view.`identity` {
            out += " and region 0's Identity migration job"
        }
        out += " completed. Each command must print `1`.\n"
        return out
    }

    /// `steps/post.rollout`
    private static func render_steps_post_rollout(_ view: WordsView) -> String {
        var out = ""
        out += "# Watch region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "'s clean-up roll out\n"
        out += "\n"
        out += "Wait for the rollout; the importer Deployment and the migration Job are gone afterwards. Then check the topology: all "
        if view.`clusterKnown` {
            if let value2 = view.`clusterSize` {
                out += String(value2)
            }
            out += " "
        }
        out += "brokers, every partition with a leader and "
        if view.`clusterKnown` {
            if let value3 = view.`replicationFactor` {
                out += String(value3)
            }
        }
        if !(view.`clusterKnown`) {
            out += "as many"
        }
        out += " healthy replicas"
        if !(view.`clusterKnown`) {
            out += " as your replication factor"
        }
        out += "."
        if !(view.`region`?.`second` == true) {
            out += " Only then start region 1's clean-up."
        }
        out += "\n"
        return out
    }

    /// `steps/post.values.identity-migration-off`
    private static func render_steps_post_values_identity_migration_off(_ view: WordsView) -> String {
        var out = ""
        out += "# Switch off the Identity migration\n"
        out += "\n"
        out += "Set `orchestration.migration.identity.enabled: false`. The `migration` client the chart created in Keycloak can be removed once the migration completed.\n"
        return out
    }

    /// `steps/post.values.migration-off`
    private static func render_steps_post_values_migration_off(_ view: WordsView) -> String {
        var out = ""
        out += "# Switch off the migration in the values\n"
        out += "\n"
        out += "The migration is done: remove the switch (Helm then deletes the importer and the job)"
        if view.`compressionEnabled` {
            out += " and the old-prefix `ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION`, which only the importer needed"
        }
        if view.`clusterTLS` == true {
            out += ", and the migration pods' cluster TLS settings (`values.migration-pods-tls`): the old-prefix `ZEEBE_GATEWAY_CLUSTER_SECURITY_*` variables in `orchestration.env` and the certificate volumes and mounts on `orchestration.importer.*` and `orchestration.migration.data.*`, which only the importer and the Job used"
        }
        out += ". Do both in the same upgrade. `c8runbook values --stage final` reads your 8.7 files and writes the end state into `"
        out += view.`finalDir`
        out += "`"
        if !(view.`optimize`) {
            out += ", legacy exporters removed as well"
        }
        out += "; the clean-up `helm upgrade` commands read it from there, by absolute path.\n"
        return out
    }

    /// `steps/post.values.remove-legacy-exporters`
    private static func render_steps_post_values_remove_legacy_exporters(_ view: WordsView) -> String {
        var out = ""
        out += "# Remove the legacy exporters from the values\n"
        out += "\n"
        out += "Only now that they are disabled: delete the legacy exporter configuration. Removing it without disabling first would leave the exporters in state `CONFIG_NOT_FOUND`, blocking log compaction and growing the disks.\n"
        return out
    }

    /// `steps/prepare.backup`
    private static func render_steps_prepare_backup(_ view: WordsView) -> String {
        var out = ""
        out += "# Back up both regions with one backup id\n"
        out += "\n"
        out += "Take one backup of the whole deployment, with one id, as Camunda's 8.7 backup procedure says: first every region's web apps (Operate, Tasklist"
        if view.`optimize` {
            out += ", Optimize"
        }
        out += "), then the Zeebe cluster once, through region 0's gateway (both regions' brokers form one cluster). Backups of the components taken separately may not form a consistent recovery point. The commands run inside the clusters from short-lived curl pods, against the 8.7 services `"
        out += view.`release`
        out += "-operate`, `"
        out += view.`release`
        out += "-tasklist`"
        if view.`optimize` {
            out += ", `"
            out += view.`release`
            out += "-optimize`"
        }
        out += " and `"
        out += view.`gatewayService`
        out += "`.\n"
        out += "\n"
        out += "1. `BACKUP_ID` is set once, in this shell; keep the shell open until the end.\n"
        out += "2. Start the web apps' backups in region 0 and region 1, then repeat each check until it answers `\"state\":\"COMPLETED\"` (`FAILED` or `INCOMPLETE`: start again with a new id).\n"
        out += "3. Soft-pause exporting (expect HTTP 204), snapshot the `zeebe-record*` indices of "
        if view.`perRegion` {
            out += "each region's "
            out += view.`storage`
        }
        if view.`shared` {
            out += "the shared "
            out += view.`storage`
        }
        out += " (`\"state\":\"SUCCESS\"`), start the Zeebe backup, and repeat its check until `\"state\":\"COMPLETED\"` on every partition.\n"
        out += "4. Resume exporting (HTTP 204), **also if any step failed**: a soft pause left on stops log compaction.\n"
        out += "5. Write the printed `BACKUP_ID` into the change log. The Zeebe backup needs the brokers' backup store (`ZEEBE_BROKER_DATA_BACKUP_STORE` and its settings) configured in 8.7; without it the Zeebe backup fails, and there is no way back.\n"
        return out
    }

    /// `steps/prepare.disk`
    private static func render_steps_prepare_disk(_ view: WordsView) -> String {
        var out = ""
        out += "# Plan disk for index replicas"
        if let object1 = view.`region` {
            out += " in region "
            out += String(object1.`id`)
        }
        out += "\n"
        out += "\n"
        out += "8.8 creates its Camunda indices with 1 replica (`orchestration.index.replicas: 1`). If 8.7 ran with 0 replicas, plan at least 2.5 times the current disk usage, and at least two master-eligible nodes, or the cluster turns yellow. To keep no replicas, set `CAMUNDA_DATABASE_INDEX_NUMBER_OF_REPLICAS=0` in `orchestration.env` of the 8.8 files **before** the upgrade, or only in the clean-up upgrade: while the migration Job exists, a changed `orchestration.env` makes `helm upgrade` fail (a Job's pod template is immutable).\n"
        return out
    }

    /// `steps/prepare.exporter-inventory`
    private static func render_steps_prepare_exporter_inventory(_ view: WordsView) -> String {
        var out = ""
        out += "# Inventory the 8.7 exporters\n"
        out += "\n"
        out += "Start the port-forward in a second terminal (it blocks), then list the exporters. Expect "
        out += view.`legacyIDs`
        out += ", all `ENABLED`; these ids are used again after the migration.\n"
        return out
    }

    /// `steps/prepare.importer-backlog`
    private static func render_steps_prepare_importer_backlog(_ view: WordsView) -> String {
        var out = ""
        out += "# Drain the importer backlog in region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "\n"
        out += "\n"
        out += "The 8.7 Operate and Tasklist importers must be nearly idle before the upgrade. In Grafana (or any Prometheus front end), the average import time in namespace `"
        if let value2 = view.`region`?.`namespace` {
            out += value2
        }
        out += "` should be a few seconds, ideally under 10 s:\n"
        return out
    }

    /// `steps/prepare.index-prefixes`
    private static func render_steps_prepare_index_prefixes(_ view: WordsView) -> String {
        var out = ""
        out += "# Migrate custom index prefixes"
        if let object1 = view.`region` {
            out += " in region "
            out += String(object1.`id`)
        }
        out += "\n"
        out += "\n"
        out += "Your 8.7 Operate/Tasklist used custom index prefixes. Before anything else: take a full backup, scale the 8.7 deployment to zero, then run the prefix migration with the old `CAMUNDA_OPERATE_ELASTICSEARCH_INDEX_PREFIX` / `CAMUNDA_TASKLIST_ELASTICSEARCH_INDEX_PREFIX` and the new `"
        if let value2 = view.`prefixVariable` {
            out += value2
        }
        out += "` in `application.yaml`. Afterwards set `"
        if let value3 = view.`prefixVariable` {
            out += value3
        }
        out += "` and the Camunda Exporters' `..._ARGS_CONNECT_INDEXPREFIX` in the 8.8 values.\n"
        return out
    }

    /// `steps/prepare.keep-setup`
    private static func render_steps_prepare_keep_setup(_ view: WordsView) -> String {
        var out = ""
        out += "# Keep the deployment's names and shape\n"
        out += "\n"
        out += "An upgrade is not the time for architectural change. Keep: release `"
        out += view.`release`
        out += "` in both regions, namespaces `"
        out += view.`region0`.`namespace`
        out += "` and `"
        out += view.`region1`.`namespace`
        out += "`, `global.multiregion.*`, "
        if view.`clusterKnown` {
            out += "cluster size "
            if let value1 = view.`clusterSize` {
                out += String(value1)
            }
            out += ", "
            if let value2 = view.`partitions` {
                out += String(value2)
            }
            out += " partitions, replication factor "
            if let value3 = view.`replicationFactor` {
                out += String(value3)
            }
            out += ", "
        }
        if !(view.`clusterKnown`) {
            out += "your cluster size, partition count and replication factor as in your 8.7 values, "
        }
        out += "the authentication method, and the exporter ids "
        out += view.`legacyIDs`
        out += ". LDAP is not supported in 8.8.\n"
        return out
    }

    /// `steps/prepare.secrets`
    private static func render_steps_prepare_secrets(_ view: WordsView) -> String {
        var out = ""
        out += "# Move plaintext secrets into Kubernetes Secrets in region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "\n"
        out += "\n"
        out += "8.8 references secrets with `secret.existingSecret` and `secret.existingSecretKey` (both required, there is no default key). Extract each plaintext value from your values files"
        if view.`identity` {
            out += " or from the chart-generated Secrets"
        }
        out += ", put it in a Secret in namespace `"
        if let value2 = view.`region`?.`namespace` {
            out += value2
        }
        out += "` (for example `camunda-credentials`, in `existing-secrets-manifest.yaml` in the scenario's folder, kept out of Git), reference it from the values, and delete the plaintext.\n"
        return out
    }

    /// `steps/prepare.storage-layout`
    private static func render_steps_prepare_storage_layout(_ view: WordsView) -> String {
        var out = ""
        out += "# "
        if view.`perRegion` {
            out += "Keep one "
            out += view.`storage`
            out += " per region"
        }
        if view.`shared` {
            out += "Keep the shared "
            out += view.`storage`
        }
        out += "\n"
        out += "\n"
        out += "The component guide asks for a single "
        out += view.`storage`
        out += " instance for Zeebe, Operate and Tasklist data. "
        if view.`perRegion` {
            out += "In a dual-region setup this holds inside each region: keep your two regional storages; do not merge them."
        }
        if view.`shared` {
            out += "Your deployment already uses one "
            out += view.`storage`
            out += " for both regions: keep it. The data migration then runs in region 0 only, and "
            out += String(view.`camundaCount`)
            out += " Camunda Exporter"
            if !(view.`camundaSingle`) {
                out += "s"
            }
            out += " write"
            if view.`camundaSingle` {
                out += "s"
            }
            out += " to it."
        }
        out += "\n"
        return out
    }

    /// `steps/prepare.storage-version`
    private static func render_steps_prepare_storage_version(_ view: WordsView) -> String {
        var out = ""
        out += "# Check the "
        out += view.`storage`
        out += " version"
        if let object1 = view.`region` {
            out += " in region "
            out += String(object1.`id`)
        }
        out += "\n"
        out += "\n"
        out += "Camunda 8.8 needs Elasticsearch 8.16 or later, or OpenSearch 2.17 or later, "
        if view.`perRegion` {
            out += "in every region's storage"
        }
        if view.`shared` {
            out += "in the shared storage"
        }
        out += ". Read `version.number` in the answer."
        if view.`subchart` {
            out += " With the chart's Elasticsearch subchart, the 13.x chart raises the image itself ("
            if view.`elasticsearchImage` != nil {
                out += view.`chartTo`
                out += " ships "
                if let value3 = view.`elasticsearchImage` {
                    out += value3
                }
            }
            if view.`elasticsearchImage` == nil {
                out += "see its `elasticsearch.image.tag`"
            }
            out += ")."
        }
        out += " Amazon OpenSearch is not supported in a dual-region setup.\n"
        return out
    }

    /// `steps/prepare.versions`
    private static func render_steps_prepare_versions(_ view: WordsView) -> String {
        var out = ""
        out += "# Confirm both regions run the same 8.7 release and pin the 8.8 chart\n"
        out += "\n"
        out += "Check that both regions run the same chart (`"
        out += view.`chartFrom`
        out += "`, Camunda 8.7.x) under release `"
        out += view.`release`
        out += "`. Upgrade one minor only: 8.7 → 8.8, chart 12.x → 13.x. This runbook pins chart `"
        out += view.`chartTo`
        out += "` in every `helm` command; confirm it is listed by the search below and that you have read its release notes. The first line sets the variables Camunda's dual-region scripts and operational procedure use; the last saves the chart's defaults to compare your values with.\n"
        return out
    }

    /// `steps/rollback.plan`
    private static func render_steps_rollback_plan(_ view: WordsView) -> String {
        var out = ""
        out += "# Abort or roll back: what can still be undone\n"
        out += "\n"
        out += "Read this before the upgrade and keep the backup id at hand. The point of no return is the first `helm upgrade` to 8.8 (`upgrade.helm.region0`): the brokers migrate their state when they start on 8.8, and Camunda supports no downgrade.\n"
        out += "\n"
        out += "| Reached | To go back |\n"
        out += "|---|---|\n"
        out += "| Any `prepare.*` or `values.*` step | Nothing changed in the clusters: stop here. If `prepare.backup` stopped half-way, resume exporting (its last `POST …/exporting/resume`). |\n"
        out += "| `upgrade.helm.region0` or later, up to the clean-up | Restore the backup in both regions: `rollback.restore-storage`, then `rollback.restore-zeebe` in region 0 and region 1. Everything written since the backup is lost. |\n"
        out += "| `post.helm.*` (clean-up) or later | The same restore; the legacy exporters' indices are no longer written after `post.exporters.disable`. |\n"
        out += "\n"
        out += "Decide within the change window; the longer 8.8 runs, the more work the restore discards.\n"
        return out
    }

    /// `steps/rollback.restore-storage`
    private static func render_steps_rollback_restore_storage(_ view: WordsView) -> String {
        var out = ""
        out += "# Restore the "
        out += view.`storage`
        out += " from the backup"
        if let object1 = view.`region` {
            out += " in region "
            out += String(object1.`id`)
        }
        out += "\n"
        out += "\n"
        out += "Only to abort the upgrade (see `rollback.plan`). Stops "
        if let object2 = view.`region` {
            out += "region "
            out += String(object2.`id`)
            out += "'s"
        }
        if view.`region` == nil {
            out += "both regions'"
        }
        out += " Camunda components, lists the snapshots of `BACKUP_ID` (every one must say `SUCCESS`), deletes Camunda's indices and restores every snapshot of the backup, one by one. Run it in both regions before `rollback.restore-zeebe`.\n"
        return out
    }

    /// `steps/rollback.restore-zeebe`
    private static func render_steps_rollback_restore_zeebe(_ view: WordsView) -> String {
        var out = ""
        out += "# Restore region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "'s brokers from the backup on chart "
        out += view.`chartFrom`
        out += "\n"
        out += "\n"
        out += "Only to abort the upgrade, after `rollback.restore-storage`. With the brokers stopped and their volumes deleted, the 8.7 chart starts them with `ZEEBE_RESTORE` from the file below, beside your 8.7 values files (write it first: your 8.7 `zeebe.env` plus the two restore variables); each broker restores its partitions from the backup store; follow broker 0's log until the restore finished. Do both regions before the last command, the plain 8.7 release, which starts every component again.\n"
        if view.`subchart` {
            out += "\n"
            out += "The chart's own Elasticsearch stays on the image it runs now: chart "
            out += view.`chartFrom`
            out += " would put back its older Elasticsearch, which does not start on data a newer version wrote, so both `helm upgrade` commands set `elasticsearch.image.tag` to the running image's tag (read first into `ELASTICSEARCH_IMAGE`).\n"
        }
        return out
    }

    /// `steps/troubleshooting.failed-migration-job`
    private static func render_steps_troubleshooting_failed_migration_job(_ view: WordsView) -> String {
        var out = ""
        out += "# Re-run a failed migration job in region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "\n"
        out += "\n"
        out += "When `"
        out += view.`dataMigrationJob`
        out += "` reached its `backoffLimit` (6 by default), delete the job and run region "
        if let value2 = view.`region`?.`id` {
            out += String(value2)
        }
        out += "'s `helm upgrade` again with the same values.\n"
        return out
    }

    /// `steps/troubleshooting.importer-stalls`
    private static func render_steps_troubleshooting_importer_stalls(_ view: WordsView) -> String {
        var out = ""
        out += "# Known importer and migration stalls\n"
        out += "\n"
        out += "- An idle cluster never completes the import (camunda/camunda#38476): create traffic, for example deploy a process.\n"
        out += "- The Tasklist importer does not complete on a partition (#51004), or never marks completion after a restart within the completion window (#56595, #40267): see the workarounds in those issues.\n"
        return out
    }

    /// `steps/troubleshooting.restart-importer`
    private static func render_steps_troubleshooting_restart_importer(_ view: WordsView) -> String {
        var out = ""
        out += "# Restart a stuck importer in region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "\n"
        out += "\n"
        out += "If the importer processes the same batch again and again and the job does not complete, especially when the other region's migration already completed, restart the importer pod and wait for the job again.\n"
        return out
    }

    /// `steps/upgrade.coordinate`
    private static func render_steps_upgrade_coordinate(_ view: WordsView) -> String {
        var out = ""
        out += "# Coordinate the two upgrades\n"
        out += "\n"
        out += "Both regions must be upgraded at the same time. Before starting, open one terminal per region, agree who runs which, and have both `helm upgrade` commands ready: region 1's starts right after region 0's, with no waiting in between."
        if view.`shared` {
            out += " This holds even though the data migration runs only in region 0."
        }
        out += "\n"
        return out
    }

    /// `steps/upgrade.helm`
    private static func render_steps_upgrade_helm(_ view: WordsView) -> String {
        var out = ""
        out += "# Upgrade region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "\n"
        out += "\n"
        out += "The migration-stage files `c8runbook values` wrote to `"
        out += view.`migrationDir`
        out += "`, each by its absolute path, so the command works from any folder; `-f` order matters, later files win."
        if view.`usersFile` != nil {
            out += " The last file, `"
            if let value3 = view.`usersFile` {
                out += value3
            }
            out += "`, holds the basic-auth users and their passwords: keep it out of Git."
        }
        if view.`region`?.`second` == true {
            out += " Start it immediately after region 0's, without waiting for region 0 to become ready: the brokers of one region only become ready when the stretched cluster is whole."
        }
        out += "\n"
        return out
    }

    /// `steps/upgrade.helm-repo`
    private static func render_steps_upgrade_helm_repo(_ view: WordsView) -> String {
        var out = ""
        out += "# Refresh the chart repository\n"
        out += "\n"
        out += "Run once, on the machine you upgrade from, right before the two upgrades: adds Camunda's chart repository as `camunda` if it is not there yet (helm stops with an error if `camunda` already names another repository: then use that one's name in every `helm` command, or rename it), then refreshes it.\n"
        return out
    }

    /// `steps/upgrade.objects`
    private static func render_steps_upgrade_objects(_ view: WordsView) -> String {
        var out = ""
        out += "# Check region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "'s objects\n"
        out += "\n"
        out += "Expect: no `"
        out += view.`release`
        out += "-operate`, `"
        out += view.`release`
        out += "-tasklist` or `"
        out += view.`release`
        out += "-zeebe-gateway` Deployments; StatefulSet `"
        out += view.`orchestrationName`
        out += "` with "
        if view.`clusterKnown` {
            if let value2 = view.`brokersPerRegion` {
                out += String(value2)
            }
            out += " replicas"
        }
        if !(view.`clusterKnown`) {
            out += "as many replicas as in 8.7 (half your cluster size)"
        }
        out += "; Service `"
        out += view.`gatewayService`
        out += "` (ports 9600, 8080, 26500)"
        if view.`region`?.`migrates` == true {
            out += "; Deployment `"
            out += view.`importerName`
            out += "` and Job `"
            out += view.`dataMigrationJob`
            out += "`"
        }
        if view.`identity` {
            if !(view.`region`?.`second` == true) {
                out += "; Job `"
                out += view.`identityMigrationJob`
                out += "` (the Identity migration runs in region 0 only)"
            }
        }
        out += ".\n"
        return out
    }

    /// `steps/upgrade.rollout`
    private static func render_steps_upgrade_rollout(_ view: WordsView) -> String {
        var out = ""
        out += "# Watch region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += " roll out\n"
        out += "\n"
        out += "Watch the pods: the 8.7 Operate, Tasklist and gateway pods terminate, the StatefulSet `"
        out += view.`orchestrationName`
        out += "` keeps its name and restarts with 8.8"
        if view.`region`?.`migrates` == true {
            out += ", and the importer `"
            out += view.`importerName`
            out += "` and Job `"
            out += view.`dataMigrationJob`
            out += "` appear"
        }
        out += ". Wait for every rollout to finish.\n"
        return out
    }

    /// `steps/values.api-security`
    private static func render_steps_values_api_security(_ view: WordsView) -> String {
        var out = ""
        out += "# "
        if view.`apiProtected` {
            out += "Prepare every client for authenticated APIs"
        }
        if view.`apiUnprotected` {
            out += "Keep the APIs unauthenticated"
        }
        out += "\n"
        out += "\n"
        out += "In 8.8 the gRPC and REST APIs require authentication by default (`unprotectedApi: false`, `authorizations.enabled: true`).\n"
        if view.`apiProtected` {
            out += "You keep that default: every worker, client and Connectors runtime must authenticate after the upgrade ("
            if view.`identity` {
                out += "OIDC tokens"
            }
            if !(view.`identity`) {
                out += "basic authentication, user and password"
            }
            out += "). Update their configuration before the upgrade window.\n"
        }
        if view.`apiUnprotected` {
            out += "You restore the 8.7 behaviour:\n"
        }
        return out
    }

    /// `steps/values.authentication`
    private static func render_steps_values_authentication(_ view: WordsView) -> String {
        var out = ""
        out += "# Keep basic authentication"
        if view.`hasUsers` {
            out += " and re-create your users"
        }
        out += "\n"
        out += "\n"
        out += "In 8.8 basic authentication covers the whole Orchestration Cluster (APIs and web apps), not only Operate and Tasklist. It is the 13.x chart's default (`global.security.authentication.method: basic`, which the Orchestration Cluster"
        if view.`connectors` {
            out += " and Connectors inherit"
        }
        if !(view.`connectors`) {
            out += " inherits"
        }
        out += "), so `c8runbook values` writes no method; the first block below makes it explicit, should a later chart change the default.\n"
        if view.`hasUsers` {
            out += "\n"
            out += "Users from `camunda.operate.userId` / `camunda.tasklist.userId` are not migrated. Re-create "
            out += view.`users`
            out += " as initial users, otherwise only the default `demo`/`demo` exists. Helm arrays replace the chart's defaults, so list every user you still want. Each user gets the 8.8 roles of its 8.7 role (OWNER → `admin`, USER → `readonly-admin`); a name without a role in the scenario is Operate's `userId` user, an OWNER."
            if view.`connectors` {
                out += " Connectors sign in with the first user of the list, so the list starts with `connectors`, in the `connectors` role."
            }
            out += " The file goes last on both `helm upgrade` commands, the clean-up's and the troubleshooting re-runs: the runbook's commands already name it.\n"
        }
        if !(view.`hasUsers`) {
            out += "\n"
            out += "You defined no 8.7 users of your own, so after the upgrade the chart's default users exist: `connectors` (password `connector`), which Connectors sign in with, and `demo` (password `demo`), an admin. Change them, or define initial users under `orchestration.security.initialization.users` (Connectors take the first entry), before the cluster is reachable by others.\n"
        }
        return out
    }

    /// `steps/values.backup-repository`
    private static func render_steps_values_backup_repository(_ view: WordsView) -> String {
        var out = ""
        out += "# Use one backup repository\n"
        out += "\n"
        out += "8.8 uses one backup repository for Operate and Tasklist. Replace `CAMUNDA_OPERATE_BACKUP_REPOSITORYNAME` and `CAMUNDA_TASKLIST_BACKUP_REPOSITORYNAME` with one variable, `"
        if let value1 = view.`repository` {
            out += value1
        }
        out += "`:\n"
        return out
    }

    /// `steps/values.camunda-exporters`
    private static func render_steps_values_camunda_exporters(_ view: WordsView) -> String {
        var out = ""
        out += "# Add the Camunda "
        if view.`perRegion` {
            out += "Exporter for each region"
        }
        if view.`shared` {
            out += "Exporter for the shared storage"
        }
        out += "\n"
        out += "\n"
        if view.`perRegion` {
            out += "Each region's Camunda Exporter writes to that region's "
            out += view.`storage`
            out += ", at the same URL as its legacy exporter: region 0 `"
            out += view.`region0`.`url`
            out += "`, region 1 `"
            out += view.`region1`.`url`
            out += "`."
        }
        if view.`shared` {
            out += "One Camunda Exporter writes to the shared "
            out += view.`storage`
            out += " at `"
            out += view.`region0`.`url`
            out += "`."
        }
        out += " The Camunda Exporter takes its URL in `_ARGS_CONNECT_URL`; the legacy exporter's is `_ARGS_URL`."
        if view.`crossCheck` == true {
            out += " To cross-check, c8-multi-region's `aws/dual-region/scripts/generate_zeebe_helm_values.sh` prints the same `..._ARGS_CONNECT_URL` values for the chart's Elasticsearch in each region: set `C8_MULTI_REGION` to your checkout of camunda/c8-multi-region (branch `stable/8.8`) first."
        }
        out += "\n"
        return out
    }

    /// `steps/values.cluster-sizing`
    private static func render_steps_values_cluster_sizing(_ view: WordsView) -> String {
        var out = ""
        out += "# Write cluster sizing as strings\n"
        out += "\n"
        out += "The 13.x schema types `clusterSize`, `partitionCount` and `replicationFactor` as strings; integers fail validation. The values themselves do not change."
        if !(view.`clusterKnown`) {
            out += " Keep your cluster size, partition count and replication factor as in your 8.7 values (`zeebe.clusterSize`, `zeebe.partitionCount`, `zeebe.replicationFactor`), now under `orchestration.` and quoted; `c8runbook values` moves them. The scenario has no `cluster:` block, so this runbook prints no numbers."
        }
        out += "\n"
        return out
    }

    /// `steps/values.components`
    private static func render_steps_values_components(_ view: WordsView) -> String {
        var out = ""
        out += "# Enable the components 13.x disables by default\n"
        out += "\n"
        out += "The 13.x chart disables some components by default that your deployment uses; enable them explicitly:\n"
        return out
    }

    /// `steps/values.connectors`
    private static func render_steps_values_connectors(_ view: WordsView) -> String {
        var out = ""
        out += "# Give Connectors credentials\n"
        out += "\n"
        out += "With basic authentication, Connectors authenticate as the `connectors` user (password `connector` in the chart's defaults); keep that user when you define initial users, and change its password.\n"
        return out
    }

    /// `steps/values.data-migration`
    private static func render_steps_values_data_migration(_ view: WordsView) -> String {
        var out = ""
        out += "# Enable the data migration\n"
        out += "\n"
        if view.`perRegion` {
            out += "Each region has its own "
            out += view.`storage`
            out += ", so each migrates independently: enable the migration in the base file, for both regions."
        }
        if view.`shared` {
            out += "Both regions share one "
            out += view.`storage`
            out += ", so the migration runs once: enable it in region 0's overlay and disable it in region 1's. It must live in the overlays because the base file is shared."
        }
        out += " This creates the importer Deployment `"
        out += view.`importerName`
        out += "` and the Job `"
        out += view.`dataMigrationJob`
        out += "`"
        if view.`shared` {
            out += " in region 0"
        }
        out += ".\n"
        return out
    }

    /// `steps/values.env-array`
    private static func render_steps_values_env_array(_ view: WordsView) -> String {
        var out = ""
        out += "# Assemble the complete `orchestration.env` list\n"
        out += "\n"
        out += "`orchestration.env` is an array, and Helm replaces arrays instead of merging them: an overlay cannot add one entry. Keep the complete list in "
        if view.`hasBaseFile` {
            out += "the base file `"
            out += view.`valuesBase`
            out += "`"
        }
        if !(view.`hasBaseFile`) {
            out += "each region's file"
        }
        out += "; the region overlays keep only per-region scalars (`global.multiregion.regionId`"
        if view.`shared` {
            out += ", `orchestration.migration.data.enabled`"
        }
        out += "). Your overlays `"
        out += view.`region0`.`overlay`
        out += "` and `"
        out += view.`region1`.`overlay`
        out += "` do not otherwise change between 8.7 and 8.8.\n"
        return out
    }

    /// `steps/values.exporter-switch`
    private static func render_steps_values_exporter_switch(_ view: WordsView) -> String {
        var out = ""
        out += "# Replace `global.elasticsearch.disableExporter`\n"
        out += "\n"
        out += "Delete `global.elasticsearch.disableExporter`: in 13.x it does nothing, and `orchestration.exporters.camunda.enabled` defaults to `true`, which would add a chart exporter pointing only at the local storage. Your exporters are defined by env, so switch both chart exporters off:\n"
        return out
    }

    /// `steps/values.gateway`
    private static func render_steps_values_gateway(_ view: WordsView) -> String {
        var out = ""
        out += "# Dissolve the `zeebeGateway` block\n"
        out += "\n"
        out += "The gateway is embedded in the Orchestration Cluster in 8.8. Move `zeebeGateway.env` into `orchestration.env` (renamed, next step); `service.grpcPort`, `commandPort`, `internalPort` to `orchestration.service.*`, `service.restPort` to `orchestration.service.httpPort`; `ingress.grpc` to `orchestration.ingress.grpc`; merge `envFrom`, `configuration`, `extraConfiguration`, `initContainers`, `sidecars`, `extraVolumes`, `extraVolumeMounts`; fold `resources` into `orchestration.resources`; `logLevel` becomes `orchestration.logLevel` (now for the whole cluster). Drop `replicas` and `contextPath`. Then delete the `zeebeGateway` block.\n"
        return out
    }

    /// `steps/values.gateway-env`
    private static func render_steps_values_gateway_env(_ view: WordsView) -> String {
        var out = ""
        out += "# Rename the gateway variables\n"
        out += "\n"
        out += "Every `ZEEBE_GATEWAY_*` variable from `zeebeGateway.env` moves to `orchestration.env` as `ZEEBE_BROKER_GATEWAY_*` with the same value."
        if view.`hasRenames` == true {
            out += " Yours:"
        }
        out += "\n"
        if let list1 = view.`renames` {
            for item3 in list1 {
                out += "- `"
                out += item3.`from`
                out += "` → `"
                out += item3.`to`
                out += "`\n"
            }
        }
        out += "\n"
        out += "Broker variables (`ZEEBE_BROKER_CLUSTER_*`) keep their names. Do not use the `CAMUNDA_CLUSTER_*` names of the c8-multi-region `main` branch: they are for 8.9.\n"
        return out
    }

    /// `steps/values.helm-managed-exporters`
    private static func render_steps_values_helm_managed_exporters(_ view: WordsView) -> String {
        var out = ""
        out += "# Enable the chart's exporters for the shared storage\n"
        out += "\n"
        out += "With one shared "
        out += view.`storage`
        out += " and the chart-managed exporter, delete `global.elasticsearch.disableExporter` and enable both chart exporters; keep `global."
        out += view.`storageType`
        out += ".*` pointing at the shared storage in both regions. The legacy exporter keeps its id `"
        out += view.`storageType`
        out += "`; the Camunda Exporter's id is `camundaexporter`. Define no `ZEEBE_BROKER_EXPORTERS_*` env entries.\n"
        return out
    }

    /// `steps/values.identity-migration`
    private static func render_steps_values_identity_migration(_ view: WordsView) -> String {
        var out = ""
        out += "# Enable the Identity migration\n"
        out += "\n"
        out += "The Identity migration Job `"
        out += view.`identityMigrationJob`
        out += "` copies Management Identity's roles and authorizations into the Orchestration Cluster. It waits until the cluster is ready and is idempotent. "
        if view.`identityOIDC` {
            out += "With an external OIDC provider, also set `claimName`, `claimValue` and `clientId` under `orchestration.migration.identity`; "
        }
        if !(view.`identityOIDC`) {
            out += "With the chart's bundled Keycloak the Job uses the `migration` client; "
        }
        out += "set `resourceAuthorizationsEnabled: true` only if you used resource authorizations.\n"
        return out
    }

    /// `steps/values.identity-migration-secret`
    private static func render_steps_values_identity_migration_secret(_ view: WordsView) -> String {
        var out = ""
        out += "# Create the Identity migration secret in region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "\n"
        out += "\n"
        out += "Write `identity-migration-secret.yaml` in the scenario's folder: a Secret named `identity-migration-secret` with key `password` (base64), the migration client's secret. Keep it out of Git. Apply it in namespace `"
        if let value2 = view.`region`?.`namespace` {
            out += value2
        }
        out += "` only: the migration runs in region "
        if let value3 = view.`region`?.`id` {
            out += String(value3)
        }
        out += ".\n"
        return out
    }

    /// `steps/values.ingress`
    private static func render_steps_values_ingress(_ view: WordsView) -> String {
        var out = ""
        out += "# Move to the combined Ingress\n"
        out += "\n"
        if view.`separated` == true {
            out += "Separated Ingress objects are no longer supported: the chart fails when `identity.ingress`, `console.ingress`, `webModeler.ingress`, `connectors.ingress` or `orchestration.ingress.rest` is enabled. Switch to the combined Ingress."
        }
        if !(view.`separated` == true) {
            out += "Keep the combined Ingress."
        }
        out += " `zeebeGateway.ingress.grpc` becomes `orchestration.ingress.grpc`. Operate and Tasklist are now served under `{contextPath}/operate` and `{contextPath}/tasklist` by `"
        out += view.`gatewayService`
        out += "`: adjust DNS and routing to the primary region.\n"
        return out
    }

    /// `steps/values.legacy-exporters`
    private static func render_steps_values_legacy_exporters(_ view: WordsView) -> String {
        var out = ""
        out += "# Keep the 8.7 exporters unchanged\n"
        out += "\n"
        out += "Copy every `ZEEBE_BROKER_EXPORTERS_<SEGMENT>_*` entry of your 8.7 `zeebe.env` into `orchestration.env` verbatim: same segment (so each exporter keeps its id "
        out += view.`legacyIDs`
        out += " and continues from its position), same `_CLASSNAME`, same `_ARGS_URL` and other `_ARGS_*`. The importer reads the records they write until the migration completes.\n"
        return out
    }

    /// `steps/values.message-compression`
    private static func render_steps_values_message_compression(_ view: WordsView) -> String {
        var out = ""
        out += "# Define message compression three times\n"
        out += "\n"
        out += "Cluster message compression `"
        out += view.`compression`
        out += "` must be set for the brokers, for the embedded gateway, and, under its old name, for the migration importer, which joins the cluster as a standalone gateway and receives all of `orchestration.env`. Without it the importer cannot talk to the cluster.\n"
        return out
    }

    /// `steps/values.migration-pods-tls`
    private static func render_steps_values_migration_pods_tls(_ view: WordsView) -> String {
        var out = ""
        out += "# Give the migration pods the cluster TLS settings\n"
        out += "\n"
        out += "Zeebe's cluster communication uses TLS. The migration importer and the data-migration Job join the cluster as standalone gateways: they read the old-prefix variables"
        if let list1 = view.`variables` {
            for item3 in list1 {
                out += " `"
                out += item3
                out += "`"
            }
        }
        out += ", not the renamed `ZEEBE_BROKER_GATEWAY_CLUSTER_SECURITY_*` ones, and they do not mount `orchestration.extraVolumes`. Without both they cannot join the cluster (\"Received invalid handshake\") and the migration never completes. During the migration keep the old-prefix variables in `orchestration.env` next to the renamed ones, and mount the certificate on `orchestration.importer.extraVolumes`/`extraVolumeMounts` and `orchestration.migration.data.extraVolumes`/`extraVolumeMounts` (the volumes and mounts of 8.7 `zeebeGateway` that hold the certificate and key). `c8runbook values` writes all of it; remove it with the migration switch after the migration (`c8runbook values --stage final` leaves it out).\n"
        return out
    }

    /// `steps/values.multi-tenancy`
    private static func render_steps_values_multi_tenancy(_ view: WordsView) -> String {
        var out = ""
        out += "# Review multi-tenancy\n"
        out += "\n"
        out += "Review `orchestration.multitenancy.*` against the baseline guide's multi-tenancy section. Multi-tenancy cannot be combined with `unprotectedApi: true`.\n"
        return out
    }

    /// `steps/values.oidc`
    private static func render_steps_values_oidc(_ view: WordsView) -> String {
        var out = ""
        out += "# Move the OIDC and Management Identity keys\n"
        out += "\n"
        out += "`global.identity.auth.zeebe.*` moves to `orchestration.security.authentication.oidc.*`; `global.identity.auth.connectors.*` to `connectors.security.authentication.oidc.*`; the Operate and Tasklist audiences become entries of `orchestration.security.authentication.oidc.backwardsCompatibleAudiences`; remove `global.identity.auth.operate` and `.tasklist`; `connectors.env OPERATE_CLIENT_SCOPE` becomes `connectors.security.authentication.oidc.tokenScope`. Enable the authorization code flow (\"standard flow\" in Keycloak) on the orchestration client.\n"
        return out
    }

    /// `steps/values.operate-tasklist`
    private static func render_steps_values_operate_tasklist(_ view: WordsView) -> String {
        var out = ""
        out += "# Fold the `operate` and `tasklist` blocks\n"
        out += "\n"
        out += "`operate.enabled` and `tasklist.enabled` become `orchestration.profiles.operate` and `orchestration.profiles.tasklist` (set them only if one was disabled). Merge `operate.env` and `tasklist.env` into `orchestration.env`, checking each entry against Camunda's property mapping; `retention` becomes `orchestration.history.retention`; drop `contextPath` and `tasklist.identity.userAccessRestrictions.enabled`. Delete the `operate` and `tasklist` blocks: their Deployments disappear after the upgrade.\n"
        return out
    }

    /// `steps/values.optimize`
    private static func render_steps_values_optimize(_ view: WordsView) -> String {
        var out = ""
        out += "# Keep Optimize enabled and on the legacy exporters\n"
        out += "\n"
        out += "Set `optimize.enabled: true` explicitly (13.x defaults to `false`). Optimize does not yet read the Camunda Exporter's data: the legacy exporters stay defined and enabled after the migration, and the post-migration clean-up leaves them alone.\n"
        return out
    }

    /// `steps/values.orchestration`
    private static func render_steps_values_orchestration(_ view: WordsView) -> String {
        var out = ""
        out += "# Move the `zeebe` block to `orchestration`\n"
        out += "\n"
        out += "In the 8.8 base file"
        if view.`hasBaseFile` {
            out += " `"
            out += view.`valuesBase`
            out += "`"
        }
        out += ", every `zeebe.*` key moves under `orchestration.*` with the same name (`env`, `envFrom`, `pvcSize`, `pvcStorageClassName`, `resources`, `affinity`, `tolerations`, `nodeSelector`, security contexts, `extraVolumes`, `logLevel`, `javaOpts`, `retention`); then delete the `zeebe` block. The StatefulSet keeps its name `"
        out += view.`orchestrationName`
        out += "`. Default `javaOpts` paths change from `/usr/local/zeebe/` to `/usr/local/camunda/`.\n"
        return out
    }

    /// `steps/values.persistence`
    private static func render_steps_values_persistence(_ view: WordsView) -> String {
        var out = ""
        out += "# Keep persistence sizes and storage classes\n"
        out += "\n"
        out += "Keep `orchestration.pvcSize` equal to the 8.7 `zeebe.pvcSize`, with the same storage class"
        if view.`subchart` {
            out += ", and keep `elasticsearch.master.persistence.size`"
        }
        out += ".\n"
        return out
    }

    /// `steps/values.resources`
    private static func render_steps_values_resources(_ view: WordsView) -> String {
        var out = ""
        out += "# Size the Orchestration Cluster pods\n"
        out += "\n"
        out += "`zeebe.resources` and `zeebeGateway.resources` fold into `orchestration.resources`. Each pod now also runs Operate, Tasklist and the gateway, so consider increasing them: Camunda's reference uses the sums of the 8.7 broker and gateway values (requests `200m`/`1Gi`, limits `1512m`/`3Gi`). The migration importer Deployment `"
        out += view.`importerName`
        out += "` runs with the same resources, one pod per migrating region.\n"
        return out
    }

    /// `steps/values.secret-pattern`
    private static func render_steps_values_secret_pattern(_ view: WordsView) -> String {
        var out = ""
        out += "# Use the 8.8 secret pattern\n"
        out += "\n"
        out += "Every secret reference moves from the legacy `existingSecret`/`existingSecretKey` fields to a structured `secret:` value (`existingSecret` and `existingSecretKey`, or `inlineSecret` outside production):\n"
        return out
    }

    /// `steps/values.unified-env`
    private static func render_steps_values_unified_env(_ view: WordsView) -> String {
        var out = ""
        out += "# Rename legacy properties that have unified names\n"
        out += "\n"
        out += "Camunda recommends replacing legacy properties that map directly to unified ones, for example `ZEEBE_BROKER_DATA_SNAPSHOTPERIOD` → `CAMUNDA_DATA_SNAPSHOTPERIOD`. Check every remaining `orchestration.env` entry against the property mapping of 8.8.\n"
        return out
    }

    /// `steps/values.write-files`
    private static func render_steps_values_write_files(_ view: WordsView) -> String {
        var out = ""
        out += "# Write the 8.8 values files\n"
        out += "\n"
        out += "Let `c8runbook values` apply every change of this phase to your 8.7 files: it writes the files to upgrade with into `"
        out += view.`migrationDir`
        out += "`, under the same names, with `values-report.md` beside them listing each change, the rule behind it and the input line, what it kept as you wrote it, and any plaintext secret it found. Keep your 8.7 files: the post-migration clean-up runs the same command with `--stage final` into `"
        out += view.`finalDir`
        out += "`. The steps that follow explain each change; review the report and the diff, then commit `"
        out += view.`migrationDir`
        out += "`"
        if view.`usersFile` != nil {
            out += " (not the users file `"
            if let value2 = view.`usersFile` {
                out += value2
            }
            out += "`, which holds passwords)"
        }
        out += ". Every path in the commands is absolute (anchored at `valuesFiles.directory`, by default the scenario file's folder), so they work from any folder.\n"
        return out
    }

    /// `steps/verify.data`
    private static func render_steps_verify_data(_ view: WordsView) -> String {
        var out = ""
        out += "# Find the check process in both regions\n"
        out += "\n"
        out += "Search the check process that `migration.watch` deployed, through each region's REST API, as Camunda's migration CI does: both regions must list its definition and its instance (retry for a minute while the exporters catch up). Each region's port-forward runs in its own terminal: region 0 on local port 8080 (the one `migration.watch` started serves if it still runs), region 1 on 8081."
        if view.`apiProtected` {
            if view.`identity` {
                out += " Set `CAMUNDA_TOKEN` to an access token first."
            }
            if !(view.`identity`) {
                out += " Set `CAMUNDA_AUTH=user:password` of an admin user first."
            }
        }
        out += "\n"
        return out
    }

    /// `steps/verify.health`
    private static func render_steps_verify_health(_ view: WordsView) -> String {
        var out = ""
        out += "# Check region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "'s profiles and storage health\n"
        out += "\n"
        out += "The broker log shows five active profiles: `broker`, `operate`, `tasklist`, `identity`, `consolidated-auth`. "
        if view.`shared` {
            if view.`region`?.`migrates` == true {
                out += "The shared "
                out += view.`storage`
                out += " reports `\"status\":\"green\"`."
            }
        }
        if view.`perRegion` {
            out += "Region "
            if let value2 = view.`region`?.`id` {
                out += String(value2)
            }
            out += "'s "
            out += view.`storage`
            out += " reports `\"status\":\"green\"`."
        }
        out += " Then open Operate and Tasklist and confirm your processes and tasks are there, and that workers still complete jobs.\n"
        return out
    }

    /// `steps/verify.management-path`
    private static func render_steps_verify_management_path(_ view: WordsView) -> String {
        var out = ""
        out += "# Use the management context path\n"
        out += "\n"
        out += "With `orchestration.contextPath` set to `"
        out += view.`contextPath`
        out += "`, the management API lives under it: every actuator URL in this runbook includes it.\n"
        return out
    }

    /// `steps/verify.node-ids`
    private static func render_steps_verify_node_ids(_ view: WordsView) -> String {
        var out = ""
        out += "# Check region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "'s broker ids (optional)\n"
        out += "\n"
        out += "Node ids are `pod ordinal × 2 + region id`: region "
        if let value2 = view.`region`?.`id` {
            out += String(value2)
        }
        out += "'s pods must report "
        if let value3 = view.`expectedIDs` {
            out += value3
        }
        out += ".\n"
        return out
    }

    /// `steps/verify.pods`
    private static func render_steps_verify_pods(_ view: WordsView) -> String {
        var out = ""
        out += "# Check region "
        if let value1 = view.`region`?.`id` {
            out += String(value1)
        }
        out += "'s pods and images\n"
        out += "\n"
        out += "Every pod is Ready, and every Camunda image is 8.8.x.\n"
        return out
    }

    /// `steps/verify.topology`
    private static func render_steps_verify_topology(_ view: WordsView) -> String {
        var out = ""
        out += "# Check the stretched cluster's topology\n"
        out += "\n"
        out += "Port-forward region 0 in a second terminal (if the port-forward `migration.watch` started still runs, it serves: skip that command, which would find local port 8080 taken), then ask for the topology"
        if view.`apiProtected` {
            if !(view.`identity`) {
                out += " as an admin user: set `CAMUNDA_AUTH=user:password` first (for example `"
                if let value1 = view.`apiUser` {
                    out += value1
                }
                out += "`; the data checks use the same variable)"
            }
            if view.`identity` {
                out += " with an OIDC access token in `CAMUNDA_TOKEN` (the data checks use the same variable)"
            }
        }
        out += ". Expect "
        if view.`clusterKnown` {
            if let value2 = view.`clusterSize` {
                out += String(value2)
            }
            out += " brokers, "
            if let value3 = view.`brokersPerRegion` {
                out += String(value3)
            }
            out += " in each namespace, replication factor "
            if let value4 = view.`replicationFactor` {
                out += String(value4)
            }
            out += ", "
            if let value5 = view.`partitions` {
                out += String(value5)
            }
            out += " partitions,"
        }
        if !(view.`clusterKnown`) {
            out += "as many brokers as your 8.7 `zeebe.clusterSize`, half in each namespace, and the replication factor and partition count of your 8.7 values (keep your cluster size, partition count and replication factor as in your 8.7 values),"
        }
        out += " and every broker on version 8.8.x.\n"
        return out
    }

    /// `runbook`
    private static func render_runbook(_ view: RunbookView, into out: inout String) {
        out += "# Camunda 8.7 → 8.8 dual-region upgrade runbook"
        if view.`hasTitle` {
            out += ": "
            out += view.`title`
        }
        out += "\n"
        out += "\n"
        out += "Generated by c8runbook for release `"
        out += view.`release`
        out += "`, chart `"
        out += view.`chartFrom`
        out += "` → `"
        out += view.`chartTo`
        out += "`. It follows Camunda's guide [Upgrade a dual-region deployment from 8.7 to 8.8 using Helm](https://docs.camunda.io/docs/8.8/self-managed/upgrade/helm/870-to-880-dual-region/) for this deployment only: "
        out += String(view.`stepCount`)
        out += " steps, each with its id, the rules it carries out (rules.md), and its sources. Where the guide is wrong the step says **Correction of the guide**; where it is silent, **Inference**. The commands are for bash on a workstation that reaches both clusters through their kube contexts, with `kubectl`, `helm`, `curl` and `jq`.\n"
        out += "\n"
        out += "## Scenario\n"
        out += "\n"
        out += "| | Region 0 | Region 1 |\n"
        out += "|---|---|---|\n"
        out += "| Kube context | "
        out += view.`region0`.`kubeContext`
        out += " | "
        out += view.`region1`.`kubeContext`
        out += " |\n"
        out += "| Namespace | "
        out += view.`region0`.`namespace`
        out += " | "
        out += view.`region1`.`namespace`
        out += " |\n"
        out += "| Values files | "
        out += view.`valuesFiles`
        out += view.`region0`.`valuesFile`
        out += " | "
        out += view.`valuesFiles`
        out += view.`region1`.`valuesFile`
        out += " |\n"
        out += "| "
        out += view.`storage`
        out += " | "
        out += view.`region0`.`storageURL`
        out += " | "
        out += view.`region1`.`storageURL`
        out += " |\n"
        out += "| Data migration runs | "
        out += view.`region0`.`migrates`
        out += " | "
        out += view.`region1`.`migrates`
        out += " |\n"
        out += "\n"
        out += "- Secondary storage: "
        out += view.`storage`
        out += ", "
        out += view.`layout`
        out += ", "
        out += view.`provisioning`
        out += "\n"
        out += "- Exporters: "
        out += view.`management`
        out += "; 8.7 ids "
        out += view.`legacyIDs`
        out += "; 8.8 ids "
        out += view.`camundaIDs`
        out += "\n"
        out += "- Message compression: "
        out += view.`compression`
        out += " · Identity: "
        out += view.`identity`
        out += " · Optimize: "
        out += view.`optimize`
        out += " · API security: "
        out += view.`apiSecurity`
        out += " · 8.7 users to re-create: "
        out += view.`users`
        out += "\n"
        if view.`hasWarnings` {
            out += "\n"
            out += "> **Warning**\n"
            do {
                let list1 = view.`warnings`
                for item3 in list1 {
                    out += "> - "
                    out += item3.`text`
                    out += "\n"
                }
            }
        }
        out += "\n"
        out += "## Contents\n"
        out += "\n"
        do {
            let list4 = view.`phases`
            for item6 in list4 {
                out += String(item6.`number`)
                out += ". ["
                out += item6.`title`
                out += "](#"
                out += item6.`anchor`
                out += "): "
                out += String(item6.`stepCount`)
                out += " steps"
                if item6.`hasOptional` {
                    out += ", "
                    out += String(item6.`optionalCount`)
                    out += " optional"
                }
                out += "\n"
            }
        }
        do {
            let list7 = view.`phases`
            for item9 in list7 {
                out += "\n"
                out += "## "
                out += String(item9.`number`)
                out += ". "
                out += item9.`title`
                out += "\n"
                out += "\n"
                out += item9.`summary`
                out += "\n"
                do {
                    let list10 = item9.`steps`
                    for item12 in list10 {
                        out += "\n"
                        out += "<a id=\""
                        out += item12.`id`
                        out += "\"></a>\n"
                        out += "### "
                        out += item12.`number`
                        out += " "
                        out += item12.`title`
                        out += "\n"
                        out += "\n"
                        out += "- ["
                        out += item12.`checkbox`
                        out += "] `"
                        out += item12.`id`
                        out += "` · "
                        out += item12.`where`
                        out += " · "
                        out += item12.`rules`
                        if item12.`optional` {
                            out += " · optional"
                        }
                        out += " · "
                        out += item12.`dangerMark`
                        if item12.`progress` != nil {
                            out += " · "
                            if let value14 = item12.`progress` {
                                out += value14
                            }
                        }
                        out += "\n"
                        if item12.`irreversible` {
                            out += "\n"
                            out += "> ⚠️ **Irreversible: this step cannot be undone.** Before you run it, write this line into the change log, signed:\n"
                            out += "> `"
                            if let value15 = item12.`confirmation` {
                                out += value15
                            }
                            out += "`\n"
                        }
                        out += "\n"
                        out += item12.`body`
                        out += "\n"
                        do {
                            let list16 = item12.`commandGroups`
                            for item18 in list16 {
                                out += "\n"
                                if item18.`hasLabel` {
                                    out += item18.`label`
                                    out += ":\n"
                                    out += "\n"
                                }
                                out += item18.`fence`
                                out += "bash\n"
                                out += item18.`commands`
                                out += "\n"
                                out += item18.`fence`
                                out += "\n"
                            }
                        }
                        do {
                            let list19 = item12.`blocks`
                            for item21 in list19 {
                                out += "\n"
                                if item21.`hasFile` {
                                    out += "In "
                                    out += item21.`file`
                                    out += ":\n"
                                    out += "\n"
                                }
                                if item21.`hasLabel` {
                                    out += item21.`label`
                                    out += ":\n"
                                    out += "\n"
                                }
                                out += item21.`fence`
                                out += item21.`language`
                                out += "\n"
                                out += item21.`content`
                                out += "\n"
                                out += item21.`fence`
                                out += "\n"
                            }
                        }
                        do {
                            let list22 = item12.`notes`
                            for item24 in list22 {
                                out += "\n"
                                out += "> **"
                                out += item24.`label`
                                out += "**"
                                if item24.`hasReference` {
                                    out += " ("
                                    out += item24.`reference`
                                    out += ")"
                                }
                                out += ": "
                                out += item24.`text`
                                out += "\n"
                            }
                        }
                        if item12.`hasAfter` {
                            out += "\n"
                            out += "After: "
                            out += item12.`after`
                            out += ".\n"
                        }
                        out += "\n"
                        out += "Sources: "
                        out += item12.`sources`
                        out += "\n"
                    }
                }
            }
        }
    }

    /// `html/page.html`
    private static func render_html_page_html(_ view: HTMLRunbookView, into out: inout String) {
        out += "<!DOCTYPE html>\n"
        out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n"
        out += "<head>\n"
        out += "<meta charset=\"utf-8\" />\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\" />\n"
        out += "<meta name=\"generator\" content=\"c8runbook\" />\n"
        out += "<title>"
        if view.`hasTitle` {
            HTMLEscaping.append(view.`title`, to: &out)
            out += " · "
        }
        out += "Camunda 8.7 to 8.8 upgrade runbook</title>\n"
        out += "<style>/*<![CDATA[*/\n"
        out += view.`styleCSS`
        out += "\n"
        out += "/*]]>*/</style>\n"
        out += "</head>\n"
        out += "<body>\n"
        out += view.`contentHTML`
        out += "\n"
        out += "</body>\n"
        out += "</html>\n"
    }

    /// `html/runbook.html`
    private static func render_html_runbook_html(_ view: HTMLRunbookView, into out: inout String) {
        out += "<article class=\"c8runbook\" id=\"runbook\">\n"
        // {{> html/summary.html}}
        out += "<header class=\"masthead\">\n"
        out += "<p class=\"kicker\">Camunda 8.7 → 8.8 · dual-region Helm upgrade runbook</p>\n"
        out += "<h1>"
        if view.`hasTitle` {
            HTMLEscaping.append(view.`title`, to: &out)
        }
        if !(view.`hasTitle`) {
            out += "Dual-region upgrade runbook"
        }
        out += "</h1>\n"
        out += "<p class=\"lede\">Release <code>"
        HTMLEscaping.append(view.`release`, to: &out)
        out += "</code>, chart <code>"
        HTMLEscaping.append(view.`chartFrom`, to: &out)
        out += "</code> → <code>"
        HTMLEscaping.append(view.`chartTo`, to: &out)
        out += "</code>: "
        out += String(view.`stepCount`)
        out += " steps in "
        out += String(view.`phaseCount`)
        out += " phases, "
        out += String(view.`requiredCount`)
        out += " of them required. This runbook follows Camunda’s guide <a href=\"https://docs.camunda.io/docs/8.8/self-managed/upgrade/helm/870-to-880-dual-region/\">Upgrade a dual-region deployment from 8.7 to 8.8 using Helm</a> for this deployment only. Where the guide is wrong, a step says <em>Correction of the guide</em>; where it is silent, <em>Inference</em>. The commands are for bash on a workstation that reaches both clusters through their kube contexts, with <code>kubectl</code>, <code>helm</code>, <code>curl</code> and <code>jq</code>. Work through the phases in order and tick each step when it is done; <code>RUNBOOK.html#&lt;step-id&gt;</code> links to a step.</p>\n"
        out += "</header>\n"
        if view.`hasWarnings` {
            out += "<section class=\"warnings\" id=\"warnings\">\n"
            out += "<h2>Check before you start</h2>\n"
            out += "<ul>\n"
            do {
                let list1 = view.`warnings`
                for item3 in list1 {
                    out += "<li>"
                    HTMLEscaping.append(item3.`text`, to: &out)
                    out += "</li>\n"
                }
            }
            out += "</ul>\n"
            out += "</section>\n"
        }
        out += "<section class=\"scenario\" id=\"scenario\">\n"
        out += "<h2>Scenario</h2>\n"
        out += "<table class=\"regions\">\n"
        out += "<thead><tr><th scope=\"col\"></th>"
        do {
            let list4 = view.`regions`
            for item6 in list4 {
                out += "<th scope=\"col\"><span class=\"badge region region-"
                out += String(item6.`id`)
                out += "\">region "
                out += String(item6.`id`)
                out += "</span></th>"
            }
        }
        out += "</tr></thead>\n"
        out += "<tbody>\n"
        out += "<tr><th scope=\"row\">Kube context</th>"
        do {
            let list7 = view.`regions`
            for item9 in list7 {
                out += "<td><code>"
                HTMLEscaping.append(item9.`kubeContext`, to: &out)
                out += "</code></td>"
            }
        }
        out += "</tr>\n"
        out += "<tr><th scope=\"row\">Namespace</th>"
        do {
            let list10 = view.`regions`
            for item12 in list10 {
                out += "<td><code>"
                HTMLEscaping.append(item12.`namespace`, to: &out)
                out += "</code></td>"
            }
        }
        out += "</tr>\n"
        out += "<tr><th scope=\"row\">Values file</th>"
        do {
            let list13 = view.`regions`
            for item15 in list13 {
                out += "<td><code>"
                HTMLEscaping.append(item15.`valuesFile`, to: &out)
                out += "</code></td>"
            }
        }
        out += "</tr>\n"
        out += "<tr><th scope=\"row\">"
        HTMLEscaping.append(view.`storage`, to: &out)
        out += "</th>"
        do {
            let list16 = view.`regions`
            for item18 in list16 {
                out += "<td><code>"
                HTMLEscaping.append(item18.`storageURL`, to: &out)
                out += "</code></td>"
            }
        }
        out += "</tr>\n"
        out += "<tr><th scope=\"row\">Runs the data migration</th>"
        do {
            let list19 = view.`regions`
            for item21 in list19 {
                out += "<td>"
                HTMLEscaping.append(item21.`migrates`, to: &out)
                out += "</td>"
            }
        }
        out += "</tr>\n"
        out += "</tbody>\n"
        out += "</table>\n"
        out += "<table class=\"facts\">\n"
        out += "<tbody>\n"
        out += "<tr><th scope=\"row\">Helm release</th><td><code>"
        HTMLEscaping.append(view.`release`, to: &out)
        out += "</code></td></tr>\n"
        out += "<tr><th scope=\"row\">Chart</th><td><code>"
        HTMLEscaping.append(view.`chartFrom`, to: &out)
        out += "</code> → <code>"
        HTMLEscaping.append(view.`chartTo`, to: &out)
        out += "</code></td></tr>\n"
        if view.`hasValuesBase` {
            out += "<tr><th scope=\"row\">Shared values file</th><td><code>"
            HTMLEscaping.append(view.`valuesBase`, to: &out)
            out += "</code> (first <code>-f</code>, before each region’s file)</td></tr>\n"
        }
        out += "<tr><th scope=\"row\">Secondary storage</th><td>"
        HTMLEscaping.append(view.`storage`, to: &out)
        out += ", "
        HTMLEscaping.append(view.`layout`, to: &out)
        out += ", "
        HTMLEscaping.append(view.`provisioning`, to: &out)
        out += "</td></tr>\n"
        out += "<tr><th scope=\"row\">Exporters</th><td>"
        HTMLEscaping.append(view.`management`, to: &out)
        out += "; 8.7: "
        do {
            let list22 = view.`legacyIDs`
            for (index23, item24) in list22.enumerated() {
                out += "<code>"
                HTMLEscaping.append(item24.`id`, to: &out)
                out += "</code>"
                if !(index23 == list22.count - 1) {
                    out += ", "
                }
            }
        }
        out += "; 8.8: "
        do {
            let list25 = view.`camundaIDs`
            for (index26, item27) in list25.enumerated() {
                out += "<code>"
                HTMLEscaping.append(item27.`id`, to: &out)
                out += "</code>"
                if !(index26 == list25.count - 1) {
                    out += ", "
                }
            }
        }
        out += "</td></tr>\n"
        out += "<tr><th scope=\"row\">Cluster</th><td>"
        if view.`clusterKnown` {
            if let value28 = view.`clusterSize` {
                out += String(value28)
            }
            out += " brokers, "
            if let value29 = view.`partitions` {
                out += String(value29)
            }
            out += " partitions, replication factor "
            if let value30 = view.`replicationFactor` {
                out += String(value30)
            }
        }
        if !(view.`clusterKnown`) {
            out += "as in your 8.7 values (the scenario has no <code>cluster:</code> block)"
        }
        out += "</td></tr>\n"
        out += "<tr><th scope=\"row\">Message compression</th><td>"
        HTMLEscaping.append(view.`compression`, to: &out)
        out += "</td></tr>\n"
        out += "<tr><th scope=\"row\">Identity · Optimize</th><td>"
        HTMLEscaping.append(view.`identity`, to: &out)
        out += " · "
        HTMLEscaping.append(view.`optimize`, to: &out)
        out += "</td></tr>\n"
        out += "<tr><th scope=\"row\">API security</th><td>"
        HTMLEscaping.append(view.`apiSecurity`, to: &out)
        out += "</td></tr>\n"
        out += "<tr><th scope=\"row\">Basic-auth users</th><td>"
        if view.`hasUsers` {
            do {
                let list31 = view.`users`
                for (index32, item33) in list31.enumerated() {
                    out += "<code>"
                    HTMLEscaping.append(item33.`name`, to: &out)
                    out += "</code>"
                    if !(index32 == list31.count - 1) {
                        out += ", "
                    }
                }
            }
        }
        if !(view.`hasUsers`) {
            out += "none"
        }
        out += "</td></tr>\n"
        out += "</tbody>\n"
        out += "</table>\n"
        out += "</section>\n"
        // {{> html/contents.html}}
        out += "<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\">\n"
        out += "<h2>Contents</h2>\n"
        out += "<ol class=\"toc-phases\">\n"
        do {
            let list34 = view.`phases`
            for item36 in list34 {
                out += "<li><a class=\"toc-phase\" href=\"#"
                HTMLEscaping.append(item36.`anchor`, to: &out)
                out += "\"><span class=\"num\">"
                out += String(item36.`number`)
                out += "</span> "
                out += item36.`titleHTML`
                out += "</a> <span class=\"count\">"
                HTMLEscaping.append(item36.`stepCountLabel`, to: &out)
                out += "</span>\n"
                out += "<ol class=\"toc-steps\">\n"
                do {
                    let list37 = item36.`steps`
                    for item39 in list37 {
                        out += "<li"
                        if item39.`optional` {
                            out += " class=\"optional\""
                        }
                        out += "><a href=\"#"
                        HTMLEscaping.append(item39.`id`, to: &out)
                        out += "\"><span class=\"num\">"
                        HTMLEscaping.append(item39.`number`, to: &out)
                        out += "</span> "
                        out += item39.`titleHTML`
                        out += "</a></li>\n"
                    }
                }
                out += "</ol>\n"
                out += "</li>\n"
            }
        }
        out += "</ol>\n"
        out += "</nav>\n"
        out += "<div class=\"phases\">\n"
        do {
            let list40 = view.`phases`
            for item42 in list40 {
                out += "<section class=\"phase phase-"
                HTMLEscaping.append(item42.`phase`, to: &out)
                out += "\" id=\""
                HTMLEscaping.append(item42.`anchor`, to: &out)
                out += "\">\n"
                out += "<header class=\"phase-header\">\n"
                out += "<h2><span class=\"num\">"
                out += String(item42.`number`)
                out += "</span> "
                out += item42.`titleHTML`
                out += " <span class=\"count\">"
                HTMLEscaping.append(item42.`stepCountLabel`, to: &out)
                if item42.`hasOptional` {
                    out += ", "
                    out += String(item42.`optionalCount`)
                    out += " optional"
                }
                out += "</span></h2>\n"
                out += "<div class=\"summary\">\n"
                out += item42.`summaryHTML`
                out += "\n"
                out += "</div>\n"
                out += "</header>\n"
                do {
                    let list43 = item42.`steps`
                    for item45 in list43 {
                        // {{> html/step.html}}
                        out += "<section class=\"step"
                        if item45.`optional` {
                            out += " optional"
                        }
                        if item45.`done` {
                            out += " ticked"
                        }
                        if item45.`stale` {
                            out += " stale"
                        }
                        out += "\" id=\""
                        HTMLEscaping.append(item45.`id`, to: &out)
                        out += "\">\n"
                        out += "<header class=\"step-header\">\n"
                        out += "<h3><input type=\"checkbox\" class=\"done\" id=\"done-"
                        HTMLEscaping.append(item45.`id`, to: &out)
                        out += "\" title=\"Done\""
                        if item45.`done` {
                            out += " checked=\"checked\""
                        }
                        out += " /> <label for=\"done-"
                        HTMLEscaping.append(item45.`id`, to: &out)
                        out += "\"><span class=\"num\">"
                        HTMLEscaping.append(item45.`number`, to: &out)
                        out += "</span> "
                        out += item45.`titleHTML`
                        out += "</label> <a class=\"anchor\" href=\"#"
                        HTMLEscaping.append(item45.`id`, to: &out)
                        out += "\" title=\"Link to this step\">#</a></h3>\n"
                        out += "<p class=\"meta\">"
                        if item45.`hasRegion` {
                            out += "<span class=\"badge region region-"
                            out += String(item45.`regionID`)
                            out += "\">region "
                            out += String(item45.`regionID`)
                            out += "</span> <span class=\"where\"><code>"
                            HTMLEscaping.append(item45.`kubeContext`, to: &out)
                            out += "</code> / <code>"
                            HTMLEscaping.append(item45.`namespace`, to: &out)
                            out += "</code></span>"
                        }
                        if !(item45.`hasRegion`) {
                            out += "<span class=\"badge region once\" title=\"Done once, for both regions\">once</span>"
                        }
                        if item45.`optional` {
                            out += " <span class=\"badge optional\">optional</span>"
                        }
                        out += " <span class=\"danger-mark danger-"
                        HTMLEscaping.append(item45.`danger`, to: &out)
                        out += "\" title=\""
                        HTMLEscaping.append(item45.`dangerTitle`, to: &out)
                        out += "\">"
                        HTMLEscaping.append(item45.`dangerLabel`, to: &out)
                        out += "</span> <code class=\"step-id\">"
                        HTMLEscaping.append(item45.`id`, to: &out)
                        out += "</code> <span class=\"rules\">"
                        do {
                            let list46 = item45.`rules`
                            for (index47, item48) in list46.enumerated() {
                                HTMLEscaping.append(item48.`rule`, to: &out)
                                if !(index47 == list46.count - 1) {
                                    out += " · "
                                }
                            }
                        }
                        out += "</span></p>\n"
                        if item45.`hasMark` {
                            out += "<p class=\"progress\">"
                            if item45.`done` {
                                out += "Done by <strong>"
                                HTMLEscaping.append(item45.`markBy`, to: &out)
                                out += "</strong> at "
                                HTMLEscaping.append(item45.`markAt`, to: &out)
                                if item45.`markForced` {
                                    out += " (forced past open prerequisites)"
                                }
                            }
                            if item45.`stale` {
                                out += "<strong>Stale:</strong> ticked by "
                                HTMLEscaping.append(item45.`markBy`, to: &out)
                                out += " at "
                                HTMLEscaping.append(item45.`markAt`, to: &out)
                                out += ", but the step changed since; tick it again once done"
                            }
                            if item45.`reopened` {
                                out += "Reopened by <strong>"
                                HTMLEscaping.append(item45.`markBy`, to: &out)
                                out += "</strong> at "
                                HTMLEscaping.append(item45.`markAt`, to: &out)
                            }
                            if item45.`hasNote` {
                                out += ": “"
                                HTMLEscaping.append(item45.`markNote`, to: &out)
                                out += "”"
                            }
                            out += "</p>\n"
                        }
                        out += "</header>\n"
                        if item45.`irreversible` {
                            out += "<div class=\"confirm\" role=\"note\">\n"
                            out += "<p class=\"confirm-label\">Irreversible: this step cannot be undone</p>\n"
                            out += "<p>Before you run it, write this line into the change log, signed:</p>\n"
                            out += "<p class=\"confirm-line\" id=\"confirm-"
                            HTMLEscaping.append(item45.`id`, to: &out)
                            out += "\"><code>"
                            if let value49 = item45.`confirmation` {
                                HTMLEscaping.append(value49, to: &out)
                            }
                            out += "</code></p>\n"
                            out += "<p class=\"confirm-sign\">Signed: ______________________</p>\n"
                            out += "</div>\n"
                        }
                        if item45.`hasAfter` {
                            out += "<p class=\"after\">Do after "
                            do {
                                let list50 = item45.`after`
                                for (index51, item52) in list50.enumerated() {
                                    out += "<a href=\"#"
                                    HTMLEscaping.append(item52.`step`, to: &out)
                                    out += "\" title=\""
                                    HTMLEscaping.append(item52.`constraint`, to: &out)
                                    out += "\"><span class=\"num\">"
                                    HTMLEscaping.append(item52.`number`, to: &out)
                                    out += "</span> "
                                    out += item52.`titleHTML`
                                    out += "</a>"
                                    if !(index51 == list50.count - 1) {
                                        out += ", "
                                    }
                                }
                            }
                            out += "</p>\n"
                        }
                        out += "<div class=\"body\">\n"
                        out += item45.`bodyHTML`
                        out += "\n"
                        out += "</div>\n"
                        if item45.`hasCommands` {
                            out += "<div class=\"commands\">\n"
                            do {
                                let list53 = item45.`commandGroups`
                                for item55 in list53 {
                                    if item55.`hasLabel` {
                                        out += "<p class=\"command-label"
                                        if item55.`isPortForward` {
                                            out += " port-forward"
                                        }
                                        out += "\">"
                                        HTMLEscaping.append(item55.`label`, to: &out)
                                        out += "</p>\n"
                                    }
                                    do {
                                        let list56 = item55.`commands`
                                        for item58 in list56 {
                                            out += "<pre class=\"command\" data-danger=\""
                                            HTMLEscaping.append(item58.`danger`, to: &out)
                                            out += "\" title=\""
                                            HTMLEscaping.append(item58.`dangerLabel`, to: &out)
                                            out += "\"><code>"
                                            HTMLEscaping.append(item58.`command`, to: &out)
                                            out += "</code></pre>\n"
                                        }
                                    }
                                }
                            }
                            out += "</div>\n"
                        }
                        do {
                            let list59 = item45.`blocks`
                            for item61 in list59 {
                                out += "<figure class=\"block\">\n"
                                if item61.`hasCaption` {
                                    out += "<figcaption>"
                                    if item61.`hasFile` {
                                        out += "<code>"
                                        HTMLEscaping.append(item61.`file`, to: &out)
                                        out += "</code>"
                                    }
                                    if item61.`hasLabel` {
                                        if item61.`hasFile` {
                                            out += " · "
                                        }
                                        HTMLEscaping.append(item61.`label`, to: &out)
                                    }
                                    out += "</figcaption>\n"
                                }
                                if item61.`isDiff` {
                                    out += "<pre><code class=\"language-diff\">"
                                    do {
                                        let list62 = item61.`diffLines`
                                        for item64 in list62 {
                                            out += "<span class=\"diff-"
                                            HTMLEscaping.append(item64.`kind`, to: &out)
                                            out += "\">"
                                            HTMLEscaping.append(item64.`text`, to: &out)
                                            out += "</span>\n"
                                        }
                                    }
                                    out += "</code></pre>\n"
                                }
                                if !(item61.`isDiff`) {
                                    out += "<pre><code class=\"language-"
                                    HTMLEscaping.append(item61.`language`, to: &out)
                                    out += "\">"
                                    HTMLEscaping.append(item61.`content`, to: &out)
                                    out += "</code></pre>\n"
                                }
                                out += "</figure>\n"
                            }
                        }
                        do {
                            let list65 = item45.`notes`
                            for item67 in list65 {
                                out += "<aside class=\"note note-"
                                HTMLEscaping.append(item67.`kind`, to: &out)
                                out += "\">\n"
                                out += "<p class=\"note-label\">"
                                HTMLEscaping.append(item67.`label`, to: &out)
                                if item67.`hasReference` {
                                    out += " <span class=\"reference\">"
                                    HTMLEscaping.append(item67.`reference`, to: &out)
                                    out += "</span>"
                                }
                                out += "</p>\n"
                                out += item67.`textHTML`
                                out += "\n"
                                out += "</aside>\n"
                            }
                        }
                        if item45.`hasSources` {
                            out += "<p class=\"sources\">Sources: "
                            do {
                                let list68 = item45.`sources`
                                for (index69, item70) in list68.enumerated() {
                                    if item70.`hasURL` {
                                        out += "<a href=\""
                                        HTMLEscaping.append(item70.`url`, to: &out)
                                        out += "\">"
                                        HTMLEscaping.append(item70.`label`, to: &out)
                                        out += "</a>"
                                    }
                                    if !(item70.`hasURL`) {
                                        HTMLEscaping.append(item70.`label`, to: &out)
                                    }
                                    if !(index69 == list68.count - 1) {
                                        out += " · "
                                    }
                                }
                            }
                            out += "</p>\n"
                        }
                        out += "</section>\n"
                    }
                }
                out += "</section>\n"
            }
        }
        out += "</div>\n"
        out += "<footer class=\"colophon\">\n"
        out += "<p>Generated by c8runbook from the scenario above (runbook format "
        out += String(view.`formatVersion`)
        out += "). Regenerate it rather than editing it by hand.</p>\n"
        out += "</footer>\n"
        out += "</article>\n"
    }

}
