// Session append cost at 1,000 turns vs 10 (issue 4): builds both sessions with the real store, then
// times further appends to each, interleaved. Prints one JSON line: {ratio, bigMs, smallMs}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SessionStore } from '../dist/store/sessionStore.js';
import { median } from './bench/measure.mjs';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'svgchat-bench-append-'));
process.on('exit', () => fs.rmSync(home, { recursive: true, force: true }));
const store = new SessionStore(home);
const settings = { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default' };
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="#eee"/>${'<circle cx="256" cy="256" r="100" fill="#f00"/>'.repeat(20)}</svg>`;
const scene = { version: 1, width: 512, height: 512, background: '#eee', items: [{ id: 'i1', concept: 'fox', source: 'icon:fox', count: 1, bbox: [100, 100, 300, 300] }], unmatched: [] };
const draft = (n) => ({ prompt: `a fox, take ${n}`, provider: 'offline', model: 'composer-1', seed: n, svg, scene, score: 0.5, usage: null, durationMs: 3, candidates: [], error: null });

function build(name, turns) {
  store.create({ name, settings });
  for (let i = 0; i < turns; i++) store.appendTurn(name, draft(i));
}

build('small', 10);
build('big', 1000);
const small = [];
const big = [];
for (let i = 0; i < 40; i++) {
  let t = performance.now();
  store.appendTurn('small', draft(i));
  small.push(performance.now() - t);
  t = performance.now();
  store.appendTurn('big', draft(i));
  big.push(performance.now() - t);
}
const smallMs = median(small);
const bigMs = median(big);
fs.rmSync(home, { recursive: true, force: true });
console.log(JSON.stringify({ ratio: bigMs / smallMs, bigMs, smallMs }));
