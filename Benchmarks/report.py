#!/usr/bin/env python3
"""Turns the measurements of Benchmarks/run into Benchmarks/results.md: machine, date, commands, and each
figure next to its target (BENCHMARKS.md)."""
import datetime
import json
import os
import platform
import subprocess
import sys

folder, runs, sizes = sys.argv[1], int(sys.argv[2]), [int(n) for n in sys.argv[3].split()]


def hyperfine(name):
    return {r["command"]: r for r in json.load(open(os.path.join(folder, name)))["results"]}


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def shell(command):
    try:
        return subprocess.run(command, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
memory = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "?")
print("# Benchmark results")
print()
print(f"- Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
print(f"- Machine: {os.cpu_count()} cores, {cpu}, {int(memory) // 1024 // 1024} GiB; {shell('uname -sr')}; load average before: {os.getloadavg()[0]:.2f}")
print(f"- Toolchain: {shell('swift --version 2>&1 | head -n 1')}; release builds (`swift build -c release`, and `--static-swift-stdlib`)")
print(f"- Command: `Benchmarks/run {runs}`; wall times by hyperfine ({runs} runs after warm-up, median), peak memory by GNU time")
print()

cli = hyperfine("cli.json")
html = cli["c8runbook generate --format html"]["median"]
static = cli["c8runbook generate --format html (static stdlib)"]["median"]
cmark = cli["cmark RUNBOOK.md"]["median"]
pandoc = cli["pandoc -f gfm -t html RUNBOOK.md"]["median"]
print("## One runbook: generate --format html vs cmark and pandoc on the same runbook's Markdown")
print()
print("| Command | Median | Mean ± σ |")
print("|---|---|---|")
for name, result in cli.items():
    print(f"| `{name}` | {ms(result['median'])} | {ms(result['mean'])} ± {ms(result['stddev'])} |")
print()
print("| Target | Figure | Met |")
print("|---|---|---|")
best = min(html, static)
print(f"| within 3× of cmark's wall time | {best / cmark:.1f}× cmark (static stdlib: {static / cmark:.1f}×, dynamic: {html / cmark:.1f}×) | {'yes' if best <= 3 * cmark else 'no'} |")
print(f"| at least 10× faster than pandoc | {pandoc / best:.1f}× faster | {'yes' if pandoc >= 10 * best else 'no'} |")
print()

inprocess = open(os.path.join(folder, "inprocess.txt")).read().splitlines(keepends=True)
count = next((line.split("\t")[1].split()[0] for line in inprocess if line.count("\t") >= 3), "?")
print(f"## In process, one core: every combination of the scenario's choices ({count} runbooks)")
print()
print(f"| Measure | Median for all {count} | Runbooks per second |")
print("|---|---|---|")
rates = {}
for line in inprocess:
    parts = line.rstrip("\n").split("\t")
    if len(parts) >= 4 and "runbooks/s" in parts[3]:
        rates[parts[0]] = float(parts[3].split()[0])
        print(f"| {parts[0]} | {parts[2].replace('median ', '')} | {parts[3].replace(' runbooks/s', '')} |")
    elif line.startswith("templates"):
        print(f"| (`--templates` only) parsing every template with swift-mustache | {parts[2].replace('median ', '')} | |")
combined = rates.get("plan+markdown+html", 0)
print()
print(f"Target: at least 1,000 runbooks per second planned and rendered to Markdown and HTML: **{combined:.0f}/s**, {'met' if combined >= 1000 else 'missed'}.")
print()

tick = hyperfine("tick.json")
reads = hyperfine("read.json")
print("## tick, status and next against a progress log (version 2)")
print()
print("| Events in the log | tick | status | next |")
print("|---|---|---|---|")
medians = {n: tick[f"tick, {n} events"]["median"] for n in sizes}
status = {n: reads[f"status, {n} events"]["median"] for n in sizes}
nexts = {n: reads[f"next, {n} events"]["median"] for n in sizes}
for n in sizes:
    print(f"| {n:,} | {ms(medians[n])} | {ms(status[n])} | {ms(nexts[n])} |")
print()
print("| Target | Figure | Met |")
print("|---|---|---|")
def ratio(table, n, limit, what):
    r = table[n] / table[sizes[0]]
    print(f"| {what} at {n:,} events vs {sizes[0]:,}: at most {limit}× | {r:.2f}× | {'yes' if r <= limit else 'no'} |")
ratio(medians, 4000, 1.25, "`tick`")
ratio(medians, 100000, 1.5, "`tick`")
ratio(status, 10000, 1.5, "`status`")
ratio(nexts, 10000, 1.5, "`next`")
print()

if os.path.exists(os.path.join(folder, "values-scale.json")):
    print("## values and init on a file with 50,000 extra env entries")
    print()
    print("| Command | Median | Mean ± σ |")
    print("|---|---|---|")
    scale = hyperfine("values-scale.json")
    for name, result in scale.items():
        print(f"| `{name}` | {ms(result['median'])} | {ms(result['mean'])} ± {ms(result['stddev'])} |")
    print()
    worst = max(result["median"] for result in scale.values())
    print(f"Target: under 0.5 s (and 200 MiB, below): **{ms(worst)}** at worst, {'met' if worst < 0.5 else 'missed'}.")
    print()

print("## Peak memory (maximum resident set size)")
print()
print("| Command | Peak RSS |")
print("|---|---|")
tick_memory = None
for line in open(os.path.join(folder, "memory.tsv")):
    name, kib = line.rstrip("\n").split("\t")
    print(f"| `{name}` | {int(kib) / 1024:.1f} MiB |")
    if name == "tick (100000 events)":
        tick_memory = int(kib) / 1024
if tick_memory is not None:
    print()
    print(f"Target: peak memory of `tick` at 100,000 events at most 50 MiB: **{tick_memory:.1f} MiB**, {'met' if tick_memory <= 50 else 'missed'}.")
