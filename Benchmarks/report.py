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

print("## In process, one core: every combination of the scenario's choices (144 runbooks)")
print()
print("| Measure | Median for all 144 | Runbooks per second |")
print("|---|---|---|")
rates = {}
for line in open(os.path.join(folder, "inprocess.txt")):
    parts = line.rstrip("\n").split("\t")
    if len(parts) >= 4 and "runbooks/s" in parts[3]:
        rates[parts[0]] = float(parts[3].split()[0])
        print(f"| {parts[0]} | {parts[2].replace('median ', '')} | {parts[3].replace(' runbooks/s', '')} |")
    elif line.startswith("templates"):
        print(f"| (once per process) parsing the templates | {parts[2].replace('median ', '')} | |")
combined = rates.get("plan+markdown+html", 0)
print()
print(f"Target: at least 1,000 runbooks per second planned and rendered to Markdown and HTML: **{combined:.0f}/s**, {'met' if combined >= 1000 else 'missed'}.")
print()

tick = hyperfine("tick.json")
print("## tick against a progress log")
print()
print("| Events in the log | Median | Per 1,000 events beyond the first 1,000 |")
print("|---|---|---|")
medians = {n: tick[f"tick, {n} events"]["median"] for n in sizes}
base = medians[sizes[0]]
for n in sizes:
    slope = "" if n == sizes[0] else f"{(medians[n] - base) / ((n - sizes[0]) / 1000) * 1000:.1f} ms"
    print(f"| {n:,} | {ms(medians[n])} | {slope} |")
ten = medians.get(10000)
print()
print(f"Target: under 50 ms at 10,000 events: **{ms(ten)}**, {'met' if ten is not None and ten < 0.05 else 'missed'}; growth per 1,000 events stays "
      f"{'flat' if max(medians.values()) < 2 * base else 'linear' if medians[sizes[-1]] / medians[sizes[-2]] < 2.6 else 'super-linear'} "
      f"({ms(medians[sizes[-2]])} → {ms(medians[sizes[-1]])} for {sizes[-2]:,} → {sizes[-1]:,} events).")
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
for line in open(os.path.join(folder, "memory.tsv")):
    name, kib = line.rstrip("\n").split("\t")
    print(f"| `{name}` | {int(kib) / 1024:.1f} MiB |")
