// Builds the offline composer's icon library from three MIT packages:
//   @iconify-json/fluent-emoji-flat (drawings), emojibase-data and emojilib (keywords).
// Output: dist/data/icons.pack (icon bodies with path data rounded, concatenated),
// dist/data/icons.json (names, offsets into the pack, emoji) and dist/data/icons-index.json (the
// postings of a minisearch index: for every indexed term, the icons it finds and minisearch's score
// for each), so a run scores a query by summing postings, with no index to rebuild.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import MiniSearch from 'minisearch';
import { processTerm } from '../dist/compose/retrieve/terms.js';
import { minifyPathData } from '../dist/compose/draw/pathData.js';

const require = createRequire(import.meta.url);
export const INDEX_VERSION = 3;
// Skin-tone variants draw the same thing five more times; one drawing per concept is enough.
const VARIANT = /-(light|dark|medium|medium-light|medium-dark)$/;

export const searchOptions = {
  fields: ['name', 'keywords'],
  processTerm,
  idField: 'id',
};

function hexKey(hex) {
  return hex.toLowerCase().split('-').filter((part) => part !== 'fe0f').join('-');
}

/** Smaller bodies: rounded path data, short ids, no clip-rule (it does nothing without a clip path). */
function compactBody(body) {
  const ids = new Map();
  for (const match of body.matchAll(/\bid="([^"]+)"/g)) ids.set(match[1], `k${ids.size}`);
  let out = body.replace(/ d="([^"]+)"/g, (_, d) => ` d="${minifyPathData(d, 1)}"`).replace(/ clip-rule="[^"]*"/g, '');
  for (const [from, to] of ids) out = out.replaceAll(`"${from}"`, `"${to}"`).replaceAll(`#${from}"`, `#${to}"`).replaceAll(`#${from})`, `#${to})`);
  return out;
}

function words(text) {
  return String(text).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

export async function buildIconIndex(root, { force = false } = {}) {
  const iconsPath = require.resolve('@iconify-json/fluent-emoji-flat/icons.json');
  const charsPath = require.resolve('@iconify-json/fluent-emoji-flat/chars.json');
  const emojibasePath = require.resolve('emojibase-data/en/data.json');
  const emojilibPath = require.resolve('emojilib/dist/emoji-en-US.json');
  const outDir = path.join(root, 'dist', 'data');
  const metaOut = path.join(outDir, 'icons.json');
  const indexOut = path.join(outDir, 'icons-index.json');
  const packOut = path.join(outDir, 'icons.pack');
  const inputs = [iconsPath, charsPath, emojibasePath, emojilibPath, new URL(import.meta.url).pathname, path.join(root, 'dist', 'compose', 'retrieve', 'terms.js'), path.join(root, 'dist', 'compose', 'draw', 'pathData.js')];
  if (!force && fs.existsSync(metaOut) && fs.existsSync(packOut) && fs.existsSync(indexOut)) {
    const builtAt = fs.statSync(metaOut).mtimeMs;
    if (inputs.every((file) => fs.statSync(file).mtimeMs <= builtAt)) return { rebuilt: false, count: 0 };
  }

  const iconSet = JSON.parse(fs.readFileSync(iconsPath, 'utf8'));
  const chars = JSON.parse(fs.readFileSync(charsPath, 'utf8'));
  const emojibase = JSON.parse(fs.readFileSync(emojibasePath, 'utf8'));
  const emojilib = JSON.parse(fs.readFileSync(emojilibPath, 'utf8'));

  const hexByName = new Map();
  for (const [hex, name] of Object.entries(chars)) if (!hexByName.has(name)) hexByName.set(name, hexKey(hex));
  const emojibaseByHex = new Map();
  for (const entry of emojibase) {
    emojibaseByHex.set(hexKey(entry.hexcode), entry);
  }
  const emojilibByHex = new Map();
  for (const [emoji, keywords] of Object.entries(emojilib)) {
    const hex = [...emoji].map((c) => c.codePointAt(0).toString(16)).filter((h) => h !== 'fe0f').join('-');
    emojilibByHex.set(hex, keywords);
  }

  const icons = [];
  const bodies = [];
  const emojiIndex = {};
  let offset = 0;
  for (const [name, icon] of Object.entries(iconSet.icons)) {
    if (VARIANT.test(name)) continue;
    const hex = hexByName.get(name);
    const base = hex ? emojibaseByHex.get(hex) : undefined;
    const keywords = new Set();
    if (base) {
      for (const w of words(base.label)) keywords.add(w);
      for (const tag of base.tags ?? []) for (const w of words(tag)) keywords.add(w);
    }
    for (const keyword of (hex && emojilibByHex.get(hex)) ?? []) for (const w of words(keyword)) keywords.add(w);
    const compact = compactBody(icon.body);
    const body = Buffer.from(compact, 'utf8');
    // Flag 1: the drawing needs a clipPath, which the kaggle profile forbids.
    const flags = /<clipPath/.test(compact) ? 1 : 0;
    icons.push({
      id: icons.length,
      name,
      keywords: [...keywords].filter((w) => !words(name).includes(w)).join(' '),
      offset,
      length: body.length,
      width: icon.width ?? iconSet.width ?? 32,
      height: icon.height ?? iconSet.height ?? 32,
      group: base?.group ?? -1,
      subgroup: base?.subgroup ?? -1,
      flags,
    });
    bodies.push(body);
    offset += body.length;
    if (hex) emojiIndex[hex] = icons.length - 1;
  }

  const search = new MiniSearch(searchOptions);
  search.addAll(icons.map(({ id, name, keywords }) => ({ id, name: name.replace(/-/g, ' '), keywords })));
  // Postings: what minisearch finds for each single term, with its score (name boosted over keywords).
  // An AND query at run time intersects these and sums the scores, as minisearch itself does.
  const terms = new Set();
  for (const { name, keywords } of icons) for (const w of [...words(name), ...words(keywords)]) terms.add(processTerm(w));
  const postings = {};
  for (const term of [...terms].sort()) {
    const hits = search.search(term, { boost: { name: 4 }, prefix: false, fuzzy: false });
    postings[term] = hits.flatMap((hit) => [hit.id, Math.round(hit.score * 100) / 100]);
  }

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(packOut, Buffer.concat(bodies));
  const meta = {
    version: INDEX_VERSION,
    source: { icons: '@iconify-json/fluent-emoji-flat', keywords: ['emojibase-data', 'emojilib'], license: 'MIT' },
    icons: icons.map(({ name, offset: o, length, width, height, group, subgroup, flags }) => [name, o, length, width, height, group, subgroup, flags]),
    emoji: emojiIndex,
  };
  // The postings go in their own file: most prompts are answered by icon names and our concept
  // table alone, so a run parses the (larger) index only when it needs a keyword search.
  fs.writeFileSync(indexOut, JSON.stringify({ version: INDEX_VERSION, postings }));
  fs.writeFileSync(metaOut, JSON.stringify(meta));
  return { rebuilt: true, count: icons.length };
}
