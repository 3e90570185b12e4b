// eval-tmx: parse a memory with the npm package tmexchange and look up every expected
// unit (NAME.expected.tsv) by its source text. Prints: keys matched expected.
// Usage: node tmx_check.cjs MODULE_DIR FILE.tmx EXPECTED.tsv SRC_LANG TGT_LANG
const path = require('path');
const fs = require('fs');
const [moduleDir, file, expectedPath, src, tgt] = process.argv.slice(2);
const tmx = require(path.join(moduleDir, 'node_modules', 'tmexchange'));
const expected = fs.readFileSync(expectedPath, 'utf8').split('\n').filter((l) => l !== '')
  .map((l) => l.split('\t'));
tmx.tmx2js(fs.readFileSync(file, 'utf8'), (err, res) => {
  if (err) {
    console.log('error', String(err));
    process.exit(1);
  }
  const keys = Object.keys(res.resources);
  let matched = 0;
  for (const [s, t] of expected) {
    const unit = res.resources[s];
    if (unit && unit[src] === s && unit[tgt] === t) matched++;
  }
  console.log(keys.length, matched, expected.length);
  process.exit(matched === expected.length && res.sourceLanguage === src ? 0 : 1);
});
