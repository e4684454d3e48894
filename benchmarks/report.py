#!/usr/bin/env python3
"""Turns JMH JSON results (-rf json) of the Quarry benchmarks into the Markdown tables of BENCHMARKS.md.

    python3 benchmarks/report.py [--label TEXT] [--update BENCHMARKS.md [--merge]] [--charts DIR] results.json...
    python3 benchmarks/report.py --charts DIR --charts-of BENCHMARKS.md


One table per database (taken from each run's -Dquarry.bench.db), one row per workload and contender:
median time per operation, p99 where JMH sampled (SampleTime), allocation per operation (-prof gc), the
heap a stream retains (StreamAll), and the ratios of the median to raw JDBC's and to Spring Data JPA's
on the same workload. Without --update the tables go to standard output; with it, each database's table
replaces the text between <!-- results:DB:start --> and <!-- results:DB:end --> in the file; with --merge
only the rows of the workloads in the results are replaced (a re-run of some workloads after a change).

ConcurrentRun's .jsonl files (benchmarks/run.sh concurrent) give the concurrent tables: throughput, median,
p99, CPU per operation and the ratio to raw JDBC at the same threads, the virtual-thread comparison, and what
JFR recorded of pinning (the <run>-pinned.txt next to each file); with --update they replace the text between
<!-- concurrent:DB:start --> and <!-- concurrent:DB:end -->.

--charts DIR draws, from the tables of the updated file, one bar chart per database of the ratios to raw JDBC
per workload and contender, and one of its concurrent runs, as SVG files (matplotlib). Set-up on Debian:
apt-get install -y python3-matplotlib; when the python3 running this script cannot import matplotlib (a pyenv
Python, say), the script runs itself again under /usr/bin/python3, which sees Debian's packages.
"""
import argparse
import json
import re
import statistics
import sys
from datetime import date

WORKLOADS = ["FindById", "FindByFilter", "Join", "CountFiltered", "GroupByCount", "Insert", "ReadModifyWrite",
             "BulkUpdate", "StreamAll", "Startup", "AggregateHosts", "AggregateDatacenters", "AggregateWrite"]
CONTENDERS = {
    "jdbc": "raw JDBC",
    "jdbcReadOnlyTx": "raw JDBC, read-only transaction per call",
    "quarry": "Quarry (Session API)",
    "quarryRepository": "Quarry (repository)",
    "quarrySpringBoot": "Quarry (Spring Boot starter repository)",
    "quarrySpringBootObserved": "Quarry (Spring Boot starter repository, observed)",
    "springDataJpa": "Spring Data JPA",
    "springDataJpaBatch": "Spring Data JPA, batching",
    "springDataJdbc": "Spring Data JDBC",
    "jooq": "jOOQ",
    "springBootJdbc": "spring-boot-starter-jdbc (floor)",
}
TO_NANOS = {"ns/op": 1, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}
DATABASES = ["h2", "mysql", "postgresql", "aggregate-h2", "aggregate-mysql", "aggregate-postgresql"]


def database_of(run):
    for arg in run.get("jvmArgs", []):
        match = re.match(r"-Dquarry\.bench\.db=(\w+)", arg)
        if match:
            return {"mariadb": "mysql", "postgres": "postgresql"}.get(match.group(1), match.group(1))
    return "h2"


def flatten(raw):
    return [value for fork in raw or [] for value in fork]


def median_and_p99(metric, mode):
    """Nanoseconds per operation: the median and, for sampled modes, the 99th percentile."""
    scale = TO_NANOS[metric["scoreUnit"]]
    if mode == "sample":
        percentiles = metric.get("scorePercentiles", {})
        return percentiles["50.0"] * scale, percentiles["99.0"] * scale
    values = flatten(metric.get("rawData"))
    return (statistics.median(values) if values else metric["score"]) * scale, None


def secondary(run, *names):
    metrics = run.get("secondaryMetrics", {})
    for name in names:
        for key in (name, "\u00b7" + name):
            if key in metrics:
                return metrics[key]
    return None


