// Concept coverage of the offline composer on a public prompt list (e.g. PartiPrompts.tsv):
//   node scripts/concept-coverage.mjs <file> [--verbose] [--json]
// For each prompt, an independent tagger (compromise) finds the nouns. A prompt counts when every
// noun names something the icon set knows (an icon's name or one of its emoji keywords); it is
// covered when every such noun was placed: an item whose words include it, drawn from the icon set
// or as an asked-for shape (a stand-in blob does not count), or the scene's setting ("a forest").
// Reads .tsv (a "Prompt" column), .jsonl ({"prompt"}) or plain text (one prompt a line).
// Uses the built composer in dist/ (run `npm run build` first).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = (file) => import(path.join(root, 'dist', file));
const { compose } = await dist('compose/compose.js');
const { loadIconLibrary } = await dist('providers/iconData.js');
const { hashString } = await dist('compose/random.js');
const { singular } = await dist('compose/retrieve/terms.js');
const { SETTINGS, TIMES, WEATHER } = await dist('compose/parse/lexicon.js');

// Nouns that name the picture, a part of it or a quantity rather than a thing in it.
const NOT_OBJECTS = new Set(('photo photograph picture image painting drawing illustration sketch render rendering style view ' +
  'shot closeup close-up portrait background foreground front back side top bottom middle center centre left right ' +
  'pair couple group bunch set lot lots piece slice kind type sort number shape color colour word words text letter ' +
  'letters one ones day night time morning evening afternoon art artwork design pattern version scene cartoon logo ' +
  'close detail details way thing things something anything lens angle perspective frame sunlight light shadow family ' +
  'meaning pile stack herd team flock swarm crowd bunch').split(' '));

function readPrompts(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.jsonl')) return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).prompt);
  if (file.endsWith('.tsv')) {
    const [header, ...rows] = text.split('\n').filter((l) => l.trim());
    const column = header.split('\t').findIndex((h) => h.trim().toLowerCase() === 'prompt');
    return rows.map((row) => row.split('\t')[Math.max(0, column)]);
  }
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** The nouns of a prompt (compounds like "teddy bear" kept whole when the icon set has them). */
function nounsOf(prompt, iconNames) {
  const terms = nlp(prompt).terms().json().map((t) => t.terms[0]);
  const nouns = [];
  let run = [];
  const flush = () => {
    if (run.length === 0) return;
    const words = run.flatMap((w) => w.split(' ')).map((w) => singular(w));
    const whole = words.join('-');
    nouns.push(iconNames.has(whole) ? words.join(' ') : words.at(-1));
    run = [];
  };
  for (const term of terms) {
    const word = term.normal.replace(/[^a-z0-9 -]/g, '').replace(/-/g, ' ').trim();
    // The tagger's nouns, less what it also calls a verb, gerund, adjective or function word.
    const isNoun = term.tags.includes('Noun') && !['Pronoun', 'Value', 'Gerund', 'Verb', 'Adjective', 'Possessive', 'Preposition', 'Conjunction', 'Determiner', 'Adverb'].some((tag) => term.tags.includes(tag)) && word.length > 1 && !(word.endsWith('ing') && !iconNames.has(word));
    if (isNoun && !NOT_OBJECTS.has(word) && !NOT_OBJECTS.has(singular(word))) run.push(word);
    else flush();
  }
  flush();
  return [...new Set(nouns)];
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/concept-coverage.mjs <prompts.tsv|.jsonl|.txt> [--verbose] [--json]');
  process.exit(2);
}
const verbose = process.argv.includes('--verbose');
const library = loadIconLibrary();
const meta = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'data', 'icons.json'), 'utf8'));
const iconNames = new Set(meta.icons.map((row) => row[0]));
// Every term the icon search knows: words of icon names and of their emoji keywords.
const vocabulary = new Set(Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'dist', 'data', 'icons-index.json'), 'utf8')).postings));
const known = (noun) => iconNames.has(noun.replace(/ /g, '-')) || noun.split(' ').every((w) => vocabulary.has(singular(w)));

const prompts = readPrompts(file);
const started = performance.now();
let eligible = 0;
let covered = 0;
const misses = [];
for (const prompt of prompts) {
  const nouns = nounsOf(prompt, iconNames);
  if (nouns.length === 0 || !nouns.every(known)) continue;
  eligible++;
  const { scene } = compose(prompt, { library, seed: hashString(prompt), width: 512, height: 512 });
  const drawn = scene.items.filter((item) => !item.prop && item.source !== 'primitive:blob').map((item) => item.concept.split(' ').map(singular));
  const missing = nouns.filter((noun) => {
    const words = noun.split(' ').map(singular);
    if (drawn.some((concept) => words.every((w) => concept.includes(w)))) return false;
    // Drawn as the scene itself: a setting ("a forest"), a time ("a sunset"), weather ("fog"), a pattern ("concentric circles").
    const last = words.at(-1);
    if (scene.setting && SETTINGS[last] !== undefined && (SETTINGS[last] === scene.setting || scene.setting === 'underwater')) return false;
    if ((scene.time && TIMES[last] === scene.time) || (scene.weather && WEATHER[last] === scene.weather)) return false;
    return !(scene.pattern && (scene.pattern.shape === last || singular(scene.pattern.kind) === last || new RegExp(`^${scene.pattern.kind}`).test(last)));
  });
  if (missing.length === 0) covered++;
  else misses.push({ prompt, missing, placed: scene.items.filter((i) => !i.prop).map((i) => `${i.concept}=${i.source}`) });
}
const result = { file: path.basename(file), prompts: prompts.length, eligible, covered, coverage: eligible ? Math.round((covered / eligible) * 1000) / 1000 : null, ms: Math.round(performance.now() - started) };
if (process.argv.includes('--json')) console.log(JSON.stringify({ ...result, misses }));
else {
  if (verbose) for (const miss of misses) console.log(`miss: ${miss.prompt}\n      missing ${miss.missing.join(', ')}; placed ${miss.placed.join(', ') || 'nothing'}`);
  console.log(`concept coverage: ${covered}/${eligible} prompts whose objects are all in the icon set had every object placed (${(result.coverage * 100).toFixed(1)}%); ${prompts.length} prompts read, ${result.ms} ms`);
}
