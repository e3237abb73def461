#!/usr/bin/env python3
"""Where an echo server's memory per idle connection goes.

Starts `echo-server --impl IMPL` from the Release build of tests/ActorSockets.Benchmarks, makes a few warm-up
connections, opens N idle connections (one verified 1-byte round trip each, loopback only), and prints RSS and
managed heap per connection (after the server's forced full collections, as echo-compare measures them). Then
it attaches HeapCensus to the server and prints its heap by type.

    dotnet build -c Release tests/ActorSockets.Benchmarks && dotnet build -c Release tools/heap-census
    python3 tools/heap-census/census.py akka 10000 [TOP]
"""
import os
import re
import resource
import socket
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SERVER = os.path.join(ROOT, "tests/ActorSockets.Benchmarks/bin/Release/net10.0/ActorSockets.Benchmarks")
CENSUS = os.path.join(ROOT, "tools/heap-census/bin/Release/net10.0/HeapCensus")


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: census.py IMPL CONNECTIONS [TOP]")
    impl, count = sys.argv[1], int(sys.argv[2])
    top = sys.argv[3] if len(sys.argv) == 4 else "40"
    for path in (SERVER, CENSUS):
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: build it with -c Release first")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < count + 100:
        sys.exit(f"the open-files hard limit ({hard}) is below {count + 100}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, count + 100) if hard == resource.RLIM_INFINITY else hard, hard))

    server = subprocess.Popen([SERVER, "echo-server", "--impl", impl, "--port", "0"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r"listening on (\d+)", server.stdout.readline()).group(1))

        def collect():
            server.stdin.write("gc\n")
            server.stdin.flush()
            return int(server.stdout.readline().split()[-1])

        def settled():
            # A second collection a moment later lets the GC give back what the first one freed.
            collect()
            time.sleep(1)
            heap = collect()
            rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1)) * 1024
            return heap, rss

        def round_trip():
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"x")
            if s.recv(16) != b"x":
                sys.exit("the server did not echo")
            return s

        for _ in range(5):
            round_trip().close()
        heap0, rss0 = settled()
        held = [round_trip() for _ in range(count)]
        heap1, rss1 = settled()
        print(f"{impl}: {count} idle connections, RSS {(rss1 - rss0) / count:.0f} B and managed heap "
              f"{(heap1 - heap0) / count:.0f} B per connection", flush=True)
        subprocess.run([CENSUS, str(server.pid), top], check=True)
        for s in held:
            s.close()
    finally:
        server.kill()
        server.wait()


if __name__ == "__main__":
    main()
