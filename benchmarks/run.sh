#!/usr/bin/env bash
# Runs the Quarry benchmarks (see BENCHMARKS.md at the repository root).
#
#   benchmarks/run.sh [quick|full|verify] [h2|mysql|postgresql|all] [workload-regex]
#
#   all     the same run on h2, then mysql, then postgresql, one after the other; e.g. the aggregate workloads
#           (#14) on all three databases, 20-24 minutes on 2 cores:  benchmarks/run.sh full all Aggregate
#
#   quick   every workload but streaming, 1 fork, short iterations, 1 cold start per start-up case:
#           a ballpark in under 10 minutes on 2 cores (H2)
#   full    every workload in 1 fork of 6 x 1 s warm-up and 5 x 1 s measurement (streaming: 2 forks of 3 x 1 s;
#           start-up: 10 cold starts per case on H2, 5 on the servers): the numbers that go into
#           BENCHMARKS.md; about 25 minutes per database on 2 cores, plus start-up
#   ScrollDeep (as the regex): the 100th window of 100 rows of 1,000,000 by keyset and by offset, run only when named
#   verify  no timing: every contender's sanity checks for every workload, in one JVM (about a minute); with a
#           regex containing 'Aggregate' only the aggregate workloads' checks, with each contender's statement counts
#
# The optional regex picks benchmarks by name (io.quarry.bench.<Workload>.<contender>), e.g. 'FindById',
# 'Insert.quarry', 'Join|GroupBy'. Build first, from the repository root:
#   mvn -q -DskipTests package -pl benchmarks -am
# Results: benchmarks/target/results/<db>-<mode>-<time>.json (JMH) and .md (tables, from report.py).
# MariaDB and PostgreSQL must be running on 127.0.0.1 (3306, user root; 5432, user postgres); the database
# quarry_bench is created if missing. QUARRY_BENCH_URL, QUARRY_BENCH_USER and QUARRY_BENCH_PASSWORD point
# the run elsewhere. QUARRY_BENCH_JMH_ARGS adds JMH options to every JMH run, e.g. a profiler:
#   QUARRY_BENCH_JMH_ARGS='-prof async:libPath=/path/libasyncProfiler.so;event=itimer;output=collapsed'
set -euo pipefail

mode=${1:-quick}
db=${2:-h2}
filter=${3:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar=$here/target/benchmarks.jar

say() { echo "run.sh: $*" >&2; }

case $mode in quick|full|verify) ;; *) say "unknown mode '$mode'; use quick, full or verify"; exit 2 ;; esac
case $db in
  all)
    status=0
    for each in h2 mysql postgresql; do
      "${BASH_SOURCE[0]}" "$mode" "$each" "$filter" || status=1
    done
    exit "$status" ;;
  h2) ;;
  mysql) port=3306 ;;
  postgresql) port=5432 ;;
  *) say "unknown database '$db'; use h2, mysql, postgresql or all"; exit 2 ;;
esac
if [[ ! -f $jar ]]; then
  say "$jar is missing; build it from the repository root with: mvn -q -DskipTests package -pl benchmarks -am"
  exit 1
fi
if [[ -n ${port:-} && -z ${QUARRY_BENCH_URL:-} ]] && ! timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
  say "nothing answers on 127.0.0.1:$port; start $db first (.ci/run shows how) or set QUARRY_BENCH_URL"
  exit 1
fi

# JVM options of every benchmark JVM: a fixed heap (the streaming workload holds H2's million rows in it),
# the database, and jOOQ's start-up banner off.
props=(-Dquarry.bench.db="$db" -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true)
[[ -n ${QUARRY_BENCH_URL:-} ]] && props+=(-Dquarry.bench.url="$QUARRY_BENCH_URL")
[[ -n ${QUARRY_BENCH_USER:-} ]] && props+=(-Dquarry.bench.user="$QUARRY_BENCH_USER")
[[ -n ${QUARRY_BENCH_PASSWORD:-} ]] && props+=(-Dquarry.bench.password="$QUARRY_BENCH_PASSWORD")
jvm_args="-Xms2g -Xmx2g -XX:+UseG1GC ${props[*]}"
# The timed workloads also pre-touch the heap: without it, the first pass of the collector over fresh heap
# pages faulted them in one by one, and whole seconds of a run ran 2-4 times slower (BENCHMARKS.md,
# "How it is measured"). Start-ups do not: a real application does not pre-touch its heap either.
workload_jvm_args="$jvm_args -XX:+AlwaysPreTouch"
# QUARRY_BENCH_JMH_ARGS split on blanks into words, without glob expansion
read -r -a extra_jmh_args <<<"${QUARRY_BENCH_JMH_ARGS:-}"

if [[ $mode == verify && $filter == *Aggregate* ]]; then
  exec java -Xmx2g "${props[@]}" -cp "$jar" io.quarry.bench.aggregate.VerifyAggregates
