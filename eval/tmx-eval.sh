#!/bin/sh
# make eval-tmx: write memories with libselaras and check that outside tools accept them.
#   tmx-eval.sh BUILD_DIR SOURCE_DIR DATA_DIR
# 1. eval/tmx_export writes sample.tmx (the bundled release pair, hand-made paragraph
#    beads), pud.tmx and pud-region.tmx (the 1,000 PUD sentence pairs, codes id/en and
#    id-ID/en-US) and `selaras tmx merge` merges them into merged.tmx;
# 2. xmllint validates each against the TMX 1.4 DTD (baseline: the same file relabelled
#    version="1.4b" must be rejected, so the check can fail);
# 3. OmegaT 3.6 translates the Indonesian source headless with the memory in tm/auto
#    (baseline: the same project without it); target/ must equal the English texts;
# 4. translate-toolkit and the npm package tmexchange read every unit back.
# Exits non-zero when any check fails.
set -u
build=$1 src=$2 data=$3
dtd=$data/tmx/tmx14.dtd
omegat_jar=/usr/share/omegat/OmegaT.jar
py=/usr/bin/python3
work=$(mktemp -d /tmp/selaras-eval-tmx-XXXXXX)
trap 'rm -rf "$work"' EXIT
fails=0 passes=0
ok() { passes=$((passes + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

for need in "$dtd" "$omegat_jar" "$py"; do
    [ -e "$need" ] || { echo "eval-tmx: missing $need (run scripts/install-deps)"; exit 1; }
done
command -v xmllint >/dev/null && command -v java >/dev/null && command -v npm >/dev/null ||
    { echo "eval-tmx: needs xmllint, java and npm (run scripts/install-deps)"; exit 1; }

echo "== eval-tmx: export (libselaras writer)"
"$build/eval/tmx_export" "$src/examples/sample" "$data" "$work" | column -t -s "$(printf '\t')" ||
    { echo "eval-tmx: export failed"; exit 1; }
"$build/selaras" tmx merge -o "$work/merged.tmx" "$work/sample.tmx" "$work/pud.tmx" \
    "$work/sample.tmx" 2>"$work/merge.log" || { cat "$work/merge.log"; exit 1; }
cut -f1,2 "$work/sample.expected.tsv" "$work/pud.expected.tsv" >"$work/merged.expected.tsv"
cp "$work/sample.src.txt" "$work/merged.src.txt"
cat "$work/pud.src.txt" >>"$work/merged.src.txt"
echo "merge: $(cat "$work/merge.log")"

memories="sample pud pud-region merged"
printf '\n== eval-tmx: results\n'
printf '%-11s %7s %-10s %-11s %-22s %-9s %-14s %-14s\n' memory units xmllint "1.4b (neg)" \
    "omegat remaining" "target" translate-tk tmexchange

# tmexchange once, in a scratch folder
npmdir=$work/npm
mkdir -p "$npmdir"
if ! (cd "$npmdir" && npm install --no-audit --no-fund --silent tmexchange >"$npmdir/log" 2>&1); then
    cat "$npmdir/log"; bad "npm install tmexchange"
fi

omegat_run() { # project-dir
    java -Djava.awt.headless=true -jar "$omegat_jar" --mode=console-translate \
        --config-dir="$work/omegat-config" --disable-project-locking --no-team "$1" \
        >"$1.log" 2>&1
    awk '/^Remaining:/ { print $2; exit }' "$1/omegat/project_stats.txt" 2>/dev/null
}

omegat_project() { # dir srclang tgtlang memory|""
    rm -rf "$1"
    mkdir -p "$1/source" "$1/target" "$1/tm/auto" "$1/glossary" "$1/dictionary" "$1/omegat"
    cat >"$1/omegat.project" <<PROJECT
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>$2</source_lang>
    <target_lang>$3</target_lang>
    <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
PROJECT
    [ -n "$4" ] && cp "$4" "$1/tm/auto/"
}

for m in $memories; do
    f=$work/$m.tmx
    units=$(grep -c '<tu ' "$f")
    if xmllint --noout --nonet --dtdvalid "$dtd" "$f" 2>"$work/xmllint.log"; then
        valid=valid; ok
    else
        valid=INVALID; bad "$m: xmllint"; head -5 "$work/xmllint.log"
    fi
    sed 's/<tmx version="1.4">/<tmx version="1.4b">/' "$f" >"$work/neg.tmx"
    if xmllint --noout --nonet --dtdvalid "$dtd" "$work/neg.tmx" 2>/dev/null; then
        neg=accepted; bad "$m: the DTD check accepts 1.4b"
    else
        neg=rejected; ok
    fi
    sl=id tl=en
    [ "$m" = pud-region ] && sl=id-ID tl=en-US
    # OmegaT: baseline without the memory, then with it
    omegat_project "$work/om-$m" "$sl" "$tl" ""
    cp "$work/$m.src.txt" "$work/om-$m/source/release.txt"
    base=$(omegat_run "$work/om-$m")
    omegat_project "$work/om-$m" "$sl" "$tl" "$f"
    cp "$work/$m.src.txt" "$work/om-$m/source/release.txt"
    rem=$(omegat_run "$work/om-$m")
    if [ "${rem:-x}" = 0 ] && [ "${base:-0}" -gt 0 ]; then ok; else bad "$m: OmegaT remaining $rem of $base"; fi
    cut -f2 "$work/$m.expected.tsv" >"$work/want.txt"
    grep -v '^$' "$work/om-$m/target/release.txt" >"$work/got.txt" 2>/dev/null
    if cmp -s "$work/want.txt" "$work/got.txt"; then target=identical; ok; else
        target=DIFFERS; bad "$m: OmegaT target"; diff "$work/want.txt" "$work/got.txt" | head -5; fi
    tt=$("$py" "$src/eval/tmx_check.py" "$f" "$work/$m.expected.tsv") && ok || bad "$m: translate-toolkit $tt"
    tx=$(node "$src/eval/tmx_check.cjs" "$npmdir" "$f" "$work/$m.expected.tsv" "$sl" "$tl") && ok ||
        bad "$m: tmexchange $tx"
    set -- $tt; ttr="$2/$3"
    set -- $tx; txr="$2/$3"
    printf '%-11s %7s %-10s %-11s %-22s %-9s %-14s %-14s\n' "$m" "$units" "$valid" "$neg" \
        "$rem (no TM: $base)" "$target" "$ttr" "$txr"
done
echo
echo "eval-tmx: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
