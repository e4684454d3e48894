#!/usr/bin/env bash
# Runs the Quarry benchmarks (see BENCHMARKS.md at the repository root).
#
#   benchmarks/run.sh [quick|full|verify] [h2|mysql|postgresql|all] [workload-regex]
#   benchmarks/run.sh concurrent [mysql|postgresql|all] [contenders]
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
#   concurrent  the concurrent workloads (#20, io.quarry.bench.concurrent.ConcurrentRun, not JMH): every contender
#           shared by 1, 8 and 32 platform threads on the JDK on the PATH (17), then by 32 platform and 32 and 256
#           virtual threads on a JDK 25 ($QUARRY_BENCH_JDK25, else /usr/lib/jvm/*25*) with JFR recording every
#           jdk.VirtualThreadPinned event; one pool of 10 (Boot's default); the contenders take turns in one JVM.
#           QUARRY_BENCH_CONCURRENT="rounds warm-up-s measure-s" (default "2 1 2"): about 25 minutes per database.
#           The optional third argument is a comma-separated list of contenders (default: all seven).
#
# The optional regex picks benchmarks by name (io.quarry.bench.<Workload>.<contender>), e.g. 'FindById',
# 'Insert.quarry', 'Join|GroupBy'. Build first, from the repository root:
#   mvn -q -DskipTests package -pl benchmarks -am
# Results: benchmarks/target/results/<db>-<mode>-<time>.json (JMH) and .md (tables, from report.py).
# Charts (report.py --charts docs/benchmarks, drawn from BENCHMARKS.md's tables) need matplotlib; set-up on Debian:
#   apt-get install -y python3-matplotlib      (report.py re-runs itself under /usr/bin/python3 when the python3
#                                               on the PATH, e.g. pyenv's, cannot import it)
# MariaDB and PostgreSQL must be running on 127.0.0.1 (3306, user root; 5432, user postgres); the database
# quarry_bench is created if missing. QUARRY_BENCH_URL, QUARRY_BENCH_USER and QUARRY_BENCH_PASSWORD point
# the run elsewhere; QUARRY_BENCH_JAR runs another copy of the jar (with its lib/ beside it), e.g. one taken
# before a rebuild. QUARRY_BENCH_JMH_ARGS adds JMH options to every JMH run, e.g. a profiler:
#   QUARRY_BENCH_JMH_ARGS='-prof async:libPath=/path/libasyncProfiler.so;event=itimer;output=collapsed'
set -euo pipefail

mode=${1:-quick}
db=${2:-h2}
filter=${3:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar=${QUARRY_BENCH_JAR:-$here/target/benchmarks.jar}

say() { echo "run.sh: $*" >&2; }

case $mode in quick|full|verify|concurrent) ;; *) say "unknown mode '$mode'; use quick, full, verify or concurrent"; exit 2 ;; esac
case $db in
  all)
    status=0
    dbs=(h2 mysql postgresql)
    [[ $mode == concurrent ]] && dbs=(mysql postgresql)
    for each in "${dbs[@]}"; do
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

if [[ $mode == concurrent ]]; then
  results=$here/target/results
  mkdir -p "$results"
  base=$results/$db-concurrent-$(date +%Y%m%d-%H%M%S)
  read -r rounds warmup measure <<<"${QUARRY_BENCH_CONCURRENT:-2 1 2}"
  contenders=${filter:-jdbc,quarry,quarryRepository,quarrySpringBoot,springDataJpa,springDataJdbc,jooq}
  main=io.quarry.bench.concurrent.ConcurrentRun
  say "platform threads on $(java -version 2>&1 | head -1) -> $base.jsonl"
  # shellcheck disable=SC2086 # jvm_args are words
  java $workload_jvm_args -cp "$jar" $main "$base.jsonl" platform:1,platform:8,platform:32 "$rounds" "$warmup" \
    "$measure" "$contenders"
  jdk25=${QUARRY_BENCH_JDK25:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
  if [[ -x $jdk25/bin/java ]]; then
    say "virtual threads on $jdk25 -> $base.jsonl, pinning events in $base-pinned.txt"
    # shellcheck disable=SC2086
    "$jdk25/bin/java" $workload_jvm_args \
      "-XX:StartFlightRecording=filename=$base.jfr,jdk.VirtualThreadPinned#enabled=true,jdk.VirtualThreadPinned#threshold=0ms" \
      -cp "$jar" $main "$base.jsonl" platform:32,virtual:32,virtual:256 "$rounds" "$warmup" "$measure" "$contenders"
    "$jdk25/bin/jfr" print --stack-depth 200 --events jdk.VirtualThreadPinned "$base.jfr" >"$base-pinned.txt"
  else
    say "no JDK 25 found (set QUARRY_BENCH_JDK25): the virtual-thread runs are left out"
  fi
  python3 "$here/report.py" --label "concurrent run" "$base.jsonl" | tee "$base.md"
  say "put it into BENCHMARKS.md with: python3 benchmarks/report.py --label 'concurrent run' --update BENCHMARKS.md --charts docs/benchmarks $base.jsonl"
  exit 0
fi
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
say "  python3 benchmarks/report.py --label 'full run' --update BENCHMARKS.md --charts docs/benchmarks benchmarks/target/results/$db-full-*.json"
exit "${failed:-0}"
