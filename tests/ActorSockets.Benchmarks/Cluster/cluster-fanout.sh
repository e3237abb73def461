#!/usr/bin/env bash
# Chat across hosts (issue 13): one speaker, M members in one room, on one host against three clustered hosts
# (real processes on loopback, members round-robin, interleaved run by run). Prints each run and a table of medians:
# deliveries/s, p99 send-to-last-delivery delay, and lost/duplicated/reordered deliveries (must be 0).
#   tests/ActorSockets.Benchmarks/Cluster/cluster-fanout.sh [--members 1000] [--runs 3] [--paced 100] [--rates 20,200] [--burst 1000] [--timeout 60]
# Every host process is killed when the run ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet build src/ActorSockets.Host -c Release -v quiet -nologo >/dev/null
dotnet build tests/ActorSockets.Benchmarks -c Release -v quiet -nologo >/dev/null
exec dotnet tests/ActorSockets.Benchmarks/bin/Release/net10.0/ActorSockets.Benchmarks.dll cluster-fanout \
  --host src/ActorSockets.Host/bin/Release/net10.0/ActorSockets.Host.dll "$@"
