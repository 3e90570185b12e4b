#!/bin/sh
# make bench-html: HTML intake speed in MB/s on the LibreOffice help pages (id and en-US)
# and press/html: libxml2 parsing alone (the floor) and selaras' library call
# (eval/bench_html), then the whole CLI process (selaras extract, one process a page) and
# Mozilla Readability with jsdom (inside node, and the whole node process) on the same
# pages. BENCH_HTML_PAGES (default 400) pages a language.
set -eu
build=$1 src=$2 data=$3
work=$build/eval-html-work
mkdir -p "$work/npm"
n=${BENCH_HTML_PAGES:-400}
list=$work/bench-pages.txt
{ find /usr/share/libreoffice/help/id /usr/share/libreoffice/help/en-US -name '*.html' |
    sort | awk -v n="$n" 'NR % 7 == 0' | head -n $((2 * n)); ls "$data"/press/html/*.html; } >"$list"
pages=$(wc -l <"$list")
bytes=$(xargs cat <"$list" | wc -c)
mb=$(echo "$bytes" | awk '{ printf "%.2f", $1 / 1e6 }')
echo "== bench-html: $pages pages, $mb MB"
"$build/eval/bench_html" "$list" 3 | tee "$work/bench.txt"
floor=$(awk '/floor/ { print $(NF - 1) }' "$work/bench.txt")
# The installed program, not libtool's wrapper script (whose start would be measured).
cli=$build/selaras
if [ -x "$build/.libs/selaras" ]; then
    cli=$build/.libs/selaras
    LD_LIBRARY_PATH=$build/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    export LD_LIBRARY_PATH
fi
t0=$(date +%s.%N)
while read -r f; do "$cli" extract "$f" >/dev/null; done <"$list"
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v mb="$mb" -v p="$pages" -v f="$floor" \
    'BEGIN { printf "%-34s %8.2f MB/s  %7.3f s  (%.1fx the floor; %.1f ms a page, process start included)\n", "selaras extract (CLI, per page)", mb / (b - a), b - a, (b - a) / f, 1000 * (b - a) / p }'
if command -v node >/dev/null; then
    if [ ! -d "$work/npm/node_modules/@mozilla/readability" ] || [ ! -d "$work/npm/node_modules/jsdom" ]; then
        (cd "$work/npm" && npm install --no-audit --no-fund --silent @mozilla/readability jsdom \
            >"$work/npm/log" 2>&1) || { cat "$work/npm/log"; exit 1; }
    fi
    t0=$(date +%s.%N)
    node "$src/eval/readability.cjs" "$work/npm" "$list" >"$work/readability.jsonl"
    t1=$(date +%s.%N)
    inside=$(awk -F'"ms":' '{ split($2, a, "}"); s += a[1] } END { printf "%.3f", s / 1000 }' "$work/readability.jsonl")
    awk -v t="$inside" -v mb="$mb" -v f="$floor" 'BEGIN { printf "%-34s %8.2f MB/s  %7.3f s  (%.1fx the floor)\n", "Readability + jsdom (in node)", mb / t, t, t / f }'
    awk -v a="$t0" -v b="$t1" -v mb="$mb" -v f="$floor" 'BEGIN { printf "%-34s %8.2f MB/s  %7.3f s  (%.1fx the floor)\n", "Readability (node process)", mb / (b - a), b - a, (b - a) / f }'
fi
# Peak memory of one process on the largest page: selaras extract against xmllint --html
# (libxml2 parsing the same page into its tree, the floor).
if [ -x /usr/bin/time ] && command -v xmllint >/dev/null; then
    big=$(xargs ls -S <"$list" | head -n 1)
    kb() { /usr/bin/time -f %M "$@" >/dev/null 2>"$work/rss" || true; tail -n 1 "$work/rss"; }
    ours=$(kb "$cli" extract "$big")
    floor_kb=$(kb xmllint --html --noout --nonet "$big")
    echo "peak RSS on $(basename "$big") ($(wc -c <"$big") bytes): selaras extract ${ours} kB," \
        "xmllint --html ${floor_kb} kB ($(awk -v a="$ours" -v b="$floor_kb" 'BEGIN { printf "%.2f", a / b }')x)"
fi