fi
if [[ $mode == verify ]]; then
  if [[ -z $filter ]]; then
    java -Xmx2g "${props[@]}" -cp "$jar" io.quarry.bench.aggregate.VerifyAggregates || exit 1
  fi
  # shellcheck disable=SC2086 # filter words are workload names
  exec java -Xmx2g "${props[@]}" -cp "$jar" io.quarry.bench.support.VerifyContenders ${filter//|/ }
fi

results=$here/target/results
mkdir -p "$results"
stamp=$(date +%Y%m%d-%H%M%S)
all=$(java -jar "$jar" -l | grep '^io\.quarry\.bench\.' || true)

# Scrolling deep (#15) seeds a million rows of its own for each benchmark, so it runs only when named:
#   benchmarks/run.sh full postgresql ScrollDeep      (its table is not in report.py's; BENCHMARKS.md has it by hand)
if [[ $filter == ScrollDeep* ]]; then
  iterations=(-f 1 -wi 5 -w 1s -i 5 -r 1s)
  [[ $mode == quick ]] && iterations=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  say "ScrollDeep on $db ($mode) -> $results/$db-$mode-$stamp-scroll.json"
  java -jar "$jar" "${iterations[@]}" "${extra_jmh_args[@]}" -jvmArgsAppend "$workload_jvm_args" -rf json \
    -rff "$results/$db-$mode-$stamp-scroll.json" "^io\.quarry\.bench\.${filter}" | tee "$results/$db-$mode-$stamp-scroll.log"
  exit "${PIPESTATUS[0]}"
fi

# The benchmarks of one group that also match the filter, as anchored regexes for JMH.
pick() {
  local names
  names=$(grep -E "^io\.quarry\.bench\.($1)\." <<<"$all" | grep -E -- "${filter:-.}" || true)
  [[ -n $names ]] && sed -e 's/\./\\./g' -e 's/^/^/' -e 's/$/$/' <<<"$names"
  return 0
}

# One JMH run: group name, JMH options..., then the benchmark regexes after '--'.
jmh() {
  local group=$1
  shift
  local options=()
  while [[ $1 != -- ]]; do options+=("$1"); shift; done
  shift
  if (($# == 0)); then
    return 0
  fi
  local out=$results/$db-$mode-$stamp-$group.json
  say "$group: $# benchmark(s) on $db ($mode) -> $out"
  local jvm=$workload_jvm_args
  [[ $group == startup ]] && jvm=$jvm_args
  java -jar "$jar" "${options[@]}" "${extra_jmh_args[@]}" -prof gc -jvmArgsAppend "$jvm" -rf json -rff "$out" "$@" \
    | tee "$results/$db-$mode-$stamp-$group.log"
  outputs+=("$out")
}

outputs=()
workloads='FindById|FindByFilter|Join|CountFiltered|GroupByCount|Insert|ReadModifyWrite|BulkUpdate|AggregateHosts|AggregateDatacenters|AggregateWrite'
mapfile -t selected < <(pick "$workloads")
mapfile -t stream < <(pick StreamAll)
mapfile -t startup < <(pick Startup)

if [[ $mode == quick ]]; then
  jmh workloads -f 1 -wi 1 -w 1s -i 2 -r 1s -- "${selected[@]}"
  jmh startup -f 1 -wi 0 -i 1 -- "${startup[@]}"
else
  # Quarry, jOOQ and Spring Data keep getting faster for about 5 s of a fork (JIT), raw JDBC's shallow
  # path for about 2 s: the warm-up is long enough for all of them
  jmh workloads -f 1 -wi 6 -w 1s -i 5 -r 1s -- "${selected[@]}"
  jmh stream -f 2 -wi 1 -w 1s -i 3 -r 1s -- "${stream[@]}"
  jmh startup -f "$([[ $db == h2 ]] && echo 10 || echo 5)" -wi 0 -i 1 -- "${startup[@]}"
fi

if ((${#outputs[@]} == 0)); then
  say "no benchmark matches '$filter'; list them with: java -jar $jar -l"
  exit 1
fi
if grep -l '<failure>' "$results/$db-$mode-$stamp"-*.log >/dev/null 2>&1; then
  say "some benchmarks failed (see <failure> in $results/$db-$mode-$stamp-*.log); their rows are missing"
  failed=1
fi
label=$([[ $mode == full ]] && echo "full run" || echo "QUICK RUN (ballpark only, not results)")
python3 "$here/report.py" --label "$label" "${outputs[@]}" | tee "$results/$db-$mode-$stamp.md"
say "tables written to $results/$db-$mode-$stamp.md; put a full run into BENCHMARKS.md with:"
say "  python3 benchmarks/report.py --label 'full run' --update BENCHMARKS.md benchmarks/target/results/$db-full-*.json"
exit "${failed:-0}"