def rows_of(runs):
    """{database: {(workload, params): {contender: row}}} from (source, JMH run) pairs, and each database's sources."""
    tables = {}
    sources = {}
    for source, run in runs:
        parts = run["benchmark"].split(".")
        workload, contender = parts[-2], parts[-1]
        params = " ".join(f"{k}={v}" for k, v in sorted(run.get("params", {}).items()))
        median, p99 = median_and_p99(run["primaryMetric"], run["mode"])
        alloc = secondary(run, "gc.alloc.rate.norm")
        heap = secondary(run, "retainedHeapMb")
        statements = secondary(run, "statements")
        statements_small = secondary(run, "statementsSmall")
        row = {"median": median, "p99": p99, "alloc": alloc["score"] if alloc else None,
               "heap": max(flatten(heap.get("rawData"))) if heap and heap.get("rawData") else None,
               "statements": statement_counts(statements_small, statements)}
        # the aggregate workloads have tables of their own (with a statements column), marked aggregate-<db>
        database = ("aggregate-" if workload.startswith("Aggregate") else "") + database_of(run)
        tables.setdefault(database, {}).setdefault((workload, params), {})[contender] = row
        sources.setdefault(database, [])
        if source not in sources[database]:
            sources[database].append(source)
    return tables, sources


def statement_counts(small, full):
    """'3' when one call at a tenth of the size sends as many statements as at the full size, else 'small → full'."""
    def count(metric):
        values = flatten(metric.get("rawData")) if metric else []
        return int(max(values)) if values and max(values) >= 0 else None
    small, full = count(small), count(full)
    if full is None:
        return None
    return f"{full:,}" if small in (None, full) else f"{small:,} → {full:,}"


def duration(nanos):
    if nanos is None:
        return ""
    for unit, size in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if nanos >= size:
            return f"{nanos / size:.3g} {unit}"
    return f"{nanos:.3g} ns"


def size(value):
    if value is None or value != value:  # None or NaN (no figure)
        return ""
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if value >= scale:
            return f"{value / scale:.3g} {unit}"
    return f"{value:.0f} B"


def ratio(row, base):
    if not base or not base.get("median"):
        return ""
    return f"{row['median'] / base['median']:.2f}"


def table(workloads, kept=None):
    """The Markdown table; kept maps (workload, params) to table lines of an earlier run, placed in order."""
    kept = kept or {}
    has_heap = any(row["heap"] is not None for rows in workloads.values() for row in rows.values()) or \
        any(line.count("|") == 9 for lines in kept.values() for line in lines)
    has_startup = any(workload == "Startup" for workload, _ in list(workloads) + list(kept))
    has_statements = any(row.get("statements") for rows in workloads.values() for row in rows.values())
    header = ["Workload", "Contender", "Median", "p99", "Alloc/op"] + (["Retained heap"] if has_heap else []) + \
        (["Statements²"] if has_statements else []) + ["× JDBC¹" if has_startup else "× JDBC", "× Spring Data JPA"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i < 2 else "--:" for i in range(len(header))) + "|"]
    order = {name: i for i, name in enumerate(WORKLOADS)}
    contender_order = {name: i for i, name in enumerate(CONTENDERS)}
    for (workload, params) in sorted(set(workloads) | set(kept),
                                     key=lambda key: (order.get(key[0], 99), key[0], natural(key[1]))):
        if (workload, params) not in workloads:
            lines += kept[(workload, params)]
            continue
        rows = workloads[(workload, params)]
        # start-up has no raw JDBC contender: its floor is plain spring-boot-starter-jdbc
        jdbc = rows.get("jdbc") or rows.get("springBootJdbc")
        jpa = rows.get("springDataJpa")
        for contender in sorted(rows, key=lambda name: contender_order.get(name, 99)):
            row = rows[contender]
            cells = [f"{workload} {params}".strip(), CONTENDERS.get(contender, contender), duration(row["median"]),
                     duration(row["p99"]), size(row["alloc"])]
            if has_heap:
                cells.append("" if row["heap"] is None else f"{row['heap']:.1f} MB")
            if has_statements:
                cells.append(row.get("statements") or "")
            cells += [ratio(row, jdbc), ratio(row, jpa)]
            lines.append("| " + " | ".join(cells) + " |")
    if has_startup:
        lines += ["", "¹ For Startup the base is the spring-boot-starter-jdbc floor."]
    if has_statements:
        lines += ["", "² Statements one call sends (JDBC executions; a batch is one), counted untimed in the fork's setup; "
                  "`a → b`: a call at a tenth of the size (100 hosts, 5 datacenters, 10 datacenters written) sends a, "
                  "a call at the full size b."]
    return "\n".join(lines)


