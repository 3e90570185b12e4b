#!/bin/sh
# make fuzz-smoke: run each libFuzzer harness for a fixed time from its seed corpus and
# print a table of executions per harness. FUZZ_JOBS harnesses (default 2, one per core)
# run at a time. New corpus entries go to fuzz-work/TARGET in the build folder (the seeds
# in the source tree are only read); a finding leaves its input in fuzz-artifacts/ and
# fails the run. A harness starts as soon as one of the running ones ends. With
# FUZZ_GROW_CORPUS=1 the new inputs that reach new code are then merged into the seed
# corpus in the source tree (libFuzzer's -merge=1, inputs of at most 4 KiB), to be
# committed.
# usage: smoke.sh SECONDS SRCDIR TARGET...
set -u
secs=$1
src=$2
shift 2
jobs=${FUZZ_JOBS:-2}
mkdir -p fuzz-work fuzz-artifacts

# Run one harness; leave its table row in fuzz-work/TARGET.row and fail status in .rc.
run_one() {
    t=$1
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
    [ $rc -ne 0 ] && result="FINDING (exit $rc, see $log and fuzz-artifacts/)"
    rate=$(awk -v e="${execs:-0}" -v s="$secs" 'BEGIN { printf "%d", (s > 0 ? e / s : 0) }')
    printf '%-16s %8s %12s %10s %8s %8s  %s\n' "fuzz_$t" "$secs" "${execs:-?}" "$rate" \
        "$corp" "${rss:-?}" "$result" >"fuzz-work/$t.row"
    echo $rc >"fuzz-work/$t.rc"
}

# A pool of $jobs: each harness marks itself running in fuzz-work/TARGET.running.
running() { ls fuzz-work/*.running 2>/dev/null | wc -l; }
for t in "$@"; do
    while [ "$(running)" -ge "$jobs" ]; do sleep 1; done
    : >"fuzz-work/$t.running"
    (run_one "$t"; rm -f "fuzz-work/$t.running") &
done
wait

if [ "${FUZZ_GROW_CORPUS:-0}" = 1 ]; then
    for t in "$@"; do
        before=$(ls "$src/corpus/$t" | wc -l)
        ./fuzz/fuzz_$t -merge=1 -max_len=4096 "$src/corpus/$t" "fuzz-work/$t" \
            >"fuzz-work/$t.merge.log" 2>&1
        echo "fuzz_$t: corpus $before -> $(ls "$src/corpus/$t" | wc -l) files"
    done
fi

status=0
printf '%-16s %8s %12s %10s %8s %8s  %s\n' harness seconds executions exec/s corpus rss_mb result
for t in "$@"; do
    cat "fuzz-work/$t.row"
    [ "$(cat "fuzz-work/$t.rc")" = 0 ] || status=1
done
exit $status
