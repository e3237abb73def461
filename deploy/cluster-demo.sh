#!/usr/bin/env bash
# Three ActorSockets hosts on loopback forming one cluster, so one chat spans them (README, "Chat across hosts").
# Chat on 7001, 7002 and 7003 (every other endpoint off); cluster ports 4053-4055, seeded by the first two.
# Prints each host's banner, then waits; Ctrl+C (or any exit) stops all three gracefully.
#   deploy/cluster-demo.sh            then, in other terminals:  nc 127.0.0.1 7001 / 7002 / 7003
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build src/ActorSockets.Host -c Release -v quiet -nologo >/dev/null
host=src/ActorSockets.Host/bin/Release/net10.0/ActorSockets.Host
logs=$(mktemp -d /tmp/actorsockets-cluster-demo.XXXXXX)
pids=()

stop() {
  trap - INT TERM EXIT
  echo "stopping the hosts (logs in $logs)"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop INT TERM EXIT

off=()
for name in ok welcome greeting clock hi udp-hi udp-time; do off+=(--set "actorsockets.endpoints.$name.enabled=off"); done

for i in 1 2 3; do
  "$host" --no-console "${off[@]}" \
    --set "actorsockets.endpoints.chat.port=700$i" \
    --set actorsockets.cluster.enabled=on \
    --set "actorsockets.cluster.port=405$((2 + i))" \
    --set 'actorsockets.cluster.seed-nodes=["127.0.0.1:4053", "127.0.0.1:4054"]' \
    >"$logs/host$i.log" 2>&1 &
  pids+=($!)
done

for i in 1 2 3; do
  for _ in $(seq 1 120); do
    grep -q "ActorSockets host ready" "$logs/host$i.log" && break
    kill -0 "${pids[$((i - 1))]}" 2>/dev/null || { echo "host $i exited:"; cat "$logs/host$i.log"; exit 1; }
    sleep 0.5
  done
  echo "== host $i"
  grep -E "^(ActorSockets host|  )" "$logs/host$i.log" || true
done
echo "chat on 127.0.0.1:7001, :7002 and :7003 is one chat once the hosts log 'cluster: this host is up'."
echo "Ctrl+C stops all three."
wait