def natural(params):
    return [int(token) if token.isdigit() else token for token in re.split(r"(\d+)", params)]


def section(database, workloads, label, sources, kept=None, kept_notes=()):
    note = f"_{label}: {', '.join(sources)}, {date.today().isoformat()}._\n\n" if label else ""
    if kept:
        measured = ", ".join(sorted({workload for workload, _ in workloads}, key=lambda w: WORKLOADS.index(w)
                                    if w in WORKLOADS else 99))
        note = (f"_{label or 'run'} of {measured}: {', '.join(sources)}, {date.today().isoformat()}._\n"
                + "".join(f"{line}\n" for line in kept_notes) + "\n")
    return note + table(workloads, kept) + "\n"


def earlier(block):
    """The rows of an existing table as {(workload, params): lines}, and its note lines (not the footnote)."""
    kept, notes = {}, []
    for line in block.splitlines():
        if line.startswith("| ") and not line.startswith("| Workload |"):
            first = line.split("|")[1].strip()
            workload, _, params = first.partition(" ")
            kept.setdefault((workload, params), []).append(line)
        elif line.startswith("_") and line.endswith("._"):
            notes.append(line if line.startswith("_earlier rows") else "_earlier rows, " + line[1:])
    return kept, notes


# ---- the concurrent runs (ConcurrentRun's JSON lines) and the charts

CONCURRENT_WORKLOADS = ["FindById", "FindByFilter rows=10", "ReadModifyWrite", "Insert rows=100"]
CONCURRENT_TARGETS = {"FindById": 1.15, "FindByFilter rows=10": 1.15, "ReadModifyWrite": 1.2, "Insert rows=100": 1.2}
QUARRY = ("quarry", "quarryRepository", "quarrySpringBoot")


def concurrent_rows(paths):
    """{database: [row]} from ConcurrentRun's .jsonl files, and {database: [sources]}."""
    rows, sources = {}, {}
    for path in paths:
        with open(path, encoding="utf-8") as file:
            for line in file:
                if line.strip():
                    row = json.loads(line)
                    rows.setdefault(row["db"], []).append(row)
                    name = path.split("/")[-1]
                    if name not in sources.setdefault(row["db"], []):
                        sources[row["db"]].append(name)
    return rows, sources


def pinning(paths):
    """What JFR recorded in the <run>-pinned.txt files next to the .jsonl ones: events, and those with a Quarry frame."""
    events, quarry, reasons = 0, 0, {}
    found = False
    for path in paths:
        pinned = path[:-len(".jsonl")] + "-pinned.txt"
        try:
            with open(pinned, encoding="utf-8") as file:
                text = file.read()
        except OSError:
            continue
        found = True
        for event in text.split("jdk.VirtualThreadPinned {")[1:]:
            events += 1
            frames = [line.strip() for line in event.splitlines() if re.match(r"\s+[\w$.]+\.[\w$<>]+\(", line)]
            if any(frame.startswith("io.quarry.") and not frame.startswith("io.quarry.bench.") for frame in frames):
                quarry += 1
            reason = re.search(r'pinnedReason = "([^"]*)"', event)
            key = reason.group(1) if reason else "?"
            reasons[key] = reasons.get(key, 0) + 1
    return (events, quarry, reasons) if found else None


def run_key(row):
    return row["threadKind"], row["threads"], row["jdk"].split(".")[0].split("+")[0]


