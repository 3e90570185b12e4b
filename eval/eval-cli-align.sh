#!/bin/sh
# make eval-cli-align: `selaras eval` on the Text+Berg test documents aligned by
# `selaras align --format jsonl` must print the figures of `make eval-align`
# ("test, selaras"): one implementation of the scoring, reached from both.
# usage: eval-cli-align.sh BUILDDIR DATA_DIR
set -eu
build=$1
data=$2/textberg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
golds=""
systems=""
for d in 0 1 2 3 4 5 6; do
    "$build/selaras" align -q --presegmented --from de --to fr --format jsonl \
        "$data/test$d.de" "$data/test$d.fr" >"$tmp/test$d.jsonl"
    golds="$golds --gold $data/test$d.defr"
    systems="$systems $tmp/test$d.jsonl"
done
# shellcheck disable=SC2086
"$build/selaras" eval $golds $systems >"$tmp/cli"
cat "$tmp/cli"
cli=$(awk '/^  all \(/ { print $(NF-5), $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF }' "$tmp/cli")
EVAL_ALIGN_QUICK=1 "$build/eval/eval_align" "$2" >"$tmp/lib"
lib=$(awk '/^  test, selaras/ { print $(NF-5), $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF; exit }' "$tmp/lib")
echo "selaras eval:           $cli"
echo "make eval-align (test): $lib"
if [ "$cli" = "$lib" ]; then
    echo "eval-cli-align: the same figures"
else
    echo "eval-cli-align: the figures differ"
    exit 1
fi
