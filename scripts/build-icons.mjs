// Builds the offline composer's icon library from three MIT packages:
//   @iconify-json/fluent-emoji-flat (drawings), emojibase-data and emojilib (keywords).
// Output: dist/data/icons.pack (icon bodies, concatenated) and dist/data/icons.json
// (offsets into the pack, keywords, and a prebuilt minisearch index), so that a run
// reads one small JSON file and a slice of the pack instead of 9 MB of JSON.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import MiniSearch from 'minisearch';
import { processTerm } from '../dist/compose/terms.js';

const require = createRequire(import.meta.url);
export const INDEX_VERSION = 1;
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
  const packOut = path.join(outDir, 'icons.pack');
  const inputs = [iconsPath, charsPath, emojibasePath, emojilibPath, new URL(import.meta.url).pathname, path.join(root, 'dist', 'compose', 'terms.js')];
  if (!force && fs.existsSync(metaOut) && fs.existsSync(packOut)) {
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
    const body = Buffer.from(icon.body, 'utf8');
    icons.push({
      id: icons.length,
      name,
      keywords: [...keywords].filter((w) => !words(name).includes(w)).join(' '),
      offset,
      length: body.length,
      width: icon.width ?? iconSet.width ?? 32,
      height: icon.height ?? iconSet.height ?? 32,
      group: base?.group ?? -1,
    });
    bodies.push(body);
    offset += body.length;
  }

  const search = new MiniSearch(searchOptions);
  search.addAll(icons.map(({ id, name, keywords }) => ({ id, name: name.replace(/-/g, ' '), keywords })));

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(packOut, Buffer.concat(bodies));
  const meta = {
    version: INDEX_VERSION,
    source: { icons: '@iconify-json/fluent-emoji-flat', keywords: ['emojibase-data', 'emojilib'], license: 'MIT' },
    icons: icons.map(({ name, keywords, offset: o, length, width, height, group }) => [name, keywords, o, length, width, height, group]),
    index: search.toJSON(),
  };
  fs.writeFileSync(metaOut, JSON.stringify(meta));
  return { rebuilt: true, count: icons.length };
}