def concurrent_table(rows):
    """Throughput, latencies and the ratio to raw JDBC's throughput at the same threads in the same run."""
    by_run = {}
    for row in rows:
        by_run.setdefault((row["workload"], run_key(row)), {})[row["contender"]] = row
    header = ["Workload", "Threads", "JDK", "Contender", "ops/s", "Median", "p99", "CPU/op¹", "Alloc/op", "× JDBC²"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i < 4 else "--:" for i in range(len(header))) + "|"]
    order = {name: i for i, name in enumerate(CONTENDERS)}
    kinds = {"platform": 0, "virtual": 1}
    for (workload, (kind, threads, jdk)) in sorted(by_run, key=lambda k: (
            CONCURRENT_WORKLOADS.index(k[0]) if k[0] in CONCURRENT_WORKLOADS else 9, k[1][2], kinds[k[1][0]], k[1][1])):
        contenders = by_run[(workload, (kind, threads, jdk))]
        jdbc = contenders.get("jdbc")
        for name in sorted(contenders, key=lambda n: order.get(n, 99)):
            row = contenders[name]
            times = f"{jdbc['opsPerSecond'] / row['opsPerSecond']:.2f}" if jdbc and row["opsPerSecond"] else ""
            errors = f" ({row['errors']} errors)" if row["errors"] else ""
            lines.append("| " + " | ".join([workload, f"{threads} {kind}", jdk, CONTENDERS.get(name, name),
                                             f"{row['opsPerSecond']:,.0f}{errors}", duration(row["p50Us"] * 1e3),
                                             duration(row["p99Us"] * 1e3), duration(row.get("cpuUsPerOp", 0) * 1e3),
                                             size(row.get("allocBytesPerOp")), times]) + " |")
    lines += ["", "¹ CPU time of the benchmark JVM (all its threads) per operation in the measured windows; the "
              "database server's is not in it. Alloc/op: the heap one operation allocated (per-thread counters; blank for "
              "virtual threads, for which the JVM does not report them).",
              "² Raw JDBC's throughput divided by the contender's at the same threads in the same run: the time an "
              "operation costs relative to raw JDBC, as in the other tables (above 1 is slower)."]
    return "\n".join(lines)


def virtual_table(rows):
    """Per workload and contender: virtual threads against platform threads at 32 on the same JDK and run."""
    by_key = {}
    for row in rows:
        by_key.setdefault((row["workload"], row["contender"], row["jdk"]), {})[(row["threadKind"], row["threads"])] = row
    lines = ["| Workload | Contender | 32 platform ops/s | 32 virtual ops/s | virtual ÷ platform | 256 virtual ops/s "
             "| p99 32 platform / virtual / 256 virtual |", "|---|---|--:|--:|--:|--:|--:|"]
    order = {name: i for i, name in enumerate(CONTENDERS)}
    for (workload, contender, jdk) in sorted(by_key, key=lambda k: (
            CONCURRENT_WORKLOADS.index(k[0]) if k[0] in CONCURRENT_WORKLOADS else 9, order.get(k[1], 99))):
        runs = by_key[(workload, contender, jdk)]
        platform, virtual, many = runs.get(("platform", 32)), runs.get(("virtual", 32)), runs.get(("virtual", 256))
        if not virtual or not platform:
            continue
        lines.append("| " + " | ".join([
            workload, CONTENDERS.get(contender, contender), f"{platform['opsPerSecond']:,.0f}",
            f"{virtual['opsPerSecond']:,.0f}", f"{virtual['opsPerSecond'] / platform['opsPerSecond']:.2f}",
            f"{many['opsPerSecond']:,.0f}" if many else "",
            " / ".join(duration(r["p99Us"] * 1e3) for r in (platform, virtual, many) if r)]) + " |")
    return "\n".join(lines) if len(lines) > 2 else ""


def concurrent_section(database, rows, label, sources, pins):
    note = f"_{label}: {', '.join(sources)}, {date.today().isoformat()}._\n\n" if label else ""
    text = note + concurrent_table(rows) + "\n"
    virtual = virtual_table(rows)
    if virtual:
        text += "\nVirtual threads (JDK 25), against platform threads on the same JDK in the same run:\n\n" + virtual + "\n"
    if pins is not None:
        events, quarry, reasons = pins
        listed = "; ".join(f"{count} × {reason}" for reason, count in sorted(reasons.items(), key=lambda r: -r[1]))
        text += (f"\nPinning (JFR `jdk.VirtualThreadPinned`, threshold 0 ms, whole run): {events} event(s), "
                 f"{quarry} with a Quarry frame on the stack" + (f" ({listed})" if listed else "") + ".\n")
    return text


# ---- charts (matplotlib), drawn from the tables in the Markdown file, so they always match it

