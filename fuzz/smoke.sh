#!/bin/sh
# make fuzz-smoke: run each libFuzzer harness for a fixed time from its seed corpus and
# print a table of executions per harness. New corpus entries go to fuzz-work/TARGET in
# the build folder (the seeds in the source tree are only read); a finding leaves its
# input in fuzz-artifacts/ and fails the run.
# usage: smoke.sh SECONDS SRCDIR TARGET...
set -u
secs=$1
src=$2
shift 2
mkdir -p fuzz-work fuzz-artifacts
status=0
printf '%-16s %8s %12s %10s %8s %8s  %s\n' harness seconds executions exec/s corpus rss_mb result
for t in "$@"; do
    work=fuzz-work/$t
    rm -rf "$work"
    mkdir -p "$work"
    dirs="$work $src/corpus/$t"
    [ -d "$src/regress/$t" ] && dirs="$dirs $src/regress/$t"
    log=fuzz-work/$t.log
    # shellcheck disable=SC2086
    ./fuzz/fuzz_$t -max_total_time="$secs" -print_final_stats=1 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="fuzz-artifacts/$t-" ${FUZZ_FLAGS:-} $dirs \
        >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
    corp=$(ls "$work" | wc -l)
    result=ok
    if [ $rc -ne 0 ]; then
        result="FINDING (exit $rc, see $log and fuzz-artifacts/)"
        status=1
    fi
    rate=$(awk -v e="${execs:-0}" -v s="$secs" 'BEGIN { printf "%d", (s > 0 ? e / s : 0) }')
    printf '%-16s %8s %12s %10s %8s %8s  %s\n' "fuzz_$t" "$secs" "${execs:-?}" "$rate" \
        "$corp" "${rss:-?}" "$result"
done
exit $status
