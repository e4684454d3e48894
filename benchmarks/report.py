#!/usr/bin/env python3
"""Turns JMH JSON results (-rf json) of the Quarry benchmarks into the Markdown tables of BENCHMARKS.md.

    python3 benchmarks/report.py [--label TEXT] [--update BENCHMARKS.md [--merge]] results.json...

One table per database (taken from each run's -Dquarry.bench.db), one row per workload and contender:
median time per operation, p99 where JMH sampled (SampleTime), allocation per operation (-prof gc), the
heap a stream retains (StreamAll), and the ratios of the median to raw JDBC's and to Spring Data JPA's
on the same workload. Without --update the tables go to standard output; with it, each database's table
replaces the text between <!-- results:DB:start --> and <!-- results:DB:end --> in the file; with --merge
only the rows of the workloads in the results are replaced (a re-run of some workloads after a change).
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
    if value is None:
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", nargs="+", help="JMH JSON result files")
    parser.add_argument("--label", default="", help="what the figures are, printed above each table")
    parser.add_argument("--update", metavar="FILE", help="replace the marked table of each database in FILE")
    parser.add_argument("--merge", action="store_true",
                        help="with --update: replace only the rows of the workloads (and parameters) in the results, "
                             "keep the table's other rows and say where each came from")
    args = parser.parse_args()
    runs = []
    for path in args.results:
        with open(path, encoding="utf-8") as file:
            runs.extend((path.split("/")[-1], run) for run in json.load(file))
    tables, sources = rows_of(runs)
    if not args.update:
        for database in sorted(tables, key=lambda name: DATABASES.index(name) if name in DATABASES else 9):
            print(f"### {database}\n")
            print(section(database, tables[database], args.label, sources[database]))
        return 0
    with open(args.update, encoding="utf-8") as file:
        text = file.read()
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
    print(f"updated {', '.join(sorted(tables))} in {args.update}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