def ratios_from_markdown(text):
    """{database: {workload: {contender: ratio to JDBC}}} from the results:DB tables; concurrent ones separately."""
    single, concurrent = {}, {}
    for database, block in re.findall(r"<!-- results:([\w-]+):start -->(.*?)<!-- results:\1:end -->", text, re.S):
        if database.startswith("aggregate-"):
            continue
        header = None
        for line in block.splitlines():
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if line.startswith("| Workload"):
                header = cells
            elif header and line.startswith("| ") and ("× JDBC" in header or "× JDBC¹" in header):
                column = header.index("× JDBC" if "× JDBC" in header else "× JDBC¹")
                if cells[0].startswith("Startup") or not cells[column]:
                    continue
                single.setdefault(database, {}).setdefault(cells[0], {})[cells[1]] = float(cells[column])
    for database, block in re.findall(r"<!-- concurrent:([\w-]+):start -->(.*?)<!-- concurrent:\1:end -->", text, re.S):
        for line in block.splitlines():
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if line.startswith("| ") and len(cells) == 10 and cells[0] != "Workload" and cells[9]:
                key = f"{cells[1]} (JDK {cells[2]})"
                concurrent.setdefault(database, {}).setdefault(cells[0], {}).setdefault(key, {})[cells[3]] = \
                    float(cells[9])
    return single, concurrent


def draw_charts(markdown, directory, fmt="svg"):
    """One chart of the ratios to raw JDBC per database, and one of its concurrent runs, as SVG files."""
    import os
    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "quarry-benchmarks"  # the same tables give the same files
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator
    with open(markdown, encoding="utf-8") as file:
        single, concurrent = ratios_from_markdown(file.read())
    palette = plt.get_cmap("tab10")
    colour = {label: palette(i % 10) for i, label in enumerate(CONTENDERS.values())}

    def ratio_axis(axis, values):
        """A log axis of ratios with plain ticks (0.5, 1, 2, 5, ...), not powers of ten."""
        ticks = [t for t in (0.2, 0.5, 0.8, 1, 1.5, 2, 3, 5, 10, 20, 50, 100)
                 if min(values + [1]) * 0.8 <= t <= max(values + [1]) * 1.25]
        axis.set_major_locator(FixedLocator(ticks))
        axis.set_minor_locator(NullLocator())
        axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))

    os.makedirs(directory, exist_ok=True)
    written = []
    names = {"h2": "H2", "mysql": "MariaDB", "postgresql": "PostgreSQL"}
    for database, workloads in single.items():
        contenders = [c for c in CONTENDERS.values() if any(c in row for row in workloads.values()) and c != "raw JDBC"]
        labels = list(workloads)
        fig, ax = plt.subplots(figsize=(10, 0.42 * len(labels) * max(1, len(contenders) / 3.2) + 1.5))
        height = 0.8 / len(contenders)
        for i, contender in enumerate(contenders):
            ys = [j + i * height for j, label in enumerate(labels) if contender in workloads[label]]
            xs = [workloads[label][contender] for label in labels if contender in workloads[label]]
            ax.barh(ys, xs, height=height, label=contender, color=colour.get(contender))
        ax.set_yticks([j + 0.4 - height / 2 for j in range(len(labels))], labels)
        ax.invert_yaxis()
        ax.set_xscale("log")
        ratio_axis(ax.xaxis, [v for row in workloads.values() for v in row.values()])
        ax.axvline(1.0, color="black", linewidth=0.8)
        ax.set_xlabel("time per operation ÷ raw JDBC's (log scale; 1 = raw JDBC)")
        ax.set_title(f"{names.get(database, database)}: single-threaded workloads, ratio to raw JDBC")
        ax.legend(fontsize=8, loc="lower right")
        fig.tight_layout()
        path = os.path.join(directory, f"ratios-{database}.{fmt}")
        fig.savefig(path, metadata={"Date": None})
        plt.close(fig)
        written.append(path)
    for database, workloads in concurrent.items():
        fig, axes = plt.subplots(len(workloads), 1, figsize=(10, 3.2 * len(workloads)), squeeze=False)
        for ax, (workload, runs) in zip(axes[:, 0], workloads.items()):
            runs_order = list(runs)
            contenders = [c for c in CONTENDERS.values() if c != "raw JDBC" and any(c in r for r in runs.values())]
            width = 0.8 / max(1, len(contenders))
            for i, contender in enumerate(contenders):
                xs = [j + i * width for j, run in enumerate(runs_order) if contender in runs[run]]
                ys = [runs[run][contender] for run in runs_order if contender in runs[run]]
                ax.bar(xs, ys, width=width, label=contender, color=colour.get(contender))
            ax.set_xticks([j + 0.4 - width / 2 for j in range(len(runs_order))], runs_order, fontsize=8)
            ax.set_yscale("log")
            ratio_axis(ax.yaxis, [v for run in runs.values() for v in run.values()])
            ax.axhline(1.0, color="black", linewidth=0.8)
            target = CONCURRENT_TARGETS.get(workload)
            if target:
                ax.axhline(target, color="red", linewidth=0.8, linestyle="--")
            ax.set_title(f"{workload} (dashed: the target for Quarry, {target} × raw JDBC)", fontsize=10)
            ax.set_ylabel("÷ raw JDBC (log)")
        axes[0, 0].legend(fontsize=7, ncol=3)
        fig.suptitle(f"{names.get(database, database)}: concurrent workloads, time per operation ÷ raw JDBC's "
                     "at the same threads")
        fig.tight_layout()
        path = os.path.join(directory, f"concurrent-{database}.{fmt}")
        fig.savefig(path, metadata={"Date": None})
        plt.close(fig)
        written.append(path)
    return written


