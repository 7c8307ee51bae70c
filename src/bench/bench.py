#!/usr/bin/env python3
"""vmlayout benchmark: start-up against a bare JVM, peak memory, and batch throughput.

usage: python3 src/bench/bench.py [RUNS] [BATCH_LINES] [BATCH_RUNS]     (after `mvn -q -DskipTests package`)

Every figure is measured in this run, on this machine: medians of RUNS cold starts (default 31), each
command run in turn so that load affects them alike. Peak RSS comes from /usr/bin/time when present
(else getrusage). The batch runs through the launcher, pinned to one core with taskset, BATCH_RUNS times
(default 3), over a generated fleet file of BATCH_LINES varied lines (default 1,000,000): plain command
lines for a profile's board and JSON lines for ARM, x86 and PowerPC boards of many releases.
"""
import os, random, resource, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 31
LINES = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
BATCH_RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
T = os.path.join(ROOT, "target")
LAUNCHER = os.path.join(T, "bin", "vmlayout")


def run(cmd, stdin=None, stdout=subprocess.DEVNULL):
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    p = subprocess.run(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
    dt = time.perf_counter() - t0
    return dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode


def rss_of(cmd):
    """Peak RSS of one run, in KiB, via /usr/bin/time when present, else getrusage (a running maximum)."""
    if os.path.exists("/usr/bin/time"):
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        return int(p.stderr.strip().splitlines()[-1])
    return run(cmd)[1]


def main():
    bench = os.path.join(T, "bench")
    os.makedirs(bench, exist_ok=True)
    subprocess.run(["javac", "-d", bench, os.path.join(ROOT, "src", "bench", "Hello.java")], check=True)
    cases = {
        "bare JVM (java Hello)": ["java", "-cp", bench, "Hello"],
        "vmlayout --mem=512M --vmalloc=300M": [LAUNCHER, "--mem=512M", "--vmalloc=300M"],
        "vmlayout --mem=512M --vmalloc=300M --format json": [LAUNCHER, "--mem=512M", "--vmalloc=300M", "--format", "json"],
        "java -jar target/vmlayout.jar (no launcher)": ["java", "-jar", os.path.join(T, "vmlayout.jar"), "--mem=512M", "--vmalloc=300M"],
    }
    times = {k: [] for k in cases}
    for _ in range(3):  # warm the file cache
        for c in cases.values():
            run(c)
    for _ in range(RUNS):
        for k, c in cases.items():
            times[k].append(run(c)[0] * 1000)
    base = statistics.median(times["bare JVM (java Hello)"])
    base_rss = statistics.median(rss_of(cases["bare JVM (java Hello)"]) for _ in range(5))
    print(f"start-up, median of {RUNS} runs (machine: {os.cpu_count()} cores):")
    print(f"{'command':52s} {'median':>8s} {'ratio':>6s} {'peak RSS':>10s} {'ratio':>6s}")
    for k, c in cases.items():
        m = statistics.median(times[k])
        r = statistics.median(rss_of(c) for _ in range(5))
        print(f"{k:52s} {m:7.1f}ms {m / base:5.2f}x {r / 1024:8.1f}MiB {r / base_rss:5.2f}x")

    # batch: a fleet file of LINES varied lines, streamed through one JVM on one core. Half are plain
    # command lines for the board the options describe (a profile), half are JSON lines that carry their
    # own board: ARM, x86 and PowerPC, releases from 2.6.17 to 6.1, RAM sizes, Kconfig and bootargs.
    path = os.path.join(bench, f"batch-mixed-{LINES}.txt")
    if not os.path.exists(path):
        write_fleet(path, LINES)
    # what a user runs: the launcher's batch branch (C2, serial collector), pinned to one core; the
    # median of BATCH_RUNS runs, since one long run on a shared machine is at the mercy of its neighbours
    cmd = ["taskset", "-c", "0"] if subprocess.run(["sh", "-c", "command -v taskset"], stdout=subprocess.DEVNULL).returncode == 0 else []
    cmd += [LAUNCHER, "batch", "--profile", "socfpga-de0", path]
    if os.path.exists("/usr/bin/time"):
        cmd = ["/usr/bin/time", "-f", "%M"] + cmd
    runs = []
    for _ in range(BATCH_RUNS):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        dt = time.perf_counter() - t0
        rss = int(p.stderr.strip().splitlines()[-1]) if cmd[0] == "/usr/bin/time" else 0
        runs.append((dt, rss, p.returncode))
    dts = sorted(r[0] for r in runs)
    dt = statistics.median(dts)
    print(f"batch: {LINES} lines on one core, {BATCH_RUNS} runs: median {dt:.1f} s = {LINES / dt:,.0f} layouts/s"
          f" (runs: {', '.join(f'{LINES / d:,.0f}' for d in dts)}), peak RSS {max(r[1] for r in runs) / 1024:.0f} MiB"
          f" (exit {runs[0][2]})")

def write_fleet(path, lines):
    import json
    rnd = random.Random(1)
    with open(path, "w") as f:
        for _ in range(lines):
            k = rnd.randrange(20)
            if k < 10:  # plain command lines for the --profile board
                kind = rnd.randrange(4)
                if kind == 0:
                    f.write(f"console=ttyS0 mem={rnd.choice([64, 128, 256, 512, 768, 1024])}M\n")
                elif kind == 1:
                    f.write(f"vmalloc={rnd.randint(8, 1100)}M\n")
                elif kind == 2:
                    f.write(f"mem={rnd.randint(32, 2048)}M vmalloc={rnd.randint(16, 600)}M\n")
                else:
                    f.write(f"root=/dev/mmcblk0p2 rootwait mem={rnd.randint(1, 8) * 128}M@0x{rnd.randint(0, 3) * 0x20000000:08x}\n")
                continue
            if k < 15:  # ARM boards
                o = {"arch": "arm", "kernel": rnd.choice(["2.6.37", "3.4", "3.18", "4.4", "4.19", "5.10", "6.1"]),
                     "ram": [f"0x{rnd.choice([0, 0x40000000, 0x80000000]):x}:{rnd.choice([256, 512, 768, 1024, 2048])}M"],
                     "defines": {"HIGHMEM": rnd.choice(["y", "n"])},
                     "bootargs": f"console=ttyS0,115200 vmalloc={rnd.randint(16, 600)}M"}
            elif k < 18:  # PCs
                o = {"arch": "x86", "kernel": rnd.choice(["2.6.27", "3.2", "3.13", "4.19", "5.10", "6.1"]),
                     "ram": [f"{rnd.choice([512, 1024, 2048, 3072, 4096])}M"],
                     "bootargs": f"ro quiet vmalloc={rnd.randint(64, 512)}M"
                                 + (f" mem={rnd.randint(256, 2048)}M" if rnd.random() < 0.3 else "")}
            else:  # PowerPC boards
                o = {"arch": "ppc", "kernel": rnd.choice(["2.6.17", "3.10", "4.19", "5.15"]),
                     "ram": [f"{rnd.choice([256, 512, 1024, 2048])}M"],
                     "defines": {"HIGHMEM": rnd.choice(["y", "n"])},
                     "bootargs": f"console=ttyS0 mem={rnd.randint(128, 2048)}M"}
            f.write(json.dumps(o, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
