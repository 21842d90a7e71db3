// Scoring throughput: `svgchat score` on 200 files (the whole command: startup, validation, the render
// pool, metrics, JSON out) against rendering the same files with resvg directly, in this process, at the
// same 384x384 size. Both measured in one run, interleaved, median of 3. Last stdout line is JSON for
// scripts/bench.mjs: {ratio, scoreMs, renderMs, files}. Target: ratio <= 1.5.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'svgchat.js');
const FILES = 200;
const SIZE = 384;
const RUNS = 3;

/** A deterministic pseudo-random drawing: backdrop, gradient, shapes and curvy paths, 1-9 KB like real output. */
function drawing(index) {
  let state = (index + 1) * 2654435761;
  const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const colour = () => `#${Math.floor(random() * 0xffffff).toString(16).padStart(6, '0')}`;
  const n = (max) => Math.round(random() * max * 10) / 10;
  const parts = [`<defs><linearGradient id="g${index}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs>`, `<rect width="512" height="512" fill="url(#g${index})"/>`];
  const shapes = 5 + Math.floor(random() * 30);
  for (let i = 0; i < shapes; i++) {
    const kind = Math.floor(random() * 4);
    if (kind === 0) parts.push(`<circle cx="${n(512)}" cy="${n(512)}" r="${n(80)}" fill="${colour()}" opacity="${(0.4 + random() * 0.6).toFixed(2)}"/>`);
    else if (kind === 1) parts.push(`<rect x="${n(480)}" y="${n(480)}" width="${n(160)}" height="${n(160)}" rx="${n(20)}" fill="${colour()}"/>`);
    else if (kind === 2) parts.push(`<ellipse cx="${n(512)}" cy="${n(512)}" rx="${n(90)}" ry="${n(50)}" fill="${colour()}" stroke="${colour()}" stroke-width="${n(6)}"/>`);
    else {
      let d = `M${n(512)} ${n(512)}`;
      for (let k = 0; k < 4 + Math.floor(random() * 12); k++) d += ` C${n(512)} ${n(512)} ${n(512)} ${n(512)} ${n(512)} ${n(512)}`;
      parts.push(`<path d="${d} Z" fill="${colour()}" fill-rule="evenodd"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">${parts.join('')}</svg>`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function renderDirectly(files) {
  const started = performance.now();
  for (const file of files) {
    const image = new Resvg(fs.readFileSync(file, 'utf8'), { fitTo: { mode: 'width', value: SIZE }, font: { loadSystemFonts: false } }).render();
    if (image.pixels.length !== SIZE * SIZE * 4) throw new Error(`unexpected render size for ${file}`);
  }
  return performance.now() - started;
}

function scoreWithCli(files, home) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, 'score', '--json', ...files], { cwd: home, env: { ...process.env, SVGCHAT_HOME: home, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`svgchat score exited ${result.status}: ${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  if (lines.length !== files.length || lines.some((line) => !(JSON.parse(line).score > 0))) throw new Error('svgchat score did not score every file above 0');
  return elapsed;
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'svgchat-bench-score-'));
process.on('exit', () => fs.rmSync(home, { recursive: true, force: true }));
const files = Array.from({ length: FILES }, (_, i) => {
  const file = path.join(home, `drawing-${String(i).padStart(3, '0')}.svg`);
  fs.writeFileSync(file, drawing(i));
  return file;
});
const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);

const renderTimes = [];
const scoreTimes = [];
renderDirectly(files.slice(0, 20)); // warm resvg and the file cache
for (let run = 0; run < RUNS; run++) {
  renderTimes.push(renderDirectly(files));
  scoreTimes.push(scoreWithCli(files, home));
}
const renderMs = median(renderTimes);
const scoreMs = median(scoreTimes);
fs.rmSync(home, { recursive: true, force: true });
process.stderr.write(`bench-score: ${FILES} files (${(bytes / FILES / 1000).toFixed(1)} kB average): svgchat score ${scoreMs.toFixed(0)} ms, resvg directly ${renderMs.toFixed(0)} ms, ratio ${(scoreMs / renderMs).toFixed(2)} (target <= 1.5)\n`);
process.stdout.write(`${JSON.stringify({ ratio: scoreMs / renderMs, scoreMs, renderMs, files: FILES })}\n`);
