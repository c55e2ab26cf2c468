#!/usr/bin/env python3
"""A classroom Wi-Fi between two TUN devices, for bench/wifi.ts when the kernel has no netem.

Usage: wifi-link.py <tun-a> <tun-b> <delay-ms> <jitter-ms> <loss-percent> <rate-mbit>

Creates both TUN devices (in the namespace it runs in; bench/wifi.ts then moves each into its
own network namespace, and the open file descriptors follow them) and carries every IP packet
from one to the other as netem would: dropped with the given probability, serialised at the
given rate (one queue per direction, 1000 packets as netem's default limit, tail drop), then
delayed by delay ± jitter (uniform, as netem without a distribution table). Packets of one
direction are not reordered. The kernels' TCP on either side sees real loss and delay.
Prints "ready" once both devices exist; runs until stdin closes or it is killed.
"""
import fcntl
import heapq
import os
import random
import select
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000
QUEUE_LIMIT = 1000


def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    os.set_blocking(fd, False)
    return fd


def main():
    name_a, name_b = sys.argv[1], sys.argv[2]
    delay = float(sys.argv[3]) / 1000
    jitter = float(sys.argv[4]) / 1000
    loss = float(sys.argv[5]) / 100
    rate = float(sys.argv[6]) * 1_000_000  # bit/s
    a = open_tun(name_a)
    b = open_tun(name_b)
    out = {a: b, b: a}
    # Per direction (keyed by the device read from): when the link is next free, the last delivery time.
    link_free = {a: 0.0, b: 0.0}
    last_due = {a: 0.0, b: 0.0}
    queued = {a: 0, b: 0}
    pending = []  # heap of (due, seq, source fd, packet)
    seq = 0
    stats = {"packets": 0, "dropped": 0, "overflow": 0}
    print("ready", flush=True)
    stdin = sys.stdin.fileno()
    while True:
        now = time.monotonic()
        timeout = max(0.0, pending[0][0] - now) if pending else 1.0
        readable, _, _ = select.select([a, b, stdin], [], [], timeout)
        now = time.monotonic()
        for fd in readable:
            if fd == stdin:
                if not os.read(stdin, 4096):
                    print(f"wifi-link: {stats}", file=sys.stderr, flush=True)
                    return
                continue
            while True:
                try:
                    pkt = os.read(fd, 65536)
                except BlockingIOError:
                    break
                except OSError:
                    return  # the device went with its namespace: the run is over
                stats["packets"] += 1
                if random.random() < loss:
                    stats["dropped"] += 1
                    continue
                if queued[fd] >= QUEUE_LIMIT:
                    stats["overflow"] += 1
                    continue
                start = max(now, link_free[fd])
                link_free[fd] = start + len(pkt) * 8 / rate
                due = link_free[fd] + delay + random.uniform(-jitter, jitter)
                due = max(due, last_due[fd])
                last_due[fd] = due
                queued[fd] += 1
                seq += 1
                heapq.heappush(pending, (due, seq, fd, pkt))
        while pending and pending[0][0] <= now:
            _, _, src, pkt = heapq.heappop(pending)
            queued[src] -= 1
            try:
                os.write(out[src], pkt)
            except (BlockingIOError, OSError):
                stats["overflow"] += 1


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
