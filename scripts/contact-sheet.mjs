// Draws a grid of offline compositions with their prompts underneath, for people to judge:
//   node scripts/contact-sheet.mjs [--out docs/contact-sheet.png] [--prompts file.txt] [--svg-dir DIR]
// Uses the built composer in dist/ (run `npm run build` first).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { compose } = await import(path.join(root, 'dist/compose/compose.js'));
const { loadIconLibrary } = await import(path.join(root, 'dist/providers/iconData.js'));
const { hashString } = await import(path.join(root, 'dist/compose/random.js'));

export const PROMPTS = [
  'a red fox in a snowy forest at dusk',
  'a red car',
  'a green apple',
  'three cats',
  'a puppy',
  'a blue sedan',
  'an oak tree',
  'a rocket in space',
  'a hot air balloon over the mountains',
  'a fire truck',
  'a teddy bear on a skateboard',
  'a dog next to a cat',
  'a bird above a house',
  'a city at night',
  'a lighthouse on a beach',
  'a turtle underwater',
  'two yellow ducks on a lake',
  'a cow and a pig on a farm',
  'five red balloons',
  'a light blue bicycle',
  'a dark green car',
  'a #ff8800 umbrella',
  'a pair of penguins in the snow',
  'a big elephant and a small mouse',
  'a cup of coffee on a table',
  'a pizza and a hamburger',
  'a robot in line art',
  'a pastel unicorn',
  'a neon guitar',
  'a monochrome castle',
  'an astronaut and the moon in space',
  'a sunflower in a garden',
  'a camel in the desert',
  'concentric circles',
  'a spiral of hexagons',
  'stripes in pastel colours',
  'a checkerboard',
  'a gradient sunset',
  'a mandala',
  'four stars around the moon',
];

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}

const out = path.resolve(option('--out', path.join(root, 'docs', 'contact-sheet.png')));
const promptFile = option('--prompts');
const svgDir = option('--svg-dir');
const prompts = promptFile ? fs.readFileSync(promptFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : PROMPTS;
const library = loadIconLibrary();
const tile = 220;
const label = 36;
const columns = 8;
const rows = Math.ceil(prompts.length / columns);
const font = createRequire(import.meta.url).resolve('open-sans-fonts/open-sans/Regular/OpenSans-Regular.ttf');
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let cells = '';
prompts.forEach((prompt, i) => {
  const { svg } = compose(prompt, { library, seed: hashString(prompt), width: 512, height: 512 });
  if (svgDir) {
    fs.mkdirSync(svgDir, { recursive: true });
    fs.writeFileSync(path.join(svgDir, `${String(i + 1).padStart(2, '0')}.svg`), svg);
  }
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: tile }, font: { loadSystemFonts: false } }).render().asPng();
  const x = (i % columns) * tile;
  const y = Math.floor(i / columns) * (tile + label);
  const words = prompt.length > 34 ? [prompt.slice(0, prompt.lastIndexOf(' ', 34)), prompt.slice(prompt.lastIndexOf(' ', 34) + 1)] : [prompt];
  cells += `<image x="${x + 4}" y="${y + 4}" width="${tile - 8}" height="${tile - 8}" href="data:image/png;base64,${png.toString('base64')}"/>`;
  cells += words.map((line, k) => `<text x="${x + tile / 2}" y="${y + tile + 10 + k * 14}" font-size="12" text-anchor="middle" font-family="Open Sans">${k === 0 ? `${i + 1}. ` : ''}${escape(line)}</text>`).join('');
});
const sheet = `<svg xmlns="http://www.w3.org/2000/svg" width="${columns * tile}" height="${rows * (tile + label)}"><rect width="100%" height="100%" fill="#fff"/>${cells}</svg>`;
const png = new Resvg(sheet, { font: { loadSystemFonts: false, fontFiles: [font], defaultFontFamily: 'Open Sans' } }).render().asPng();
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.error(`contact sheet: ${prompts.length} prompts -> ${path.relative(process.cwd(), out)}`);
