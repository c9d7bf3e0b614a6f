"""Open-loop POSTs at a fixed rate (asyncio, keep-alive connections); prints JSON figures.

    python bench/pace.py URL BODY_FILE --rate 500 --seconds 5

Each request is timed from when it was due, not from when a connection was free, so a stalled
server shows in the latency (no coordinated omission). As many connections as the peak's load
generator holds (bench/intake.py) are open before the clock starts, as a client at a steady rate
keeps them; more open only when the server falls behind. Run as a process of its own, apart
from the benchmark's driver.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from urllib.parse import urlsplit

MAX_CONNECTIONS = 64
# Connections opened before the first request: wrk's count in bench/intake.py.
WARM_CONNECTIONS = 16


async def post(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    writer.write(request)
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def run(url: str, body: bytes, rate: float, seconds: float, timeout: float) -> dict:
    parts = urlsplit(url)
    request = (f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: text/plain\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    slots = asyncio.Semaphore(MAX_CONNECTIONS)
    latencies, statuses = [], []

    async def one(due: float) -> None:
        async with slots:
            conn = idle.pop() if idle else await asyncio.open_connection(parts.hostname, parts.port)
            try:
                status = await asyncio.wait_for(post(*conn, request), timeout)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError):
                conn[1].close()
                statuses.append(0)
                return
            latencies.append(time.perf_counter() - due)
            statuses.append(status)
            idle.append(conn)

    for _ in range(WARM_CONNECTIONS):
        idle.append(await asyncio.open_connection(parts.hostname, parts.port))
    start, tasks, n = time.perf_counter(), [], int(rate * seconds)
    for i in range(n):
        due = start + i / rate
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        tasks.append(asyncio.create_task(one(due)))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    for _, writer in idle:
        writer.close()
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else [0] * 99
    return {"rate": rate, "sent": n, "accepted": statuses.count(202), "errors": n - statuses.count(202),
            "accepted_s": statuses.count(202) / elapsed,
            "p50_ms": 1000 * statistics.median(latencies or [0]), "p90_ms": 1000 * cuts[89],
            "p99_ms": 1000 * cuts[98]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("url")
    ap.add_argument("body")
    ap.add_argument("--rate", type=float, required=True, help="requests per second")
    ap.add_argument("--seconds", type=float, default=5)
    ap.add_argument("--timeout", type=float, default=10)
    args = ap.parse_args()
    with open(args.body, "rb") as f:
        body = f.read()
    print(json.dumps(asyncio.run(run(args.url, body, args.rate, args.seconds, args.timeout))))


if __name__ == "__main__":
    main()
