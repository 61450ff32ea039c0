// GENERATED from Templates/ and Runbooks/reference/scenario.yml; do not edit.
// Refresh: C8RUNBOOK_RECORD=1 swift test --filter EmbeddedResourcesTests

enum EmbeddedResources {
    static let templates: [String: String] = [
        #"html/page.html"#: #"""
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'" />
<meta name="generator" content="c8runbook" />
<title>{{#hasTitle}}{{title}} · {{/hasTitle}}Camunda 8.7 to 8.8 upgrade runbook</title>
<style>/*<![CDATA[*/
{{{styleCSS}}}
/*]]>*/</style>
</head>
<body>
{{{contentHTML}}}
</body>
</html>

"""#,
        #"html/runbook.html"#: #"""
<article class="c8runbook" id="runbook">
<header class="masthead">
<p class="kicker">Camunda 8.7 → 8.8 · dual-region Helm upgrade runbook</p>
<h1>{{#hasTitle}}{{title}}{{/hasTitle}}{{^hasTitle}}Dual-region upgrade runbook{{/hasTitle}}</h1>
<p class="lede">Release <code>{{release}}</code>, chart <code>{{chartFrom}}</code> → <code>{{chartTo}}</code>: {{stepCount}} steps in {{phaseCount}} phases, {{requiredCount}} of them required. This runbook follows Camunda’s guide <a href="https://docs.camunda.io/docs/8.8/self-managed/upgrade/helm/870-to-880-dual-region/">Upgrade a dual-region deployment from 8.7 to 8.8 using Helm</a> for this deployment only. Where the guide is wrong, a step says <em>Correction of the guide</em>; where it is silent, <em>Inference</em>. Work through the phases in order and tick each step when it is done; <code>RUNBOOK.html#&lt;step-id&gt;</code> links to a step.</p>
</header>
{{#hasWarnings}}
<section class="warnings" id="warnings">
<h2>Check before you start</h2>
<ul>
{{#warnings}}
<li>{{text}}</li>
{{/warnings}}
</ul>
</section>
{{/hasWarnings}}
<section class="scenario" id="scenario">
<h2>Scenario</h2>
<table class="regions">
<thead><tr><th scope="col"></th>{{#regions}}<th scope="col"><span class="badge region region-{{id}}">region {{id}}</span></th>{{/regions}}</tr></thead>
<tbody>
<tr><th scope="row">Kube context</th>{{#regions}}<td><code>{{kubeContext}}</code></td>{{/regions}}</tr>
<tr><th scope="row">Namespace</th>{{#regions}}<td><code>{{namespace}}</code></td>{{/regions}}</tr>
<tr><th scope="row">Values file</th>{{#regions}}<td><code>{{valuesFile}}</code></td>{{/regions}}</tr>
<tr><th scope="row">{{storage}}</th>{{#regions}}<td><code>{{storageURL}}</code></td>{{/regions}}</tr>
<tr><th scope="row">Runs the data migration</th>{{#regions}}<td>{{migrates}}</td>{{/regions}}</tr>
</tbody>
</table>
<table class="facts">
<tbody>
<tr><th scope="row">Helm release</th><td><code>{{release}}</code></td></tr>
<tr><th scope="row">Chart</th><td><code>{{chartFrom}}</code> → <code>{{chartTo}}</code></td></tr>
{{#hasValuesBase}}
<tr><th scope="row">Shared values file</th><td><code>{{valuesBase}}</code> (first <code>-f</code>, before each region’s file)</td></tr>
{{/hasValuesBase}}
<tr><th scope="row">Secondary storage</th><td>{{storage}}, {{layout}}, {{provisioning}}</td></tr>
<tr><th scope="row">Exporters</th><td>{{management}}; 8.7: {{#legacyIDs}}<code>{{id}}</code>{{^last()}}, {{/last()}}{{/legacyIDs}}; 8.8: {{#camundaIDs}}<code>{{id}}</code>{{^last()}}, {{/last()}}{{/camundaIDs}}</td></tr>
<tr><th scope="row">Cluster</th><td>{{clusterSize}} brokers, {{partitions}} partitions, replication factor {{replicationFactor}}</td></tr>
<tr><th scope="row">Message compression</th><td>{{compression}}</td></tr>
<tr><th scope="row">Identity · Optimize</th><td>{{identity}} · {{optimize}}</td></tr>
<tr><th scope="row">API security</th><td>{{apiSecurity}}</td></tr>
<tr><th scope="row">Basic-auth users</th><td>{{#hasUsers}}{{#users}}<code>{{name}}</code>{{^last()}}, {{/last()}}{{/users}}{{/hasUsers}}{{^hasUsers}}none{{/hasUsers}}</td></tr>
</tbody>
</table>
</section>
<nav class="toc" id="contents" aria-label="Contents">
<h2>Contents</h2>
<ol class="toc-phases">
{{#phases}}
<li><a class="toc-phase" href="#{{anchor}}"><span class="num">{{number}}</span> {{{titleHTML}}}</a> <span class="count">{{stepCountLabel}}</span>
<ol class="toc-steps">
{{#steps}}
<li{{#optional}} class="optional"{{/optional}}><a href="#{{id}}"><span class="num">{{number}}</span> {{{titleHTML}}}</a></li>
{{/steps}}
</ol>
</li>
{{/phases}}
</ol>
</nav>
<div class="phases">
{{#phases}}
<section class="phase phase-{{phase}}" id="{{anchor}}">
<header class="phase-header">
<h2><span class="num">{{number}}</span> {{{titleHTML}}} <span class="count">{{stepCountLabel}}{{#hasOptional}}, {{optionalCount}} optional{{/hasOptional}}</span></h2>
<div class="summary">
{{{summaryHTML}}}
</div>
</header>
{{#steps}}
<section class="step{{#optional}} optional{{/optional}}" id="{{id}}">
<header class="step-header">
<h3><input type="checkbox" class="done" id="done-{{id}}" title="Done" /> <label for="done-{{id}}"><span class="num">{{number}}</span> {{{titleHTML}}}</label> <a class="anchor" href="#{{id}}" title="Link to this step">#</a></h3>
<p class="meta">{{#hasRegion}}<span class="badge region region-{{regionID}}">region {{regionID}}</span> <span class="where"><code>{{kubeContext}}</code> / <code>{{namespace}}</code></span>{{/hasRegion}}{{^hasRegion}}<span class="badge region once" title="Done once, for both regions">once</span>{{/hasRegion}}{{#optional}} <span class="badge optional">optional</span>{{/optional}} <code class="step-id">{{id}}</code> <span class="rules">{{#rules}}{{rule}}{{^last()}} · {{/last()}}{{/rules}}</span></p>
</header>
{{#hasAfter}}
<p class="after">Do after {{#after}}<a href="#{{step}}" title="{{constraint}}"><span class="num">{{number}}</span> {{{titleHTML}}}</a>{{^last()}}, {{/last()}}{{/after}}</p>
{{/hasAfter}}
<div class="body">
{{{bodyHTML}}}
</div>
{{#hasCommands}}
<div class="commands">
{{#commands}}
<pre class="command"><code>{{command}}</code></pre>
{{/commands}}
</div>
{{/hasCommands}}
{{#blocks}}
<figure class="block">
{{#hasCaption}}
<figcaption>{{#hasFile}}<code>{{file}}</code>{{/hasFile}}{{#hasLabel}}{{#hasFile}} · {{/hasFile}}{{label}}{{/hasLabel}}</figcaption>
{{/hasCaption}}
<pre><code class="language-{{language}}">{{content}}</code></pre>
</figure>
{{/blocks}}
{{#notes}}
<aside class="note note-{{kind}}">
<p class="note-label">{{label}}{{#hasReference}} <span class="reference">{{reference}}</span>{{/hasReference}}</p>
{{{textHTML}}}
</aside>
{{/notes}}
{{#hasSources}}
<p class="sources">Sources: {{#sources}}{{#hasURL}}<a href="{{url}}">{{label}}</a>{{/hasURL}}{{^hasURL}}{{label}}{{/hasURL}}{{^last()}} · {{/last()}}{{/sources}}</p>
{{/hasSources}}
</section>
{{/steps}}
</section>
{{/phases}}
</div>
<footer class="colophon">
<p>Generated by c8runbook from the scenario above (runbook format {{formatVersion}}). Regenerate it rather than editing it by hand.</p>
</footer>
</article>

"""#,
        #"html/style.css"#: #"""
/* c8runbook HTML runbook. Self-contained: system fonts, no images, no scripts. Override with --templates. */
:root {
  --ink: #1c2330;
  --muted: #5b6474;
  --line: #dde1e8;
  --paper: #ffffff;
  --wash: #f5f7fa;
  --accent: #0b5cad;
  --r0: #0b5cad;
  --r0-wash: #e6f0fb;
  --r1: #7a3fb0;
  --r1-wash: #f2eafa;
  --correction: #b5461b;
  --correction-wash: #fdf0ea;
  --inference: #1f6f8b;
  --inference-wash: #e8f4f8;
  --warning: #9a6a00;
  --warning-wash: #fff7e0;
  --warning-line: #efd089;
  --code-wash: #eef1f5;
  --block-wash: #f6f8fa;
  --done: #1a7f37;
  --done-wash: #f3faf4;
  --done-line: #9fd2aa;
  --r0-line: #b9d3f0;
  --r1-line: #d8c3ee;
  --dashed: #b7bec9;
  color-scheme: light dark;
  --mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}

* { box-sizing: border-box; }
html { scroll-padding-top: 1rem; }
body { margin: 0; background: var(--wash); color: var(--ink); font: 16px/1.55 var(--sans); }

.c8runbook {
  display: grid;
  grid-template-columns: minmax(0, 54rem);
  justify-content: center;
  gap: 0 2.5rem;
  padding: 2rem 1.5rem 4rem;
}
@media screen and (min-width: 75rem) {
  .c8runbook { grid-template-columns: 17rem minmax(0, 54rem); }
  .c8runbook > * { grid-column: 2; }
  .c8runbook > .toc {
    grid-column: 1;
    grid-row: 1 / span 6;
    position: sticky;
    top: 0;
    align-self: start;
    max-height: 100vh;
    overflow-y: auto;
    padding: 1.5rem 0.5rem 1.5rem 0;
    margin: 0;
    border: 0;
    background: transparent;
  }
}

h1, h2, h3 { line-height: 1.25; margin: 0; }
h1 { font-size: 2rem; letter-spacing: -0.01em; }
h2 { font-size: 1.35rem; }
h3 { font-size: 1.08rem; }
a { color: var(--accent); }
code, pre { font-family: var(--mono); font-size: 0.875em; }
p code, li code, td code, .meta code, label code, h3 code, a code {
  background: var(--code-wash);
  border-radius: 4px;
  padding: 0.05em 0.3em;
  overflow-wrap: anywhere;
}
.num { color: var(--muted); font-variant-numeric: tabular-nums; font-weight: 600; margin-right: 0.2em; }
.count { color: var(--muted); font-size: 0.8em; font-weight: 400; white-space: nowrap; }

/* Title block */
.masthead { padding: 0.5rem 0 1.5rem; }
.kicker { margin: 0 0 0.4rem; color: var(--accent); font-size: 0.8rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; }
.lede { margin: 0.75rem 0 0; color: var(--muted); max-width: 46rem; }

/* Cards */
.warnings, .scenario, .phase-header, .step, .toc {
  background: var(--paper);
  border: 1px solid var(--line);
  border-radius: 10px;
}
.warnings { border-color: var(--warning-line); background: var(--warning-wash); padding: 1rem 1.25rem; margin-bottom: 1.25rem; }
.warnings h2 { font-size: 1rem; color: var(--warning); }
.warnings ul { margin: 0.5rem 0 0; padding-left: 1.25rem; }

.scenario { padding: 1.25rem; margin-bottom: 1.25rem; }
.scenario h2 { margin-bottom: 0.75rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); }
tbody th, thead th:first-child { color: var(--muted); font-weight: 600; width: 13rem; }
thead th { border-bottom: 2px solid var(--line); }
table.facts { margin-top: 1rem; }
tr:last-child > th, tr:last-child > td { border-bottom: 0; }

/* Contents */
.toc { padding: 1rem 1.25rem; margin-bottom: 1.25rem; font-size: 0.88rem; }
.toc h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin-bottom: 0.5rem; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc-phases > li { margin: 0.6rem 0; }
.toc a { text-decoration: none; color: var(--ink); }
.toc a:hover { color: var(--accent); text-decoration: underline; }
.toc-phase { font-weight: 700; }
.toc-steps { margin: 0.2rem 0 0 0.2rem !important; border-left: 2px solid var(--line); padding-left: 0.6rem !important; }
.toc-steps li { margin: 0.15rem 0; line-height: 1.35; }
.toc-steps .optional a { color: var(--muted); font-style: italic; }
.toc-steps .num { font-weight: 400; }

/* Phases and steps */
.phase { margin-top: 2.5rem; }
.phases > .phase:first-child { margin-top: 1.75rem; }
.phase-header { padding: 1.1rem 1.25rem; border-top: 4px solid var(--accent); margin-bottom: 1rem; }
.phase-troubleshooting .phase-header { border-top-color: var(--muted); }
.summary > :first-child { margin-top: 0.5rem; }
.summary > :last-child { margin-bottom: 0; }

.step { padding: 1rem 1.25rem 0.5rem; margin: 0 0 1rem; }
.step:target { border-color: var(--accent); box-shadow: 0 0 0 3px rgba(11, 92, 173, 0.18); }
.step.optional { border-style: dashed; }
.step-header h3 { display: flex; align-items: baseline; gap: 0.5rem; }
.step-header label { flex: 1; cursor: pointer; }
.done { width: 1.1rem; height: 1.1rem; margin: 0; flex: none; accent-color: var(--done); transform: translateY(0.15rem); }
.step:has(.done:checked) { background: var(--done-wash); border-color: var(--done-line); }
.step:has(.done:checked) label { color: var(--muted); }
.anchor { color: var(--line); text-decoration: none; font-weight: 400; }
.step:hover .anchor, .anchor:focus { color: var(--accent); }
.meta { margin: 0.35rem 0 0 1.6rem; font-size: 0.82rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: 0.35rem 0.6rem; align-items: center; }
.meta .where code { background: none; padding: 0; }
.step-id { color: var(--muted); }
.rules { margin-left: auto; }

.badge { display: inline-block; border-radius: 999px; padding: 0.05rem 0.6rem; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.02em; white-space: nowrap; border: 1px solid transparent; }
.region-0 { color: var(--r0); background: var(--r0-wash); border-color: var(--r0-line); }
.region-1 { color: var(--r1); background: var(--r1-wash); border-color: var(--r1-line); }
.region.once { color: var(--muted); background: var(--wash); border-color: var(--line); }
.badge.optional { color: var(--muted); background: var(--paper); border: 1px dashed var(--dashed); }

.after { margin: 0.6rem 0 0; font-size: 0.85rem; color: var(--muted); }
.body { margin-top: 0.25rem; }
.body > :first-child { margin-top: 0.75rem; }
.body h1, .body h2, .body h3, .body h4 { font-size: 1rem; margin: 1rem 0 0.4rem; }
.body ul, .body ol, .note ul, .note ol { padding-left: 1.4rem; }

pre { margin: 0.75rem 0; padding: 0.8rem 1rem; border-radius: 8px; overflow-x: auto; line-height: 1.45; background: var(--block-wash); border: 1px solid var(--line); }
pre code { font-size: 0.82rem; background: none; padding: 0; }
pre.command { background: #161b22; color: #e6edf3; border-color: #161b22; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.5rem 0; padding: 0.65rem 1rem; }
pre.command::before { content: "$ "; color: #7d8590; user-select: none; }
.commands { margin: 0.75rem 0; }
.block { margin: 0.75rem 0; }
.block figcaption { display: inline-block; font-size: 0.78rem; color: var(--muted); background: var(--code-wash); border: 1px solid var(--line); border-bottom: 0; border-radius: 6px 6px 0 0; padding: 0.15rem 0.75rem; }
.block figcaption code { background: none; padding: 0; color: var(--ink); }
.block figcaption + pre { margin-top: 0; border-top-left-radius: 0; }

.note { margin: 0.75rem 0; padding: 0.6rem 1rem; border-left: 4px solid; border-radius: 0 8px 8px 0; font-size: 0.93rem; }
.note > p:last-child { margin-bottom: 0.2rem; }
.note-label { margin: 0 0 0.25rem; font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; }
.note-label .reference { font-weight: 400; text-transform: none; letter-spacing: 0; }
.note-correction { border-color: var(--correction); background: var(--correction-wash); }
.note-correction .note-label { color: var(--correction); }
.note-inference { border-color: var(--inference); background: var(--inference-wash); }
.note-inference .note-label { color: var(--inference); }
.note-warning { border-color: var(--warning); background: var(--warning-wash); }
.note-warning .note-label { color: var(--warning); }

.sources { margin: 0.75rem 0 0.5rem; padding-top: 0.5rem; border-top: 1px solid var(--line); font-size: 0.8rem; color: var(--muted); }
.colophon { margin-top: 2rem; font-size: 0.8rem; color: var(--muted); text-align: center; }

@media screen and (prefers-color-scheme: dark) {
  :root {
    --ink: #e3e7ee;
    --muted: #9aa4b4;
    --line: #2f3745;
    --paper: #161b23;
    --wash: #0e1218;
    --accent: #6cb0ff;
    --r0: #7fb8ff;
    --r0-wash: #13294a;
    --r0-line: #24487a;
    --r1: #c9a2f0;
    --r1-wash: #2c1c44;
    --r1-line: #4c3375;
    --correction: #ff9a6b;
    --correction-wash: #2f1b12;
    --inference: #6cc7e3;
    --inference-wash: #11262e;
    --warning: #f0c560;
    --warning-wash: #2a2210;
    --warning-line: #5a4715;
    --code-wash: #232a35;
    --block-wash: #1b212b;
    --done: #3fb950;
    --done-wash: #142119;
    --done-line: #2b6a3a;
    --dashed: #4a5466;
  }
  pre.command { background: #0a0d12; border-color: var(--line); }
}

@media screen and (max-width: 40rem) {
  .c8runbook { padding: 1rem 0.6rem 3rem; }
  h1 { font-size: 1.6rem; }
  .scenario, .toc, .phase-header, .step { padding-left: 0.8rem; padding-right: 0.8rem; }
  tbody th, thead th:first-child { width: 7rem; }
  th, td { padding: 0.35rem 0.3rem; }
  .meta { margin-left: 0; }
  .rules { margin-left: 0; }
}

@media print {
  @page { margin: 14mm 12mm; }
  body { background: #fff; font-size: 10pt; }
  .c8runbook { display: block; padding: 0; }
  .warnings, .scenario, .phase-header, .step, .toc { border-radius: 0; box-shadow: none; }
  tbody th, thead th:first-child { width: 9rem; }
  .toc { break-after: page; }
  .toc-phases { columns: 2; column-gap: 2rem; }
  .toc-phases > li { break-inside: avoid-column; }
  .phase { break-before: page; margin-top: 0; }
  .step { border: 0; border-top: 1px solid #999; padding: 0.6rem 0 0.2rem; margin-bottom: 0.6rem; }
  .step-header, .phase-header, h2, h3, figcaption, .note-label, .after { break-after: avoid-page; }
  .note, .block, tr { break-inside: avoid-page; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; break-inside: avoid-page; }
  pre.command { background: #f6f8fa; color: #000; border-color: #999; }
  .anchor { display: none; }
  .sources a::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; color: #555; }
  a { color: inherit; }
  .badge, .note, .warnings { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}

"""#,
        #"notes/back-to-back"#: #"""
The guide says both regions "must be upgraded simultaneously" without saying how. Camunda's own test issues the two `helm upgrade` commands back to back, without `--wait`, then waits for both StatefulSets: otherwise the brokers do not become ready.

"""#,
        #"notes/compression-old-prefix"#: #"""
The guide says "ensure this variable is also defined", which reads as the renamed variable. It is the old-prefix `ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION` that must be kept in addition, for the importer (the component that joins the cluster as a standalone gateway), as Camunda's migration values and the guide's earlier wording show.

"""#,
        #"notes/connect-url-not-url"#: #"""
The guide's note names the legacy variables `..._ELASTICSEARCHREGION0_ARGS_CONNECT_URL`; the legacy exporters' variables are `..._ARGS_URL`. `_ARGS_CONNECT_URL` exists only for the Camunda Exporter.

"""#,
        #"notes/disable-exporter-key"#: #"""
The guide's table says to replace `global.elasticsearch.disableExporter: false`. Remove the key whatever its value: manual exporters (the dual-region reference has `true`) need both chart exporters `false`; a chart-managed exporter on one shared storage needs both `true`.

"""#,
        #"notes/exporter-state-bug"#: #"""
Your target chart `{{chartTo}}` ships an image before 8.8.25: a broker restart can flip a disabled exporter back to `ENABLED` (camunda/camunda#52260). Prefer chart 13.10.2 or later before removing the configuration, and check the exporters after every restart.

"""#,
        #"notes/first-region-is-region0"#: #"""
The guide says "the first region" without defining it; this runbook takes the region with `regionId: 0`.

"""#,
        #"notes/identity-migration-both-regions"#: #"""
Whether to run the Identity migration in one region or both is not documented; this runbook enables it in the shared base file, so it runs in both. The migration is idempotent.

"""#,
        #"notes/identity-migration-prefix"#: #"""
The baseline guide's Keycloak example prints these keys under a top-level `migration:`; the 13.x chart reads only `orchestration.migration.identity.*`.

"""#,
        #"notes/identity-unsupported"#: #"""
Camunda's dual-region documentation lists Management Identity as unavailable in a dual-region setup, while the upgrade guide describes an Identity migration. This runbook follows the guide; review the result with Camunda before relying on it.

"""#,
        #"notes/immutable-volume-claims"#: #"""
StatefulSet volume claim templates are immutable: a different size or storage class makes the upgrade fail.

"""#,
        #"notes/importer-restart-context"#: #"""
The guide's command has no `--context` or `-n`; in a dual-region setup it would restart the importer of whichever cluster your current context points at.

"""#,
        #"notes/job-names-release"#: #"""
The baseline guide's troubleshooting hard-codes `camunda-zeebe-migration-data`; the job is named after your release.

"""#,
        #"notes/job-template-immutable"#: #"""
The migration Job's pod template embeds `orchestration.env`, and Kubernetes Job templates are immutable: changing the env while the Job exists makes `helm upgrade` fail. Switch the migration off in the same upgrade that changes the env.

"""#,
        #"notes/keep-names"#: #"""
Every name the two regions share (release, namespaces, exporter ids) is referenced by the other region and by the exporters' positions; changing one mid-upgrade breaks the stretched cluster.

"""#,
        #"notes/latest-patch-first"#: #"""
Camunda's upgrade preparation says direct upgrades to 8.8 are supported only from the latest 8.7.x patch, while the baseline guide calls it strongly recommended. Move both regions to the latest 8.7.x patch first.

"""#,
        #"notes/legacy-enabled-until-complete"#: #"""
The guide says to keep the legacy exporters enabled "during migration"; the importers' completion depends on them, so they stay enabled until every migration job completed.

"""#,
        #"notes/management-base-path"#: #"""
The chart sets the management base path to `orchestration.contextPath`, so actuator URLs move under it; the guide does not mention this.

"""#,
        #"notes/no-dual-region-backup"#: #"""
Camunda documents no dual-region-specific pre-upgrade backup; back up each region with the standard procedure.

"""#,
        #"notes/one-camunda-exporter-shared"#: #"""
How many Camunda Exporters to define by hand for one shared storage is not documented. This runbook defines one, `CAMUNDASHARED`, pointing at the shared storage: two would write the same data twice.

"""#,
        #"notes/opensearch-connect-type"#: #"""
For OpenSearch the Camunda Exporter needs `_ARGS_CONNECT_TYPE: opensearch` (the default is `elasticsearch`); Camunda publishes no dual-region OpenSearch example.

"""#,
        #"notes/optimize-unsupported"#: #"""
Camunda's dual-region documentation lists Optimize as not supported in a dual-region setup, while the upgrade guide gives Optimize steps. This runbook follows the guide.

"""#,
        #"notes/pin-chart-version"#: #"""
The baseline guide's example `helm upgrade` omits `--version` and would pull the newest chart; dual-region commands always pin the chart and name the kube context and namespace.

"""#,
        #"notes/post-migration-commands"#: #"""
The guide says to disable the legacy exporters through the management API but gives no command, ids or checks. This runbook adds them: once for the whole cluster, verified, and before removing the configuration.

"""#,
        #"notes/prefix-migration-irreversible"#: #"""
The prefix migration is irreversible: do not restart the cluster on 8.7 afterwards. Camunda does not document how to coordinate it across two regions' storages.

"""#,
        #"notes/secret-commands-namespace"#: #"""
Camunda's example `kubectl get secret` lines omit `-n`; in a dual-region setup every call needs the region's context and namespace, as here.

"""#,
        #"notes/separated-ingress"#: #"""
The 13.x chart refuses separated Ingress objects: the upgrade fails until you switch to the combined Ingress.

"""#,
        #"notes/single-instance-per-region"#: #"""
"Single Elasticsearch/OpenSearch instance" applies inside each region; Camunda's 8.8 dual-region architecture keeps one storage per region.

"""#,
        #"notes/snapshot-period"#: #"""
The chart always writes `camunda.data.snapshot-period` from `orchestration.data.snapshotPeriod` (default `5m`), and the unified property wins: a non-default `ZEEBE_BROKER_DATA_SNAPSHOTPERIOD` would silently stop applying.

"""#,
        #"notes/unprotected-api-production"#: #"""
Unprotected API mode lets anyone who reaches the cluster start processes and read data. Camunda advises against it in production.

"""#,
        #"notes/unprotected-api"#: #"""
The guide prints `unprotectedApi: false` "to restore previous behavior". `false` is the 8.8 default and means protected; unauthenticated API access needs `unprotectedApi: true`, as the chart and the authentication concept page define it.

"""#,
        #"notes/user-passwords"#: #"""
Never commit these passwords: keep this file out of Git and pass it as an additional `-f` to both `helm upgrade` commands.

"""#,
        #"phases/configure-values"#: #"""
# Configure the 8.8 values

Edit the values files both regions use. Start from a copy of your 8.7 files; every snippet below shows exactly what to write.

"""#,
        #"phases/data-migration"#: #"""
# Data migration

The importer and the data-migration job move your 8.7 data to the 8.8 model while the legacy exporters keep running.

"""#,
        #"phases/post-migration"#: #"""
# Post-migration clean-up

In this order, and only after every migration job completed.

"""#,
        #"phases/prepare"#: #"""
# Prepare

Checks and decisions before anything changes. Every step here is done before the first `helm upgrade`.

"""#,
        #"phases/troubleshooting"#: #"""
# Troubleshooting

Remedies, used only when something goes wrong; the upgrade is complete without them.

"""#,
        #"phases/upgrade"#: #"""
# Upgrade both regions

The two `helm upgrade` commands run back to back, then both regions roll out.

"""#,
        #"phases/verify"#: #"""
# Verify

The stretched cluster is whole, on 8.8, and serving your data.

"""#,
        #"runbook"#: #"""
# Camunda 8.7 → 8.8 dual-region upgrade runbook{{#hasTitle}}: {{title}}{{/hasTitle}}

Generated by c8runbook for release `{{release}}`, chart `{{chartFrom}}` → `{{chartTo}}`. It follows Camunda's guide [Upgrade a dual-region deployment from 8.7 to 8.8 using Helm](https://docs.camunda.io/docs/8.8/self-managed/upgrade/helm/870-to-880-dual-region/) for this deployment only: {{stepCount}} steps, each with its id, the rules it carries out (rules.md), and its sources. Where the guide is wrong the step says **Correction of the guide**; where it is silent, **Inference**.

## Scenario

| | Region 0 | Region 1 |
|---|---|---|
| Kube context | {{region0.kubeContext}} | {{region1.kubeContext}} |
| Namespace | {{region0.namespace}} | {{region1.namespace}} |
| Values files | {{valuesFiles}}{{region0.valuesFile}} | {{valuesFiles}}{{region1.valuesFile}} |
| {{storage}} | {{region0.storageURL}} | {{region1.storageURL}} |
| Data migration runs | {{region0.migrates}} | {{region1.migrates}} |

- Secondary storage: {{storage}}, {{layout}}, {{provisioning}}
- Exporters: {{management}}; 8.7 ids {{legacyIDs}}; 8.8 ids {{camundaIDs}}
- Message compression: {{compression}} · Identity: {{identity}} · Optimize: {{optimize}} · API security: {{apiSecurity}} · 8.7 users to re-create: {{users}}
{{#hasWarnings}}

> **Warning**
{{#warnings}}
> - {{text}}
{{/warnings}}
{{/hasWarnings}}

## Contents

{{#phases}}
{{number}}. [{{title}}](#{{anchor}}): {{stepCount}} steps{{#hasOptional}}, {{optionalCount}} optional{{/hasOptional}}
{{/phases}}
{{#phases}}

## {{number}}. {{title}}

{{summary}}
{{#steps}}

<a id="{{id}}"></a>
### {{number}} {{title}}

- [{{checkbox}}] `{{id}}` · {{where}} · {{rules}}{{#optional}} · optional{{/optional}}{{#progress}} · {{progress}}{{/progress}}

{{body}}
{{#hasCommands}}

```bash
{{commands}}
```
{{/hasCommands}}
{{#blocks}}

{{#hasFile}}
In {{file}}:

{{/hasFile}}
{{#hasLabel}}
{{label}}:

{{/hasLabel}}
```{{language}}
{{content}}
```
{{/blocks}}
{{#notes}}

> **{{label}}**{{#hasReference}} ({{reference}}){{/hasReference}}: {{text}}
{{/notes}}
{{#hasAfter}}

After: {{after}}.
{{/hasAfter}}

Sources: {{sources}}
{{/steps}}
{{/phases}}

"""#,
        #"steps/migration.complete"#: #"""
# Wait for region {{region.id}}'s data migration to complete

The importer `{{importerName}}` must be available and the Job `{{dataMigrationJob}}` must reach `Complete`. The job's log shows `Process Migration completed` and `Task Migration completed successfully` (or `Task Migration is not needed`). The importer may keep running afterwards; that is expected. Camunda's own test allows 45 minutes for the whole migration.

"""#,
        #"steps/migration.identity"#: #"""
# Wait for the Identity migration in region {{region.id}}

The Job `{{identityMigrationJob}}` starts once the Orchestration Cluster is ready. Its log lists the migration handlers, such as `RoleMigrationHandler - Role Migration completed`. Groups are not migrated: configure them in the Orchestration Cluster's Identity.

"""#,
        #"steps/migration.legacy-exporters-enabled"#: #"""
# Leave the legacy exporters enabled until every migration completed

The importers read the records the legacy exporters write, and complete only once they see data written by 8.8; the Camunda Exporters start after that. Do not disable or remove {{legacyIDs}} until {{#migrationInBoth}}both regions' jobs{{/migrationInBoth}}{{^migrationInBoth}}region 0's job{{/migrationInBoth}} completed.

"""#,
        #"steps/post.end-state"#: #"""
# Compare with the end state

After the clean-up, your base file has the structure of Camunda's greenfield 8.8 dual-region values: no migration switch, no old-prefix compression variable{{^optimize}}, no legacy exporters{{/optimize}}. The env list should hold:

"""#,
        #"steps/post.exporters.confirm"#: #"""
# Confirm the exporters' state

The legacy exporters are `DISABLED` and the Camunda Exporters `ENABLED`, on every broker:

"""#,
        #"steps/post.exporters.disable"#: #"""
# Disable the legacy exporters through the management API

The exporter state is cluster-wide: do this once, through region 0. Port-forward in a second terminal, then disable each legacy exporter by id ({{legacyIDs}}). Each call must answer HTTP `202` with a body containing `DISABLED`; after each, repeat the `lastChange` query until it shows `"status": "COMPLETED"` and there is no `pendingChange`.

"""#,
        #"steps/post.exporters.no-delete"#: #"""
# Do not delete the disabled exporters

`DELETE actuator/exporters/<id>` refuses an exporter in state `DISABLED` ("is in state 'DISABLED' instead of 'CONFIG_NOT_FOUND'", camunda/camunda#39053). After the upgrade `GET actuator/exporters` lists four exporters: two disabled legacy ones and two enabled Camunda Exporters. That is the expected end state.

"""#,
        #"steps/post.exporters.recheck"#: #"""
# Check the legacy exporters stay disabled

The clean-up rollout restarted every broker. List the exporters again{{^exporterStateFix}}, and repeat this after every broker restart{{/exporterStateFix}}: if a legacy exporter shows `ENABLED`, disable it again as in `post.exporters.disable`.

"""#,
        #"steps/post.helm"#: #"""
# Roll out the clean-up in region {{region.id}}

The same command as the upgrade, with the edited values.{{#region.second}} Start it right after region 0's.{{/region.second}}

"""#,
        #"steps/post.keep-legacy-exporters"#: #"""
# Keep the legacy exporters enabled for Optimize

Optimize reads the legacy exporters' indices: keep {{legacyIDs}} configured and `ENABLED` permanently, and include them in the failover and failback exporter steps of the dual-region operational procedure.

"""#,
        #"steps/post.operational-procedure"#: #"""
# Update your operational procedure

Camunda's dual-region failover and failback procedure for 8.8 uses the exporter ids {{camundaIDs}}; the disabled legacy exporters can be ignored there. Its `helm` commands use the base file and each region's overlay, and toggle Operate and Tasklist with `--set orchestration.profiles.operate=false --set orchestration.profiles.tasklist=false`.

"""#,
        #"steps/post.precondition"#: #"""
# Confirm every migration job completed

Nothing in this phase may start before {{#migrationInBoth}}both regions' data-migration jobs{{/migrationInBoth}}{{^migrationInBoth}}region 0's data-migration job{{/migrationInBoth}}{{#identity}} and the Identity migration jobs{{/identity}} completed. Each command must print `1`.

"""#,
        #"steps/post.rollout"#: #"""
# Watch region {{region.id}}'s clean-up roll out

Wait for the rollout; the importer Deployment and the migration Job are gone afterwards.

"""#,
        #"steps/post.values.identity-migration-off"#: #"""
# Switch off the Identity migration

Set `orchestration.migration.identity.enabled: false`. The `migration` client the chart created in Keycloak can be removed once the migration completed.

"""#,
        #"steps/post.values.migration-off"#: #"""
# Switch off the migration in the values

The migration is done: remove the switch (Helm then deletes the importer and the job){{#compressionEnabled}} and the old-prefix `ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION`, which only the importer needed{{/compressionEnabled}}. Do both in the same upgrade.

"""#,
        #"steps/post.values.remove-legacy-exporters"#: #"""
# Remove the legacy exporters from the values

Only now that they are disabled: delete the legacy exporter configuration. Removing it without disabling first would leave the exporters in state `CONFIG_NOT_FOUND`, blocking log compaction and growing the disks.

"""#,
        #"steps/prepare.backup"#: #"""
# Back up region {{region.id}}

Create and verify a backup of region {{region.id}} (namespace `{{region.namespace}}`): the Zeebe brokers' data and the {{storage}} indices, following Camunda's backup and restore procedure for 8.7. Do not continue until the backup is verified.

"""#,
        #"steps/prepare.disk"#: #"""
# Plan disk for index replicas{{#region}} in region {{id}}{{/region}}

8.8 creates its Camunda indices with 1 replica (`orchestration.index.replicas: 1`). If 8.7 ran with 0 replicas, plan at least 2.5 times the current disk usage, and at least two master-eligible nodes, or the cluster turns yellow. To roll back to no replicas, set `CAMUNDA_DATABASE_INDEX_NUMBER_OF_REPLICAS=0`.

"""#,
        #"steps/prepare.exporter-inventory"#: #"""
# Inventory the 8.7 exporters

Start the port-forward in a second terminal (it blocks), then list the exporters. Expect {{legacyIDs}}, all `ENABLED`; these ids are used again after the migration.

"""#,
        #"steps/prepare.importer-backlog"#: #"""
# Drain the importer backlog in region {{region.id}}

The 8.7 Operate and Tasklist importers must be nearly idle before the upgrade. In Grafana (or any Prometheus front end), the average import time in namespace `{{region.namespace}}` should be a few seconds, ideally under 10 s:

"""#,
        #"steps/prepare.index-prefixes"#: #"""
# Migrate custom index prefixes{{#region}} in region {{id}}{{/region}}

Your 8.7 Operate/Tasklist used custom index prefixes. Before anything else: take a full backup, scale the 8.7 deployment to zero, then run the prefix migration with the old `CAMUNDA_OPERATE_ELASTICSEARCH_INDEX_PREFIX` / `CAMUNDA_TASKLIST_ELASTICSEARCH_INDEX_PREFIX` and the new `{{prefixVariable}}` in `application.yaml`. Afterwards set `{{prefixVariable}}` and the Camunda Exporters' `..._ARGS_CONNECT_INDEXPREFIX` in the 8.8 values.

"""#,
        #"steps/prepare.keep-setup"#: #"""
# Keep the deployment's names and shape

An upgrade is not the time for architectural change. Keep: release `{{release}}` in both regions, namespaces `{{region0.namespace}}` and `{{region1.namespace}}`, `global.multiregion.*`, cluster size {{clusterSize}}, {{partitions}} partitions, replication factor {{replicationFactor}}, the authentication method, and the exporter ids {{legacyIDs}}. LDAP is not supported in 8.8.

"""#,
        #"steps/prepare.secrets"#: #"""
# Move plaintext secrets into Kubernetes Secrets in region {{region.id}}

8.8 references secrets with `secret.existingSecret` and `secret.existingSecretKey` (both required, there is no default key). Extract each plaintext value from your values files{{#identity}} or from the chart-generated Secrets{{/identity}}, put it in a Secret in namespace `{{region.namespace}}` (for example `camunda-credentials`, in `existing-secrets-manifest.yaml`), reference it from the values, and delete the plaintext.

"""#,
        #"steps/prepare.storage-layout"#: #"""
# Keep one {{storage}} per region

The component guide asks for a single {{storage}} instance for Zeebe, Operate and Tasklist data. In a dual-region setup this holds inside each region: {{#perRegion}}keep your two regional storages; do not merge them.{{/perRegion}}{{#shared}}your deployment already uses one shared storage.{{/shared}}

"""#,
        #"steps/prepare.storage-version"#: #"""
# Check the {{storage}} version{{#region}} in region {{id}}{{/region}}

Camunda 8.8 needs Elasticsearch 8.16 or later, or OpenSearch 2.17 or later, {{#perRegion}}in every region's storage{{/perRegion}}{{#shared}}in the shared storage{{/shared}}. Read `version.number` in the answer.{{#subchart}} With the chart's Elasticsearch subchart, the 13.x chart raises the image itself (13.4.2 ships 8.18.0).{{/subchart}} Amazon OpenSearch is not supported in a dual-region setup.

"""#,
        #"steps/prepare.versions"#: #"""
# Confirm both regions run the same 8.7 release and pin the 8.8 chart

Check that both regions run the same chart (`{{chartFrom}}`, Camunda 8.7.x) under release `{{release}}`. Upgrade one minor only: 8.7 → 8.8, chart 12.x → 13.x. This runbook pins chart `{{chartTo}}` in every `helm` command; confirm it is listed by the search below and that you have read its release notes.

"""#,
        #"steps/troubleshooting.failed-migration-job"#: #"""
# Re-run a failed migration job in region {{region.id}}

When `{{dataMigrationJob}}` reached its `backoffLimit` (6 by default), delete the job and run region {{region.id}}'s `helm upgrade` again with the same values.

"""#,
        #"steps/troubleshooting.importer-stalls"#: #"""
# Known importer and migration stalls

- An idle cluster never completes the import (camunda/camunda#38476): create traffic, for example deploy a process.
- The Tasklist importer does not complete on a partition (#51004), or never marks completion after a restart within the completion window (#56595, #40267): see the workarounds in those issues.

"""#,
        #"steps/troubleshooting.restart-importer"#: #"""
# Restart a stuck importer in region {{region.id}}

If the importer processes the same batch again and again and the job does not complete, especially when the other region's migration already completed, restart the importer pod and wait for the job again.

"""#,
        #"steps/upgrade.coordinate"#: #"""
# Coordinate the two upgrades

Both regions must be upgraded at the same time. Before starting, open one terminal per region, agree who runs which, and have both `helm upgrade` commands ready: region 1's starts right after region 0's, with no waiting in between.{{#shared}} This holds even though the data migration runs only in region 0.{{/shared}}

"""#,
        #"steps/upgrade.helm-repo"#: #"""
# Refresh the chart repository

Run once, on the machine you upgrade from, right before the two upgrades.

"""#,
        #"steps/upgrade.helm"#: #"""
# Upgrade region {{region.id}}

Run from the directory holding your values files{{#region}}; `-f` order matters, later files win{{/region}}.{{#region.second}} Start it immediately after region 0's, without waiting for region 0 to become ready: the brokers of one region only become ready when the stretched cluster is whole.{{/region.second}}

"""#,
        #"steps/upgrade.objects"#: #"""
# Check region {{region.id}}'s objects

Expect: no `{{release}}-operate`, `{{release}}-tasklist` or `{{release}}-zeebe-gateway` Deployments; StatefulSet `{{orchestrationName}}` with {{brokersPerRegion}} replicas; Service `{{gatewayService}}` (ports 9600, 8080, 26500){{#region.migrates}}; Deployment `{{importerName}}` and Job `{{dataMigrationJob}}`{{/region.migrates}}{{#identity}}; Job `{{identityMigrationJob}}`{{/identity}}.

"""#,
        #"steps/upgrade.rollout"#: #"""
# Watch region {{region.id}} roll out

Watch the pods: the 8.7 Operate, Tasklist and gateway pods terminate, the StatefulSet `{{orchestrationName}}` keeps its name and restarts with 8.8{{#region.migrates}}, and the importer `{{importerName}}` and Job `{{dataMigrationJob}}` appear{{/region.migrates}}. Wait for every rollout to finish.

"""#,
        #"steps/values.api-security"#: #"""
# {{#apiProtected}}Prepare every client for authenticated APIs{{/apiProtected}}{{#apiUnprotected}}Keep the APIs unauthenticated{{/apiUnprotected}}

In 8.8 the gRPC and REST APIs require authentication by default (`unprotectedApi: false`, `authorizations.enabled: true`).
{{#apiProtected}}
You keep that default: every worker, client and Connectors runtime must authenticate after the upgrade ({{#identity}}OIDC tokens{{/identity}}{{^identity}}basic authentication, user and password{{/identity}}). Update their configuration before the upgrade window.
{{/apiProtected}}
{{#apiUnprotected}}
You restore the 8.7 behaviour:
{{/apiUnprotected}}

"""#,
        #"steps/values.authentication"#: #"""
# Keep basic authentication{{#hasUsers}} and re-create your users{{/hasUsers}}

In 8.8 basic authentication covers the whole Orchestration Cluster (APIs and web apps), not only Operate and Tasklist. Keep the method explicit:
{{#hasUsers}}

Users from `camunda.operate.userId` / `camunda.tasklist.userId` are not migrated. Re-create {{users}} as initial users, otherwise only the default `demo`/`demo` exists. Helm arrays replace the chart's defaults, so list every user you still want.
{{/hasUsers}}
{{^hasUsers}}

You defined no 8.7 users of your own, so after the upgrade the chart's default user `demo` (password `demo`) exists. Change it, or define initial users under `orchestration.security.initialization.users`, before the cluster is reachable by others.
{{/hasUsers}}

"""#,
        #"steps/values.backup-repository"#: #"""
# Use one backup repository

8.8 uses one backup repository for Operate and Tasklist. Replace `CAMUNDA_OPERATE_BACKUP_REPOSITORYNAME` and `CAMUNDA_TASKLIST_BACKUP_REPOSITORYNAME` with one variable, `{{repository}}`:

"""#,
        #"steps/values.camunda-exporters"#: #"""
# Add the Camunda {{#perRegion}}Exporter for each region{{/perRegion}}{{#shared}}Exporter for the shared storage{{/shared}}

{{#perRegion}}Each region's Camunda Exporter writes to that region's {{storage}}, at the same URL as its legacy exporter: region 0 `{{region0.url}}`, region 1 `{{region1.url}}`.{{/perRegion}}{{#shared}}One Camunda Exporter writes to the shared {{storage}} at `{{region0.url}}`.{{/shared}} The Camunda Exporter takes its URL in `_ARGS_CONNECT_URL`; the legacy exporter's is `_ARGS_URL`.

"""#,
        #"steps/values.cluster-sizing"#: #"""
# Write cluster sizing as strings

The 13.x schema types `clusterSize`, `partitionCount` and `replicationFactor` as strings; integers fail validation. The values themselves do not change.

"""#,
        #"steps/values.components"#: #"""
# Enable the components 13.x disables by default

The 13.x chart disables some components by default that your deployment uses; enable them explicitly:

"""#,
        #"steps/values.connectors"#: #"""
# Give Connectors credentials

With basic authentication, Connectors authenticate as the `connectors` user (password `connector` in the chart's defaults); keep that user when you define initial users, and change its password.

"""#,
        #"steps/values.data-migration"#: #"""
# Enable the data migration

{{#perRegion}}Each region has its own {{storage}}, so each migrates independently: enable the migration in the base file, for both regions.{{/perRegion}}{{#shared}}Both regions share one {{storage}}, so the migration runs once: enable it in region 0's overlay and disable it in region 1's. It must live in the overlays because the base file is shared.{{/shared}} This creates the importer Deployment `{{importerName}}` and the Job `{{dataMigrationJob}}`{{#shared}} in region 0{{/shared}}.

"""#,
        #"steps/values.env-array"#: #"""
# Assemble the complete `orchestration.env` list

`orchestration.env` is an array, and Helm replaces arrays instead of merging them: an overlay cannot add one entry. Keep the complete list in {{#hasBaseFile}}the base file `{{valuesBase}}`{{/hasBaseFile}}{{^hasBaseFile}}each region's file{{/hasBaseFile}}; the region overlays keep only per-region scalars (`global.multiregion.regionId`{{#shared}}, `orchestration.migration.data.enabled`{{/shared}}). Your overlays `{{region0.overlay}}` and `{{region1.overlay}}` do not otherwise change between 8.7 and 8.8.

"""#,
        #"steps/values.exporter-switch"#: #"""
# Replace `global.elasticsearch.disableExporter`

Delete `global.elasticsearch.disableExporter`: in 13.x it does nothing, and `orchestration.exporters.camunda.enabled` defaults to `true`, which would add a chart exporter pointing only at the local storage. Your exporters are defined by env, so switch both chart exporters off:

"""#,
        #"steps/values.gateway-env"#: #"""
# Rename the gateway variables

Every `ZEEBE_GATEWAY_*` variable from `zeebeGateway.env` moves to `orchestration.env` as `ZEEBE_BROKER_GATEWAY_*` with the same value.{{#renames.0}} Yours:
{{/renames.0}}
{{#renames}}
- `{{from}}` → `{{to}}`
{{/renames}}

Broker variables (`ZEEBE_BROKER_CLUSTER_*`) keep their names. Do not use the `CAMUNDA_CLUSTER_*` names of the c8-multi-region `main` branch: they are for 8.9.

"""#,
        #"steps/values.gateway"#: #"""
# Dissolve the `zeebeGateway` block

The gateway is embedded in the Orchestration Cluster in 8.8. Move `zeebeGateway.env` into `orchestration.env` (renamed, next step); `service.grpcPort`, `commandPort`, `internalPort` to `orchestration.service.*`, `service.restPort` to `orchestration.service.httpPort`; `ingress.grpc` to `orchestration.ingress.grpc`; merge `envFrom`, `configuration`, `extraConfiguration`, `initContainers`, `sidecars`, `extraVolumes`, `extraVolumeMounts`; fold `resources` into `orchestration.resources`; `logLevel` becomes `orchestration.logLevel` (now for the whole cluster). Drop `replicas` and `contextPath`. Then delete the `zeebeGateway` block.

"""#,
        #"steps/values.helm-managed-exporters"#: #"""
# Enable the chart's exporters for the shared storage

With one shared {{storage}} and the chart-managed exporter, delete `global.elasticsearch.disableExporter` and enable both chart exporters; keep `global.{{storageType}}.*` pointing at the shared storage in both regions. The legacy exporter keeps its id `{{storageType}}`; the Camunda Exporter's id is `camundaexporter`. Define no `ZEEBE_BROKER_EXPORTERS_*` env entries.

"""#,
        #"steps/values.identity-migration-secret"#: #"""
# Create the Identity migration secret in region {{region.id}}

Write `identity-migration-secret.yaml`: a Secret named `identity-migration-secret` with key `password` (base64), the migration client's secret. Apply it in namespace `{{region.namespace}}`.

"""#,
        #"steps/values.identity-migration"#: #"""
# Enable the Identity migration

The Identity migration Job `{{identityMigrationJob}}` copies Management Identity's roles and authorizations into the Orchestration Cluster. It waits until the cluster is ready and is idempotent. For an OIDC provider other than Keycloak, also set `claimName`, `claimValue` and `clientId`; set `resourceAuthorizationsEnabled: true` only if you used resource authorizations.

"""#,
        #"steps/values.ingress"#: #"""
# Move to the combined Ingress

{{#separated}}Separated Ingress objects are no longer supported: the chart fails when `identity.ingress`, `console.ingress`, `webModeler.ingress`, `connectors.ingress` or `orchestration.ingress.rest` is enabled. Switch to the combined Ingress.{{/separated}}{{^separated}}Keep the combined Ingress.{{/separated}} `zeebeGateway.ingress.grpc` becomes `orchestration.ingress.grpc`. Operate and Tasklist are now served under `{contextPath}/operate` and `{contextPath}/tasklist` by `{{gatewayService}}`: adjust DNS and routing to the primary region.

"""#,
        #"steps/values.legacy-exporters"#: #"""
# Keep the 8.7 exporters unchanged

Copy every `ZEEBE_BROKER_EXPORTERS_<SEGMENT>_*` entry of your 8.7 `zeebe.env` into `orchestration.env` verbatim: same segment (so each exporter keeps its id {{legacyIDs}} and continues from its position), same `_CLASSNAME`, same `_ARGS_URL` and other `_ARGS_*`. The importer reads the records they write until the migration completes.

"""#,
        #"steps/values.message-compression"#: #"""
# Define message compression three times

Cluster message compression `{{compression}}` must be set for the brokers, for the embedded gateway, and, under its old name, for the migration importer, which joins the cluster as a standalone gateway and receives all of `orchestration.env`. Without it the importer cannot talk to the cluster.

"""#,
        #"steps/values.multi-tenancy"#: #"""
# Review multi-tenancy

Review `orchestration.multitenancy.*` against the baseline guide's multi-tenancy section. Multi-tenancy cannot be combined with `unprotectedApi: true`.

"""#,
        #"steps/values.oidc"#: #"""
# Move the OIDC and Management Identity keys

`global.identity.auth.zeebe.*` moves to `orchestration.security.authentication.oidc.*`; `global.identity.auth.connectors.*` to `connectors.security.authentication.oidc.*`; the Operate and Tasklist audiences become entries of `orchestration.security.authentication.oidc.backwardsCompatibleAudiences`; remove `global.identity.auth.operate` and `.tasklist`; `connectors.env OPERATE_CLIENT_SCOPE` becomes `connectors.security.authentication.oidc.tokenScope`. Enable the authorization code flow ("standard flow" in Keycloak) on the orchestration client.

"""#,
        #"steps/values.operate-tasklist"#: #"""
# Fold the `operate` and `tasklist` blocks

`operate.enabled` and `tasklist.enabled` become `orchestration.profiles.operate` and `orchestration.profiles.tasklist` (set them only if one was disabled). Merge `operate.env` and `tasklist.env` into `orchestration.env`, checking each entry against Camunda's property mapping; `retention` becomes `orchestration.history.retention`; drop `contextPath` and `tasklist.identity.userAccessRestrictions.enabled`. Delete the `operate` and `tasklist` blocks: their Deployments disappear after the upgrade.

"""#,
        #"steps/values.optimize"#: #"""
# Keep Optimize enabled and on the legacy exporters

Set `optimize.enabled: true` explicitly (13.x defaults to `false`). Optimize does not yet read the Camunda Exporter's data: the legacy exporters stay defined and enabled after the migration, and the post-migration clean-up leaves them alone.

"""#,
        #"steps/values.orchestration"#: #"""
# Move the `zeebe` block to `orchestration`

In the 8.8 base file{{#hasBaseFile}} `{{valuesBase}}`{{/hasBaseFile}}, every `zeebe.*` key moves under `orchestration.*` with the same name (`env`, `envFrom`, `pvcSize`, `pvcStorageClassName`, `resources`, `affinity`, `tolerations`, `nodeSelector`, security contexts, `extraVolumes`, `logLevel`, `javaOpts`, `retention`); then delete the `zeebe` block. The StatefulSet keeps its name `{{orchestrationName}}`. Default `javaOpts` paths change from `/usr/local/zeebe/` to `/usr/local/camunda/`.

"""#,
        #"steps/values.persistence"#: #"""
# Keep persistence sizes and storage classes

Keep `orchestration.pvcSize` equal to the 8.7 `zeebe.pvcSize`, with the same storage class{{#subchart}}, and keep `elasticsearch.master.persistence.size`{{/subchart}}.

"""#,
        #"steps/values.resources"#: #"""
# Size the Orchestration Cluster pods

`zeebe.resources` and `zeebeGateway.resources` fold into `orchestration.resources`. Each pod now also runs Operate, Tasklist and the gateway, so consider increasing them: Camunda's reference uses the sums of the 8.7 broker and gateway values (requests `200m`/`1Gi`, limits `1512m`/`3Gi`). The migration importer Deployment `{{importerName}}` runs with the same resources, one pod per migrating region.

"""#,
        #"steps/values.secret-pattern"#: #"""
# Use the 8.8 secret pattern

Every secret reference moves from the legacy `existingSecret`/`existingSecretKey` fields to a structured `secret:` value (`existingSecret` and `existingSecretKey`, or `inlineSecret` outside production):

"""#,
        #"steps/values.unified-env"#: #"""
# Rename legacy properties that have unified names

Camunda recommends replacing legacy properties that map directly to unified ones, for example `ZEEBE_BROKER_DATA_SNAPSHOTPERIOD` → `CAMUNDA_DATA_SNAPSHOTPERIOD`. Check every remaining `orchestration.env` entry against the property mapping of 8.8.

"""#,
        #"steps/verify.health"#: #"""
# Check region {{region.id}}'s profiles and storage health

The broker log shows five active profiles: `broker`, `operate`, `tasklist`, `identity`, `consolidated-auth`. {{#shared}}{{#region.migrates}}The shared {{storage}} reports `"status":"green"`.{{/region.migrates}}{{/shared}}{{#perRegion}}Region {{region.id}}'s {{storage}} reports `"status":"green"`.{{/perRegion}} Then open Operate and Tasklist and confirm your processes and tasks are there, and that workers still complete jobs.

"""#,
        #"steps/verify.management-path"#: #"""
# Use the management context path

With `orchestration.contextPath` set to `{{contextPath}}`, the management API lives under it: every actuator URL in this runbook includes it.

"""#,
        #"steps/verify.node-ids"#: #"""
# Check region {{region.id}}'s broker ids (optional)

Node ids are `pod ordinal × 2 + region id`: region {{region.id}}'s pods must report {{expectedIDs}}.

"""#,
        #"steps/verify.pods"#: #"""
# Check region {{region.id}}'s pods and images

Every pod is Ready, and every Camunda image is 8.8.x.

"""#,
        #"steps/verify.topology"#: #"""
# Check the stretched cluster's topology

Port-forward in a second terminal, then ask for the topology{{#apiProtected}}{{^identity}} (curl asks for `{{apiUser}}`'s password){{/identity}}{{#identity}} with an OIDC access token in `$TOKEN`{{/identity}}{{/apiProtected}}. Expect {{clusterSize}} brokers, {{brokersPerRegion}} in each namespace, replication factor {{replicationFactor}}, {{partitions}} partitions, and every broker on version 8.8.x.

"""#,
    ]

    static let exampleScenario = #"""
# Camunda's reference dual-region architecture (camunda/c8-multi-region, AWS EKS):
# one Elasticsearch per region from the chart's subchart, manual exporters, GZIP cluster compression,
# no Identity, no Optimize. Names as in c8-multi-region's export_environment_prerequisites.sh.
version: 1
title: Reference dual-region deployment (London and Paris)
release: camunda
chart: { from: 12.7.6, to: 13.10.2 }
valuesFiles: { base: camunda-values.yml, region0: region0/camunda-values.yml, region1: region1/camunda-values.yml }
regions:
  - { id: 0, kubeContext: cluster-london, namespace: camunda-london }
  - { id: 1, kubeContext: cluster-paris, namespace: camunda-paris }
secondaryStorage:
  type: elasticsearch
  layout: per-region
  urls:
    region0: http://camunda-elasticsearch-master-hl.camunda-london.svc.cluster.local:9200
    region1: http://camunda-elasticsearch-master-hl.camunda-paris.svc.cluster.local:9200
exporters:
  management: manual
  legacy:
    - { segment: ELASTICSEARCHREGION0, region: 0 }
    - { segment: ELASTICSEARCHREGION1, region: 1 }
messageCompression: GZIP
gatewayEnv:
  - { name: ZEEBE_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT, value: 500ms }
  - { name: ZEEBE_GATEWAY_CLUSTER_MEMBERSHIP_PROBEINTERVAL, value: 2s }
identity: false
optimize: false
basicAuthUsers: []
apiSecurity: protected
backupRepository: camunda_backup

"""#
}
