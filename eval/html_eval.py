#!/usr/bin/env python3
"""make eval-html: main-text extraction of HTML pages, selaras against Mozilla Readability
in the same run.

1. press/html/ (news-portal pages with gold): content recall (gold content sentences found
   in the content output), in-body boilerplate (caption, "Baca juga:") kept as boilerplate,
   and leaks (menu, byline, share, related/popular, cookie, footer, script strings of the
   gold's must_not_contain) in the content output.
2. Debian's documentation in both languages (libreoffice-help-id/-en-us and
   debian-reference-id/-en): paragraph recall against ../shared/data/paragraphs (which
   came from the same pages; Debian Reference's from its plain-text edition, whose list
   markers are dropped and whose ASCII-art tables are left out), and chrome leaks: output lines that are exactly the text of
   the page's own <header>, <footer>, <nav> or <aside> elements.
3. The LibreOffice help pages of both languages, read as HTML, paired by `selaras pair`
   (right when both have the same path) and the right pairs aligned end to end by
   `selaras align`: a bead is correct when its Indonesian and English sentences come from
   the same paragraph pair of the gold.
Strings are compared after collapsing every run of white space (U+00A0 included)."""
import html.parser
import json
import os
import re
import subprocess
import sys
import time

build, src, data, work, npm, npages = sys.argv[1:7]
npages = int(npages)
cli = os.path.join(build, 'selaras')
LO = '/usr/share/libreoffice/help'
DR = '/usr/share/doc/debian-reference-{}/docs'


def norm(s):
    return re.sub(r'[\s\u00a0]+', ' ', s).strip()


def extract(page, lang):
    out = subprocess.run([cli, 'extract', '--lang', lang, '--format', 'jsonl', page],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f'selaras extract {page}: {out.stderr}')
    return [json.loads(l) for l in out.stdout.splitlines()]


