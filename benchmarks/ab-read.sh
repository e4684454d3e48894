#!/usr/bin/env bash
# A/B benchmark of reading rows (the generated row reader; BENCHMARKS.md, "The generated row reader").
#
# Builds the benchmarks module at two commits, each into its own directory (git archive, no worktree),
# and runs the H2 1,000-row read (FindByFilter rows=1000: raw JDBC, Quarry Session API, Quarry repository)
# with the JMH settings of `benchmarks/run.sh full` (1 fork x 6 x 1 s warm-up + 5 x 1 s, -prof gc, the same
# JVM options). Commits alternate, ROUNDS times, so that each commit meets the machine in each state and the
# spread between two runs of the same commit (the noise) is printed next to the difference between commits.
# Ratios are to raw JDBC of the same JMH run. Targets: Session API <= 1.25, repository <= 1.15.
#
#   benchmarks/ab-read.sh                       # BASE 9e68e65 against HEAD (main), ROUNDS=2
#   ROUNDS=3 benchmarks/ab-read.sh
#   HEAD_COMMIT=<sha> BASE_COMMIT=<sha> benchmarks/ab-read.sh
#   JMH_OPTS='-f 1 -wi 1 -w 1s -i 1 -r 1s' ROUNDS=1 benchmarks/ab-read.sh   # smoke run: proves the script only
#
# 9e68e65 is main before the row-loader work. The builds are kept in $OUT/src-<commit> and reused.
#
# Run it on a quiet machine: about (build 2 x ~2 min) + ROUNDS x 2 x 3 x ~20 s.
# Output: $OUT/<commit>-round<N>.json (JMH) and the table on stdout (also $OUT/summary.txt).
set -euo pipefail

REPO=${REPO:-$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)}
BASE_COMMIT=${BASE_COMMIT:-9e68e65}
HEAD_COMMIT=${HEAD_COMMIT:-HEAD}
ROUNDS=${ROUNDS:-2}
OUT=${OUT:-/tmp/quarry-ab-reader}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 6 -w 1s -i 5 -r 1s}
BENCHMARKS='^io\.quarry\.bench\.FindByFilter\.(jdbc|quarry|quarryRepository)$'

say() { echo "ab-read: $*" >&2; }

mkdir -p "$OUT"
base=$(git -C "$REPO" rev-parse --short=10 "$BASE_COMMIT^{commit}")
head=$(git -C "$REPO" rev-parse --short=10 "$HEAD_COMMIT^{commit}")
say "A (before) = $base, B (after) = $head; results in $OUT"

# Builds the benchmarks jar of one commit in $OUT/src-<commit>, once.
build() {
  local commit=$1 dir=$OUT/src-$1
  if [[ -f $dir/benchmarks/target/benchmarks.jar ]]; then
    say "reusing $dir/benchmarks/target/benchmarks.jar"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  git -C "$REPO" archive "$commit" | tar -x -C "$dir"
  say "building $commit in $dir"
  (cd "$dir" && mvn -q -DskipTests package -pl benchmarks -am)
}

build "$base"
build "$head"

# The JVM options of benchmarks/run.sh for timed workloads on H2.
jvm_args="-Xms2g -Xmx2g -XX:+UseG1GC -Dquarry.bench.db=h2 -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true -XX:+AlwaysPreTouch"
read -r -a jmh_opts <<<"$JMH_OPTS"

results=()
for ((round = 1; round <= ROUNDS; round++)); do
  for commit in "$base" "$head"; do
    out=$OUT/$commit-round$round.json
    say "round $round: $commit -> $out"
    java -jar "$OUT/src-$commit/benchmarks/target/benchmarks.jar" "${jmh_opts[@]}" -p rows=1000 -prof gc \
      -jvmArgsAppend "$jvm_args" -rf json -rff "$out" "$BENCHMARKS" > "$OUT/$commit-round$round.log"
    results+=("$out")
  done
done

python3 - "$base" "$head" "${results[@]}" <<'PY' | tee "$OUT/summary.txt"
import json, os, statistics, sys

base, head, files = sys.argv[1], sys.argv[2], sys.argv[3:]
names = {"jdbc": "raw JDBC", "quarry": "Quarry (Session API)", "quarryRepository": "Quarry (repository)"}
targets = {"quarry": 1.25, "quarryRepository": 1.15}
# runs[commit] = list of {contender: (median us/op, alloc B/op)}
runs = {base: [], head: []}
for path in files:
    commit = os.path.basename(path).split("-round")[0]
    run = {}
    for result in json.load(open(path)):
        contender = result["benchmark"].rsplit(".", 1)[1]
        raw = [v for fork in result["primaryMetric"]["rawData"] for v in fork]
        metrics = result.get("secondaryMetrics", {})
        alloc = (metrics.get("gc.alloc.rate.norm") or metrics.get("\u00b7gc.alloc.rate.norm") or {}).get("score", float("nan"))
        run[contender] = (statistics.median(raw), alloc)
    runs[commit].append(run)

def ratios(run):
    return {c: run[c][0] / run["jdbc"][0] for c in run if "jdbc" in run}

print(f"FindByFilter rows=1000 on H2; median of the measured iterations, us/op; ratio to raw JDBC of the same run")
print(f"A = {base} (before), B = {head} (after)\n")
print(f"{'contender':24} {'commit':6} " + " ".join(f"{'run ' + str(i + 1):>22}" for i in range(len(runs[base]))))
for contender in ("jdbc", "quarry", "quarryRepository"):
    for label, commit in (("A", base), ("B", head)):
        cells = []
        for run in runs[commit]:
            if contender in run:
                cells.append(f"{run[contender][0]:8.1f} us {ratios(run)[contender]:5.2f}x {run[contender][1] / 1024:5.0f}KB")
            else:
                cells.append(f"{'missing':>22}")
        print(f"{names[contender]:24} {label:6} " + " ".join(f"{c:>22}" for c in cells))
print()
for contender in ("quarry", "quarryRepository"):
    line = []
    for label, commit in (("A", base), ("B", head)):
        values = [ratios(run)[contender] for run in runs[commit] if contender in run and "jdbc" in run]
        if values:
            spread = max(values) - min(values)
            line.append(f"{label} median ratio {statistics.median(values):.2f} (spread {spread:.2f} over {len(values)} runs)")
    verdict = ""
    after = [ratios(run)[contender] for run in runs[head] if contender in run and "jdbc" in run]
    if after:
        verdict = "meets" if statistics.median(after) <= targets[contender] else "misses"
        verdict = f"; target <= {targets[contender]:.2f}: {verdict}"
    print(f"{names[contender]:24} " + "; ".join(line) + verdict)
PY