def with_matplotlib():
    """Re-runs this script under Debian's python3 when the one running it cannot import matplotlib (e.g. pyenv)."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        import os
        if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
            os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
        raise SystemExit("the charts need matplotlib: apt-get install -y python3-matplotlib (Debian), "
                         "or pip install matplotlib")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", nargs="*", help="JMH JSON result files, and ConcurrentRun's .jsonl files")
    parser.add_argument("--label", default="", help="what the figures are, printed above each table")
    parser.add_argument("--update", metavar="FILE", help="replace the marked table of each database in FILE")
    parser.add_argument("--merge", action="store_true",
                        help="with --update: replace only the rows of the workloads (and parameters) in the results, "
                             "keep the table's other rows and say where each came from")
    parser.add_argument("--charts", metavar="DIR", help="with --update: then draw the charts of FILE's tables into DIR "
                        "(SVG, matplotlib); alone with --charts-of FILE, only the charts")
    parser.add_argument("--charts-of", metavar="FILE", help="the Markdown file whose tables --charts draws")
    parser.add_argument("--chart-format", default="svg", help="svg (the default, committed) or png (to look at)")
    args = parser.parse_args()
    if args.charts:
        with_matplotlib()
    runs = []
    concurrent_paths = [path for path in args.results if path.endswith(".jsonl")]
    for path in args.results:
        if path.endswith(".jsonl"):
            continue
        with open(path, encoding="utf-8") as file:
            runs.extend((path.split("/")[-1], run) for run in json.load(file))
    tables, sources = rows_of(runs)
    concurrent, concurrent_sources = concurrent_rows(concurrent_paths)
    pins = pinning(concurrent_paths)
    if not args.update:
        for database in sorted(tables, key=lambda name: DATABASES.index(name) if name in DATABASES else 9):
            print(f"### {database}\n")
            print(section(database, tables[database], args.label, sources[database]))
        for database, rows in concurrent.items():
            print(f"### {database}, concurrent\n")
            print(concurrent_section(database, rows, args.label, concurrent_sources[database], pins))
        if args.charts and args.charts_of:
            print("\n".join(draw_charts(args.charts_of, args.charts, args.chart_format)))
        return 0
    with open(args.update, encoding="utf-8") as file:
        text = file.read()
    for database, rows in concurrent.items():
        start, end = f"<!-- concurrent:{database}:start -->", f"<!-- concurrent:{database}:end -->"
        if start not in text or end not in text:
            print(f"{args.update} has no {start} ... {end} markers; add them where the table goes", file=sys.stderr)
            return 1
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + start + "\n" + concurrent_section(database, rows, args.label, concurrent_sources[database],
                                                           pins) + end + after
    for database, workloads in tables.items():
        start, end = f"<!-- results:{database}:start -->", f"<!-- results:{database}:end -->"
        if start not in text or end not in text:
            print(f"{args.update} has no {start} ... {end} markers; add them where the {database} table goes",
                  file=sys.stderr)
            return 1
        before, rest = text.split(start, 1)
        old, after = rest.split(end, 1)
        kept, notes = earlier(old) if args.merge else ({}, [])
        for key in workloads:
            kept.pop(key, None)
        text = before + start + "\n" + section(database, workloads, args.label, sources[database], kept, notes) \
            + end + after
    with open(args.update, "w", encoding="utf-8") as file:
        file.write(text)
    print(f"updated {', '.join(sorted(tables) + [db + ' (concurrent)' for db in concurrent])} in {args.update}")
    if args.charts:
        print("\n".join(draw_charts(args.update, args.charts, args.chart_format)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
