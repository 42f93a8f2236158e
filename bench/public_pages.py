"""Benchmark the public pages over real HTTP on loopback.

Starts gunicorn (2 workers, production-like settings on the loaded SQLite database) on 127.0.0.1, then
for each page measures full renders (no If-None-Match) and conditional GETs (If-None-Match -> 304)
with a bounded number of requests from a few client threads. Prints requests/second and latency
percentiles. Run with `make bench` (it loads the content first). Not part of `make test`.

    python bench/public_pages.py [--requests 400] [--concurrency 4] [--port 8765]
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    "/",
    "/ijsselland/vormen/seksuele-uitbuiting/",
    "/en/hart-van-brabant/vormen/arbeidsuitbuiting/",
    "/ijsselland/meldcode/",
    "/hart-van-brabant/contacten/",
    "/hart-van-brabant/organisaties/",
    "/ijsselland/wegwijzer/beschermen/opvang/",
    "/jouw-rechten/bg/",
    "/api/v1/signals",
]


def wait_for(port: int, timeout: float = 20) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def run(port: int, path: str, total: int, concurrency: int, etag: str | None):
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    per_thread = total // concurrency

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"If-None-Match": etag} if etag else {}
        for _ in range(per_thread):
            start = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                statuses[response.status] = statuses.get(response.status, 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    latencies.sort()
    return {
        "rps": len(latencies) / wall,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "statuses": statuses,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wegwijzer.conf.dev", "DEBUG": "false",
           "PYTHONPATH": str(ROOT / "src"), "ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "wegwijzer.wsgi:application", "--workers", "2",
         "--bind", f"127.0.0.1:{args.port}", "--log-level", "warning",
         "--env", "DJANGO_SETTINGS_MODULE=wegwijzer.conf.dev"],
        cwd=ROOT, env=env,
    )
    try:
        wait_for(args.port)
        print(f"gunicorn 2 workers, {args.requests} requests per row, {args.concurrency} client threads, "
              f"{os.cpu_count()} cores")
        print(f"{'page':50} {'mode':5} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}  statuses")
        for path in PAGES:
            conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            etag = response.getheader("ETag")
            for mode, tag in (("200", None), ("304", etag)):
                if mode == "304" and not etag:
                    continue
                r = run(args.port, path, args.requests, args.concurrency, tag)
                print(f"{path:50} {mode:5} {r['rps']:8.0f} {r['p50']:8.1f} {r['p95']:8.1f}  {r['statuses']}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
