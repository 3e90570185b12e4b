// Mozilla Readability (with jsdom) on HTML pages, for make eval-html and bench-html: reads
// a list of page paths from argv[3] (one per line), writes one JSON object per page to
// stdout ({"path", "title", "text", "ms"}). argv[2] is the folder holding node_modules.
'use strict';
const path = require('path');
const fs = require('fs');
const mods = path.join(process.argv[2], 'node_modules');
const { JSDOM, VirtualConsole } = require(path.join(mods, 'jsdom'));
const { Readability } = require(path.join(mods, '@mozilla/readability'));
const pages = fs.readFileSync(process.argv[3], 'utf8').split('\n').filter(Boolean);
const quiet = new VirtualConsole();
for (const p of pages) {
  const bytes = fs.readFileSync(p);
  const t0 = process.hrtime.bigint();
  // jsdom decodes the bytes by BOM, meta charset, then windows-1252, as a browser does.
  const dom = new JSDOM(bytes, { url: 'https://example.org/', virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({
    path: p, title: article ? article.title || '' : '', text: article ? article.textContent || '' : '', ms,
  }) + '\n');
}
