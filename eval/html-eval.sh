#!/bin/sh
# make eval-html: selaras' HTML intake against Mozilla Readability on the same pages (see
# eval/html_eval.py). Readability and jsdom are installed with npm into a scratch folder
# of the build tree, never committed. EVAL_HTML_PAGES (default 200) bounds the
# LibreOffice help page pairs read (0: all).
set -eu
build=$1 src=$2 data=$3
work=$build/eval-html-work
mkdir -p "$work/npm"
command -v node >/dev/null && command -v npm >/dev/null ||
    { echo "eval-html: needs node and npm (run scripts/install-deps)"; exit 1; }
[ -d /usr/share/libreoffice/help/id ] && [ -d /usr/share/libreoffice/help/en-US ] ||
    { echo "eval-html: needs libreoffice-help-id and libreoffice-help-en-us (scripts/install-deps)"; exit 1; }
if [ ! -d "$work/npm/node_modules/@mozilla/readability" ] || [ ! -d "$work/npm/node_modules/jsdom" ]; then
    (cd "$work/npm" && npm install --no-audit --no-fund --silent @mozilla/readability jsdom \
        >"$work/npm/log" 2>&1) || { cat "$work/npm/log"; echo "eval-html: npm install failed"; exit 1; }
fi
exec python3 "$src/eval/html_eval.py" "$build" "$src" "$data" "$work" "$work/npm" \
    "${EVAL_HTML_PAGES:-200}"
