#!/usr/bin/env python3
"""Turns one bench/run.sh run into bench/results/<date>.md: the machine, the generator's timings, every Gatling run
(p50/p95/p99/throughput per request, and its ratio to the liveness floor), dd, Argon2 and the memory check.
Usage: report.py <run-dir> <feeder-dir> <results-dir>"""
import datetime
import os
import re
import subprocess
import sys

run, feed, results = sys.argv[1:4]
COLS = ["total", "ok", "ko", "ko_pct", "rps", "min", "p50", "p75", "p95", "p99", "max", "mean", "std"]


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception:
        return ""


def parse(report_dir, seconds=None, warmup=0):
    """Per request name: the numbers of Gatling's statistics table (index.html). With a warm-up (requests named
    "warm-up: ..." in the same run), its rows and the "All Requests" row, which counts them too, are left out, and a
    request's throughput is its count over the measured seconds (Gatling's own divides by the whole run)."""
    html = open(os.path.join(report_dir, "index.html"), encoding="utf-8").read()
    rows = {}
    for m in re.finditer(r'class="ellipsed-name">([^<]+)</span>(.*?)</tr>', html, re.S):
        values = re.findall(r'<td class="value [^"]*">([^<]*)</td>', m.group(2))
        if len(values) >= len(COLS):
            rows[m.group(1)] = dict(zip(COLS, values))
    if warmup and any(name.startswith("warm-up: ") for name in rows):
        rows = {name: r for name, r in rows.items() if not name.startswith("warm-up: ") and name != "All Requests"}
        for r in rows.values():
            total = num(r["total"])
            if total is not None and seconds:
                r["rps"] = f"{total / seconds:.1f}"
    return rows


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def read(path, default=""):
    try:
        return open(path).read()
    except OSError:
        return default


runs = []
for line in read(os.path.join(run, "runs.txt")).splitlines():
    # scenario model users-or-rate report-dir [measured-seconds warm-up-seconds]
    scenario, model, n, d, *times = line.split()
    seconds, warmup = (int(times[0]), int(times[1])) if len(times) == 2 else (None, 0)
    try:
        runs.append((scenario, model, n, parse(d, seconds, warmup)))
    except OSError:
        runs.append((scenario, model, n, {}))

floor = None
for scenario, model, n, rows in runs:
    if scenario == "liveness" and "liveness" in rows:
        floor = rows["liveness"]
floor_rps = num(floor["rps"]) if floor else None
floor_p50 = num(floor["p50"]) if floor else None

out = []
now = datetime.datetime.now()
out.append(f"# Atrium benchmark, {now:%Y-%m-%d %H:%M}\n")
out.append("## Machine\n")
out.append("| | |\n| --- | --- |")
cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")
ram = sh("free -g | awk '/Mem:/ {print $2}'")
disk = sh("df -h /tmp | awk 'NR==2 {print $1, $2}'")
rot = sh("cat /sys/block/vda/queue/rotational 2>/dev/null")
pg = sh('psql -h 127.0.0.1 -U postgres -tAc "show server_version"')
out.append(f"| CPU | {sh('nproc')} × {cpu} |")
out.append(f"| RAM | {ram} GiB |")
out.append(f"| disk | {disk} (rotational={rot}) |")
out.append(f"| load average at the end | {sh('cat /proc/loadavg')} |")
java = os.environ.get("BENCH_JAVA", "java")
out.append(f"| app JDK | {sh(java + ' -version 2>&1 | head -1')} |")
out.append(f"| PostgreSQL | {pg} |")
out.append("")

gen = read(os.path.join(run, "generator.txt"))
if gen:
    out.append("## Data (generator)\n")
    out.append("```\n" + gen.strip() + "\n```\n")

out.append("## Load\n")
out.append("Closed model: N concurrent users, each request as soon as the previous answered (highest throughput). "
           "Open model: new users per second at a fixed rate, each doing the scenario's requests once (latency at "
           "that offered rate). Times in ms. Ratio: throughput ÷ the liveness floor's throughput of this run "
           "(closed models only).\n")
out.append("| scenario | model | request | count | KO | p50 | p95 | p99 | max | req/s | ratio to floor |")
out.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for scenario, model, n, rows in runs:
    label = f"{model} {n} users" if model == "closed" else (f"open {n}/s" if model == "open" else f"{n} at once")
    if not rows:
        out.append(f"| {scenario} | {label} | (no report) | | | | | | | | |")
    for name, r in rows.items():
        if name == "All Requests" and len(rows) == 2:
            continue
        rps = num(r["rps"])
        ratio = f"{rps / floor_rps:.0%}" if (floor_rps and rps and model == "closed") else ""
        out.append(f"| {scenario} | {label} | {name} | {r['total']} | {r['ko']} | {r['p50']} | {r['p95']} | "
                   f"{r['p99']} | {r['max']} | {r['rps']} | {ratio} |")
out.append("")

