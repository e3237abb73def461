#!/usr/bin/env bash
# Builds the benchmarks in Release and runs echo-compare: raw, raw-copy, akka (Akka.IO's manager) and actorsockets
# (ours) under the same loads, medians with their ratios to raw and to akka, issue 11's targets checked.
# Arguments pass through, e.g.
#   tests/ActorSockets.Benchmarks/Echo/echo-compare.sh --runs 5 --seconds 5       # what issue 11's targets ask for
#   tests/ActorSockets.Benchmarks/Echo/echo-compare.sh --runs 1 --seconds 3 --impls akka --scenarios idle
set -euo pipefail
cd "$(dirname "$0")/../../.."

# The idle scenario holds 10,000 connections: that many descriptors in this process (the client side) and in each
# server process (which inherits the limit). Raise the soft limit as far as the hard limit allows.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

dotnet build tests/ActorSockets.Benchmarks -c Release -nologo -v quiet
exec tests/ActorSockets.Benchmarks/bin/Release/net10.0/ActorSockets.Benchmarks echo-compare "$@"
