#!/usr/bin/env bash
# Where one echo server's time goes under one load: per operation, the server's CPU, garbage collections, bytes
# allocated, context switches and page faults (perf stat's software counters, which work where the hardware ones
# are "not supported"), and with --perf the functions that cost most, in µs per operation (perf record, with the
# runtime's perf map for JIT-compiled code). Compare implementations by running it once per --impl.
#   tests/ActorSockets.Benchmarks/Echo/echo-profile.sh --impl actorsockets [--mode echo] [--size 4096]
#       [--connections 100] [--seconds 5] [--perf] [--top 25]
# Loopback only; the server is stopped on every path. Needs perf (Debian's linux-perf) and python3.
set -euo pipefail
cd "$(dirname "$0")/../../.."

impl=""; mode=echo; size=4096; connections=100; seconds=5; record=0; top=25
while [[ $# -gt 0 ]]; do
  case "$1" in
    --impl) impl=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --perf) record=1; shift ;;
    --top) top=$2; shift 2 ;;
    *) echo "echo-profile: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
[[ -n "$impl" ]] || { echo "echo-profile: --impl NAME is required (raw, raw-copy, actor-floor, akka, actorsockets)" >&2; exit 2; }
command -v perf >/dev/null || { echo "echo-profile: perf is not installed (Debian package linux-perf)" >&2; exit 2; }

dotnet build tests/ActorSockets.Benchmarks -c Release -nologo -v quiet >/dev/null
dotnet build src/ActorSockets.LoadTool -c Release -nologo -v quiet >/dev/null
server_bin=tests/ActorSockets.Benchmarks/bin/Release/net10.0/ActorSockets.Benchmarks
load_bin=src/ActorSockets.LoadTool/bin/Release/net10.0/ActorSockets.LoadTool

work=$(mktemp -d)
server_pid=""
cleanup() {
  exec 9>&- 2>/dev/null || true
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkfifo "$work/stdin"
# The perf map names JIT-compiled methods; W^X off lets perf read code at the addresses the map gives.
DOTNET_PerfMapEnabled=$record DOTNET_EnableWriteXorExecute=$((1 - record)) \
  "$server_bin" echo-server --impl "$impl" --port 0 <"$work/stdin" >"$work/server.log" 2>&1 &
server_pid=$!
exec 9>"$work/stdin"
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on \([0-9]*\)$/\1/p' "$work/server.log")
  [[ -n "$port" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$port" ]] || { echo "echo-profile: the server did not start listening within 10 s" >&2; exit 1; }

# The load runs 2 s of warm-up, then the measured window with 1 s spare on each side.
"$load_bin" --port "$port" --mode "$mode" --size "$size" --connections "$connections" \
  --seconds $((seconds + 2)) --warmup 2 --quiet --json >"$work/load.json" 2>"$work/load.err" &
load_pid=$!
sleep 3
echo stats >&9
measure=(perf stat -e task-clock,context-switches,page-faults -p "$server_pid" -o "$work/stat.txt" -- sleep "$seconds")
if [[ $record == 1 ]]; then
  measure=(perf record -F 999 -g -p "$server_pid" -o "$work/perf.data" -- "${measure[@]}")
fi
"${measure[@]}" >/dev/null 2>&1
echo stats >&9
wait "$load_pid" || { cat "$work/load.err" >&2; exit 1; }
sleep 0.5

python3 - "$work" "$impl" "$mode" "$size" "$connections" "$seconds" "$record" "$top" <<'PY'
import json, re, subprocess, sys
work, impl, mode, size, conns, seconds, record, top = sys.argv[1:]
seconds = float(seconds)
load = json.load(open(f"{work}/load.json"))
rate = load["operationsPerSecond"]
ops = rate * seconds
stats = [dict((k, float(v)) for k, v in re.findall(r"(\S+)=(\S+)", line))
         for line in open(f"{work}/server.log") if line.startswith("stats ")]
before, after = stats[0], stats[1]
text = open(f"{work}/stat.txt").read()
def counter(name):
    m = re.search(r"([\d,.]+)\s+(?:msec\s+)?" + re.escape(name), text)
    return float(m.group(1).replace(",", "")) if m else float("nan")
print(f"{impl}, {mode} {conns} x {size} B: {rate:,.0f} ops/s (whole load), errors {load['errorCount']}")
print(f"  per op over {seconds:g} s: CPU {counter('task-clock') * 1000 / ops:.2f} µs, allocated {(after['allocated'] - before['allocated']) / ops:,.0f} B, "
      f"context switches {counter('context-switches') / ops:.3f}, page faults {counter('page-faults') / ops:.3f}")
print(f"  per second: gen0 collections {(after['gen0'] - before['gen0']) / seconds:.1f}, "
      f"gen1 {(after['gen1'] - before['gen1']) / seconds:.1f}, GC pause {(after['pause-ms'] - before['pause-ms']) / seconds:.1f} ms")
if record == "1":
    report = subprocess.run(["perf", "report", "-i", f"{work}/perf.data", "--no-children", "--sort", "dso,sym", "-n",
                             "--stdio", "-g", "none"], capture_output=True, text=True).stdout
    rows = []
    by_dso = {}
    for line in report.splitlines():
        m = re.match(r"\s+[\d.]+%\s+(\d+)\s+(\[JIT\] tid \d+|\S+)\s+\[.\]\s+(.*)", line)
        if m:
            dso = "JIT" if m.group(2).startswith("[JIT]") else m.group(2)
            us = int(m.group(1)) / 999 / ops * 1e6
            rows.append((us, dso, m.group(3).strip()))
            by_dso[dso] = by_dso.get(dso, 0) + us
    print("  µs per op by module: " + ", ".join(f"{d} {u:.2f}" for d, u in sorted(by_dso.items(), key=lambda x: -x[1])[:6]))
    print(f"  top {top} functions, µs per op:")
    for us, dso, sym in sorted(rows, reverse=True)[:int(top)]:
        print(f"    {us:6.3f}  {dso[:18]:18}  {sym[:150]}")
PY