# extra run sets (EXTRA="title=runs-file;title=runs-file"), e.g. a rerun or an experiment with other settings
for item in filter(None, os.environ.get("EXTRA", "").split(";")):
    title, f = item.rsplit("=", 1)
    out.append(f"### {title}\n")
    out.append("| scenario | model | request | count | KO | p50 | p95 | p99 | max | req/s |")
    out.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for line in read(f).splitlines():
        scenario, model, n, d, *times = line.split()
        seconds, warmup = (int(times[0]), int(times[1])) if len(times) == 2 else (None, 0)
        for name, r in parse(d, seconds, warmup).items():
            if name == "All Requests":
                continue
            out.append(f"| {scenario} | {model} {n} | {name} | {r['total']} | {r['ko']} | {r['p50']} | {r['p95']} | "
                       f"{r['p99']} | {r['max']} | {r['rps']} |")
    out.append("")

dd_w = read(os.path.join(run, "dd-write.txt")).strip().splitlines()
dd_r = read(os.path.join(run, "dd-read.txt")).strip().splitlines()
out.append("## Disk (dd, 1 GiB, direct I/O)\n")
out.append(f"- write: `{dd_w[-1] if dd_w else 'n/a'}`")
out.append(f"- read: `{dd_r[-1] if dd_r else 'n/a'}`\n")

def dd_rate(lines):
    """Bytes per second of dd's last line ("N bytes ... copied, T s, ...")."""
    m = re.match(r"(\d+) bytes .* copied, ([\d.]+) s", lines[-1]) if lines else None
    return int(m.group(1)) / float(m.group(2)) if m else None


def wrk(path):
    """Requests per second and latency percentiles (ms) of a wrk --latency output."""
    text = read(path)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    pct = {}
    for p, v, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)", text, re.M):
        pct[p] = float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return (float(rps.group(1)) if rps else None), (int(errors.group(1)) if errors else 0), pct


out.append("## Portal home against the floor (wrk)\n")
out.append("The same two requests as Gatling's `liveness` and `portalhome`, with `wrk` (8 connections), in alternating "
           "rounds on the same warm app: a lighter client than Gatling, which on these two cores spends more CPU on "
           "each portal page it reads than on a liveness answer.\n")
out.append("| round | liveness req/s | portal home req/s | portal home p50 / p99 ms | errors | ratio to floor |")
out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
ratios = []
for r in (1, 2, 3):
    live, _, _ = wrk(os.path.join(run, f"wrk-liveness-{r}.txt"))
    home, errors, pct = wrk(os.path.join(run, f"wrk-portalhome-{r}.txt"))
    if live is None or home is None:
        continue
    ratios.append(home / live)
    out.append(f"| {r} | {live:.0f} | {home:.0f} | {pct.get('50', '')} / {pct.get('99', '')} | {errors} | "
               f"{home / live:.0%} |")
if ratios:
    out.append(f"\nMedian ratio: **{sorted(ratios)[len(ratios) // 2]:.0%}**.")
out.append("")

out.append("## Transfers (wrk), encryption included\n")
out.append("The app's throughput for the transfer targets, against the disk's own sequential throughput measured "
           "by dd above in the same run (upload against dd's write, download against dd's read).\n")
out.append("| transfer | connections | req/s | MB/s | errors | p50 ms | p90 ms | p99 ms | ratio to dd |")
out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for label, f, size, conns, disk in (("download 1 MiB", "wrk-download.txt", 1 << 20, 8, dd_rate(dd_r)),
                                    ("upload 10 MiB", "wrk-upload.txt", 10 << 20, 4, dd_rate(dd_w))):
    rps, errors, pct = wrk(os.path.join(run, f))
    if rps is None:
        out.append(f"| {label} | {conns} | (not measured) | | | | | | |")
        continue
    rate = rps * size
    ratio = f"{rate / disk:.0%}" if disk else ""
    out.append(f"| {label} | {conns} | {rps:.1f} | {rate / 1e6:.0f} | {errors} | {pct.get('50', '')} | "
               f"{pct.get('90', '')} | {pct.get('99', '')} | {ratio} |")
out.append("")

hashes = read(os.path.join(feed, "hash-timing.properties"))
out.append("## Argon2id (bench JVM, the app's parameters: 19 MiB, 2 iterations, 1 lane)\n")
out.append("```\n" + hashes.strip() + "\n```\n")

heap = read(os.path.join(run, "heap.txt"))
used = [int(x) for x in re.findall(r"used (\d+)K", heap)]
out.append("## Memory: 1 GiB upload and download, app on -Xmx256m\n")
for what, f in (("upload 1 GiB (HTTP status, seconds, bytes/s)", "big-upload.txt"),
                ("download 1 GiB (HTTP status, seconds, bytes/s, bytes)", "big-download.txt")):
    out.append(f"- {what}: `{read(os.path.join(run, f), 'n/a').strip()}`")
if used:
    out.append(f"- heap used (jcmd GC.heap_info, every second, {len(used)} samples): min {min(used) // 1024} MiB, "
               f"max {max(used) // 1024} MiB")
out.append(f"- OutOfMemoryError in the app log: {read(os.path.join(run, 'oom.txt'), 'n/a').strip() or '0'}")
out.append("")

path = os.path.join(results, f"{now:%Y-%m-%d-%H%M}.md")
open(path, "w").write("\n".join(out) + "\n")
print(path)
print("\n".join(out))