def readability(pages):
    lst = os.path.join(work, 'pages.txt')
    with open(lst, 'w') as f:
        f.write('\n'.join(pages) + '\n')
    out = subprocess.run(['node', os.path.join(src, 'eval', 'readability.cjs'), npm, lst],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit('readability: ' + out.stderr)
    res = {}
    for l in out.stdout.splitlines():
        o = json.loads(l)
        res[o['path']] = o
    return res


def pct(a, b):
    return f'{100.0 * a / b:5.1f}%' if b else '  n/a'


# ---- 1. press/html ----
press = os.path.join(data, 'press', 'html')
pages = sorted(os.path.join(press, f) for f in os.listdir(press) if f.endswith('.html'))
rd = readability(pages)
print('== eval-html: news-portal pages (press/html), selaras vs Readability')
print(f'{"page":32} {"tool":11} {"recall":>12} {"in-body bp":>11} {"leaks":>7}')
tot = {'selaras': [0, 0, 0, 0, 0], 'readability': [0, 0, 0, 0, 0]}
for p in pages:
    gold = json.load(open(p[:-5] + '.gold.json'))
    blocks = extract(p, gold['lang'])
    content = ' \n '.join(norm(b['text']) for b in blocks if b['kind'] != 'boilerplate')
    boiler = ' \n '.join(norm(b['text']) for b in blocks if b['kind'] == 'boilerplate')
    r = rd[p]
    rtext = norm(r['title']) + ' \n ' + norm(r['text'])
    for tool, text, bp in (('selaras', content, boiler), ('readability', rtext, None)):
        found = sum(1 for s in gold['content'] if norm(s) in text)
        bfound = sum(1 for s in gold['boilerplate_in_body'] if bp is not None and norm(s) in bp)
        leaks = [s for s in gold['must_not_contain'] if norm(s) in text]
        t = tot[tool]
        t[0] += found; t[1] += len(gold['content']); t[2] += bfound
        t[3] += len(gold['boilerplate_in_body']); t[4] += len(leaks)
        bps = f'{bfound}/{len(gold["boilerplate_in_body"])}' if bp is not None else 'n/a'
        print(f'{os.path.basename(p):32} {tool:11} {found:>3}/{len(gold["content"]):<3} {pct(found, len(gold["content"]))} {bps:>11} {len(leaks):>7}'
              + (f'  {leaks}' if leaks else ''))
for tool, t in tot.items():
    print(f'{"TOTAL":32} {tool:11} {t[0]:>3}/{t[1]:<3} {pct(t[0], t[1])} '
          f'{(str(t[2]) + "/" + str(t[3])) if tool == "selaras" else "n/a":>11} {t[4]:>7}')


# ---- 2. Debian documentation ----
class Chrome(html.parser.HTMLParser):
    """Text of <header>, <footer>, <nav>, <aside>: what is by definition not the article."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.buf, self.parts = 0, [], []

    def handle_starttag(self, tag, attrs):
        if tag in ('header', 'footer', 'nav', 'aside'):
            self.depth += 1
        elif self.depth and tag in ('p', 'div', 'li', 'a', 'h1', 'h2', 'h3', 'label', 'button', 'td'):
            self.flush()

    def handle_endtag(self, tag):
        if self.depth and tag in ('p', 'div', 'li', 'a', 'h1', 'h2', 'h3', 'label', 'button', 'td'):
            self.flush()
        if tag in ('header', 'footer', 'nav', 'aside') and self.depth:
            self.depth -= 1
            self.flush()

    def handle_data(self, d):
        if self.depth:
            self.buf.append(d)

    def flush(self):
        t = norm(''.join(self.buf))
        if len(t) >= 3:
            self.parts.append(t)
        self.buf = []


def chrome_of(path):
    c = Chrome()
    c.feed(open(path, encoding='utf-8', errors='replace').read())
    return set(c.parts)


def load_paras(name, with_page):
    rows = {}
    with open(os.path.join(data, 'paragraphs', name), encoding='utf-8') as f:
        next(f)
        for line in f:
            cols = line.rstrip('\n').split('\t')
            if with_page:
                page, idx, pid, pen = cols
            else:
                page, (idx, pid, pen) = '', cols
            rows.setdefault(page, []).append((int(idx), norm(pid), norm(pen)))
    return rows


lo_gold = load_paras('libreoffice-help.paras.tsv', True)
dr_gold = load_paras('debian-reference.paras.tsv', False)[''] if os.path.isdir(DR.format('id')) else []
lo_pages = sorted(p for p in lo_gold if os.path.exists(os.path.join(LO, 'id', p)) and
                  os.path.exists(os.path.join(LO, 'en-US', p)))
step = max(1, len(lo_pages) // npages) if npages > 0 else 1
lo_pages = lo_pages[::step][:npages] if npages > 0 else lo_pages
print(f'\n== eval-html: Debian documentation as HTML ({len(lo_pages)} LibreOffice help page pairs'
      f' of {len(lo_gold)}, every {step}th; Debian Reference)')
print(f'{"set":28} {"tool":11} {"paragraph recall":>18} {"chrome leaks":>13} {"ms/page":>8}')


def doc_eval(label, lang, files, gold_paras):
    """files: page paths; gold_paras: per page (or one pooled list) of gold texts."""
    ours_found = rd_found = total = ours_leaks = rd_leaks = 0
    t0 = time.time()
    outs = {}
    for f in files:
        outs[f] = [norm(b['text']) for b in extract(f, lang)]
    ours_ms = 1000 * (time.time() - t0) / max(1, len(files))
    rdr = readability(files)
    rd_ms = sum(r['ms'] for r in rdr.values()) / max(1, len(files))
    pooled = isinstance(gold_paras, list)
    ours_all = ' \n '.join(' \n '.join(v) for v in outs.values()) if pooled else None
    rd_all = ' \n '.join(norm(r['text']) for r in rdr.values()) if pooled else None
    for f in files:
        chrome = chrome_of(f)
        ours_leaks += sum(1 for b in outs[f] if b in chrome)
        rlines = {norm(l) for l in rdr[f]['text'].split('\n')}
        rd_leaks += len(chrome & rlines)
        if not pooled:
            mine, theirs = ' \n '.join(outs[f]), norm(rdr[f]['title']) + ' \n ' + norm(rdr[f]['text'])
            for g in gold_paras[f]:
                total += 1
                ours_found += g in mine
                rd_found += g in theirs
    if pooled:
        for g in gold_paras:
            total += 1
            ours_found += g in ours_all
            rd_found += g in rd_all
    print(f'{label:28} {"selaras":11} {ours_found:>7}/{total:<6} {pct(ours_found, total)} {ours_leaks:>13} {ours_ms:8.1f}')
    print(f'{label:28} {"readability":11} {rd_found:>7}/{total:<6} {pct(rd_found, total)} {rd_leaks:>13} {rd_ms:8.1f}')


for lang, sub, col in (('id', 'id', 1), ('en', 'en-US', 2)):
    files = [os.path.join(LO, sub, p) for p in lo_pages]
    gold = {os.path.join(LO, sub, p): [r[col] for r in lo_gold[p] if r[col]] for p in lo_pages}
    doc_eval(f'libreoffice-help-{sub}', lang, files, gold)
for lang, col in (('id', 1), ('en', 2)):
    d = DR.format(lang)
    if not os.path.isdir(d):
        print(f'debian-reference-{lang}: not installed (scripts/install-deps)')
        continue
    files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(f'.{lang}.html'))
    # The gold came from the plain-text edition: list markers ("* ", "+ ") are not text of
    # the pages, and its ASCII-art tables are real <table>s there: those are left out.
    gold = [re.sub(r'^[*+o] ', '', r[col]) for r in dr_gold
            if r[col] and not r[col].startswith(('+--', '|'))]
    doc_eval(f'debian-reference-{lang}', lang, files, gold)


# ---- 3. LibreOffice help pages paired and aligned end to end ----
print('\n== eval-html: LibreOffice help pages (id, en-US) read as HTML, paired by `selaras pair`, '
      'then aligned')
ids = [os.path.join(LO, 'id', p) for p in lo_pages]
ens = [os.path.join(LO, 'en-US', p) for p in lo_pages]
for name, lst in (('ids.txt', ids), ('ens.txt', ens)):
    with open(os.path.join(work, name), 'w') as f:
        f.write('\n'.join(lst) + '\n')
out = subprocess.run([cli, 'pair', '--from', 'id', '--to', 'en', '--source-list',
                      os.path.join(work, 'ids.txt'), '--target-list', os.path.join(work, 'ens.txt')],
                     capture_output=True, text=True)
if out.returncode not in (0, 5):
    raise SystemExit('selaras pair: ' + out.stderr)
paired = []
right = 0
for l in out.stdout.splitlines():
    a, b = l.split('\t')[:2]
    if a and b:
        paired.append((a, b))
        right += a[len(LO) + 3:] == b[len(LO) + 6:]
print(f'pairing: {len(paired)} pairs of {len(lo_pages)} page pairs, {right} right '
      f'(precision {pct(right, len(paired)).strip()}, recall {pct(right, len(lo_pages)).strip()})')
correct = located = beads = one_sided = 0
for fid, fen in paired:
    p = fid[len(LO) + 4:]
    if p != fen[len(LO) + 7:]:
        continue
    out = subprocess.run([cli, 'align', '--from', 'id', '--to', 'en', '--format', 'jsonl', fid, fen],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f'selaras align {p}: {out.stderr}')
    paras = lo_gold[p]
    for l in out.stdout.splitlines():
        b = json.loads(l)
        src, tgt = norm(b.get('source') or ''), norm(b.get('target') or '')
        beads += 1
        if not src or not tgt:
            one_sided += 1
            continue
        ids = {r[0] for r in paras if src in r[1]}
        ens = {r[0] for r in paras if tgt in r[2]}
        if not ids or not ens:
            continue
        located += 1
        correct += bool(ids & ens)
print(f'aligned pairs {right}  beads {beads}  one-sided {one_sided}  both sides in the gold '
      f'{located}  correct {correct} ({pct(correct, located).strip()} of located)')
