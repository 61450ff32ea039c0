import C8Runbook
import Foundation

// In-process throughput: every combination of the reference scenario's choices, planned and rendered.
// Usage: c8runbook-bench [rounds [scenarios]] [--cpu]. Prints one line per measure: name, median, and runbooks per
// second. A smaller number of scenarios makes a profile quick. `--cpu` times each round by the thread's CPU time
// instead of the wall clock: on a machine other processes are using, a waiting thread's time is not counted.

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let clock = CommandLine.arguments.contains("--cpu") ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC

/// Nanoseconds on the chosen clock.
func now() -> UInt64 {
    var time = timespec()
    clock_gettime(clock, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

let rounds = arguments.first ?? 20
let base = try Scenario.parse(yaml: Scenario.exampleYAML, file: "reference")
let scenarios = Array(base.variants.prefix(arguments.dropFirst().first ?? .max))
let planner = Planner()

func measure(_ name: String, _ body: (Scenario) -> Int) {
    var seconds: [Double] = []
    var bytes = 0
    for _ in 0..<rounds {
        let start = now()
        for scenario in scenarios { bytes &+= body(scenario) }
        seconds.append(Double(now() - start) / 1e9)
    }
    let median = seconds.sorted()[seconds.count / 2]
    let perSecond = Double(scenarios.count) / median
    print(String(format: "%@\t%d runbooks\tmedian %.2f ms\t%.0f runbooks/s\t(%d bytes)", name, scenarios.count, median * 1000, perSecond, bytes / rounds))
}

measure("plan") { planner.plan($0).steps.count }
measure("plan+markdown") { planner.plan($0).rendered(as: .markdown).utf8.count }
measure("plan+html") { planner.plan($0).rendered(as: .html).utf8.count }
measure("plan+markdown+html") { scenario in
    let runbook = planner.plan(scenario)
    return runbook.rendered(as: .markdown).utf8.count + runbook.rendered(as: .html).utf8.count
}

// One-time cost of every run of the CLI: parsing the templates.
do {
    let sources = TemplateSet.embedded.sources
    var seconds: [Double] = []
    for _ in 0..<rounds {
        let start = now()
        _ = try TemplateSet(sources: sources)
        seconds.append(Double(now() - start) / 1e9)
    }
    print(String(format: "templates\t%d templates\tmedian %.2f ms", sources.count, seconds.sorted()[seconds.count / 2] * 1000))
    for prefix in ["steps/", "notes/", "phases/", "html/", "runbook"] {
        let group = sources.filter { $0.key.hasPrefix(prefix) }
        let start = now()
        _ = try TemplateSet(sources: group)
        print(String(format: "  %@\t%d\t%.2f ms", prefix, group.count, Double(now() - start) / 1e6))
    }
}
