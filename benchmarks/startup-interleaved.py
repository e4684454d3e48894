#!/usr/bin/env python3
"""Start-up cases measured interleaved, so that the machine's noise cannot decide (BENCHMARKS.md, "Start-up").

Each case is one method of the `Startup` benchmark run cold in a fresh JVM (io.quarry.bench.startup.StartupShot:
tables created, then the timed call, as one JMH fork of it does), optionally from another build's jar. The cases
run in turn, A, B, A, B, ..., ROUNDS times (the order reversed every other round), so each case meets the machine
in every state the run went through; other builds come and go on a shared machine. The output gives, per case,
the median, the interquartile range and the extremes of its cold starts, both wall-clock and process CPU time
(all threads; it moves far less than wall-clock time under load), the difference of each median from the first
case's, and a note wherever the spread of the two cases is larger than that difference.

  benchmarks/startup-interleaved.py                                   # floor against Quarry in Boot, 50 entities
  benchmarks/startup-interleaved.py --rounds 15 \\
      floor=springBootJdbc before=/tmp/before/benchmarks.jar::quarrySpringBoot after=quarrySpringBoot

A case is LABEL=[JAR::]METHOD, METHOD a benchmark method of io.quarry.bench.Startup; JAR defaults to
benchmarks/target/benchmarks.jar (build it first: mvn -q -DskipTests package -pl benchmarks -am).
JVM options are those of `benchmarks/run.sh` for start-ups (-Xms2g -Xmx2g -XX:+UseG1GC, no pre-touch).
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_JAR = os.path.join(HERE, "target", "benchmarks.jar")
SHOT = re.compile(r"startup-shot \S+ entities=\d+ wall_ms=([\d.]+) cpu_ms=([\d.]+)")


def parse_case(text):
    label, _, spec = text.partition("=")
    jar, _, method = spec.rpartition("::")
    return label, (jar or DEFAULT_JAR), method


def one_start(jar, method, entities, db, jvm_args):
    command = ["java", *jvm_args.split(), f"-Dquarry.bench.db={db}", "-cp", jar,
               "io.quarry.bench.startup.StartupShot", method, str(entities)]
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    found = SHOT.search(run.stdout)
    if run.returncode != 0 or not found:
        sys.exit(f"startup-interleaved: {' '.join(command)} failed:\n{run.stdout[-3000:]}")
    return float(found.group(1)), float(found.group(2))


def quartiles(values):
    ordered = sorted(values)
    if len(ordered) < 4:
        return ordered[0], ordered[-1]
    q = statistics.quantiles(ordered, n=4)
    return q[0], q[2]


def uptime():
    return subprocess.run(["uptime"], stdout=subprocess.PIPE, text=True).stdout.strip()


def table(title, cases, values, rounds):
    base_label = cases[0][0]
    base = statistics.median(values[base_label])
    base_q1, base_q3 = quartiles(values[base_label])
    print(f"\n| {title}, {rounds} cold starts each, interleaved | Median | Interquartile range | Min-max "
          f"| Difference from {base_label} |")
    print("|---|--:|--:|--:|--:|")
    notes = []
    for label, _, method in cases:
        own = values[label]
        median = statistics.median(own)
        q1, q3 = quartiles(own)
        difference = median - base
        shown = "" if label == base_label else f"{difference:+.0f} ms"
        print(f"| {label} (`{method}`) | {median:.0f} ms | {q1:.0f}-{q3:.0f} ms | {min(own):.0f}-{max(own):.0f} ms "
              f"| {shown} |")
        spread = max(q3 - q1, base_q3 - base_q1)
        if label != base_label and spread > abs(difference):
            notes.append(f"{title}, {label}: an interquartile range ({spread:.0f} ms) exceeds the difference "
                         f"({difference:+.0f} ms): this run does not tell {label} from {base_label}.")
    for note in notes:
        print(f"\nNote: {note}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", default=["floor=springBootJdbc", "quarry=quarrySpringBoot"])
    parser.add_argument("--rounds", type=int, default=12, help="cold starts per case (default 12)")
    parser.add_argument("--entities", type=int, default=50, choices=[1, 50])
    parser.add_argument("--db", default="h2")
    parser.add_argument("--jvm-args", default="-Xms2g -Xmx2g -XX:+UseG1GC")
    args = parser.parse_args()
    cases = [parse_case(case) for case in args.cases]
    wall = {label: [] for label, _, _ in cases}
    cpu = {label: [] for label, _, _ in cases}
    print(f"start: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; {uptime()}", flush=True)
    for round_number in range(1, args.rounds + 1):
        line = []
        ordered = cases if round_number % 2 else list(reversed(cases))
        for label, jar, method in ordered:
            shot_wall, shot_cpu = one_start(jar, method, args.entities, args.db, args.jvm_args)
            wall[label].append(shot_wall)
            cpu[label].append(shot_cpu)
            line.append(f"{label} {shot_wall:.0f} ms (cpu {shot_cpu:.0f})")
        print(f"round {round_number}: " + ", ".join(line), flush=True)
    print(f"end: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; {uptime()}")
    table(f"Wall-clock, {args.entities} entities, {args.db}", cases, wall, args.rounds)
    table(f"CPU time of the process, {args.entities} entities, {args.db}", cases, cpu, args.rounds)


if __name__ == "__main__":
    main()
