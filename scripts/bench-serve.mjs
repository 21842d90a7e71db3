// Load on `svgchat serve` (127.0.0.1 only): mixed reads and offline generations into a few sessions, N requests
// with C in flight. Prints ONE JSON line on stdout, last:
//   {"p95Ms": <number>, "requests": <n>, "errors": <5xx count>, "lostTurns": <n>, ...}
// `npm run bench` reads it; test/serve/load.test.ts runs a smaller load through runServeLoad().
// Usage: node scripts/bench-serve.mjs [--requests 2000] [--concurrency 20] [--sessions 5]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// The composer's seeded generator, so two runs send the same mix.
import { seededRandom as random } from '../dist/compose/random.js';

const PROMPTS = ['a red fox in a snowy forest', 'three blue birds on a wire', 'a lighthouse at night', 'a cat on a mat', 'a green apple and a pear', 'a house with a tree and a dog', 'make it bigger', 'add a yellow moon'];

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs the load against a server at `base` (http://127.0.0.1:PORT) and checks afterwards that every turn the
 * server said it made is in its session, with the same bytes.
 */
export async function runServeLoad({ base, requests = 2000, concurrency = 20, sessions = 5, generateShare = 0.2, seed = 1, headers = {} }) {
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1') throw new Error(`the load runs on 127.0.0.1 only, not ${url.hostname}`);
  const json = { ...headers, 'content-type': 'application/json' };
  const ids = [];
  for (let i = 0; i < sessions; i++) {
    const reply = await fetch(new URL('/api/sessions', base), { method: 'POST', headers: json, body: JSON.stringify({ name: `load-${i}-${seed}` }) });
    if (reply.status !== 201) throw new Error(`could not start session ${i}: HTTP ${reply.status} ${await reply.text()}`);
    ids.push((await reply.json()).id);
  }
  const made = ids.map(() => []); // per session: {turn, sha256} the server answered with
  const next = random(seed);
  const plan = Array.from({ length: requests }, (_, index) => ({ index, roll: next(), session: Math.floor(next() * sessions), pick: next() }));
  const latencies = [];
  const byKind = { read: [], generate: [] };
  const statuses = {};
  let errors = 0;
  let clientErrors = 0;
  let generations = 0;
  let cursor = 0;

  const one = async ({ index, roll, session, pick }) => {
    const id = ids[session];
    let method = 'GET';
    let target;
    let body;
    if (roll < generateShare) {
      method = 'POST';
      target = `/api/sessions/${id}/messages`;
      body = JSON.stringify({ prompt: PROMPTS[index % PROMPTS.length], seed: index });
    } else if (roll < generateShare + 0.25) target = `/api/sessions/${id}`;
    else if (roll < generateShare + 0.45) target = '/api/sessions';
    else if (roll < generateShare + 0.6 && made[session].length > 0) target = `/api/sessions/${id}/turns/${made[session][Math.floor(pick * made[session].length)].turn}/svg`;
    else if (roll < generateShare + 0.7) target = '/';
    else target = '/api/health';
    const started = performance.now();
    const reply = await fetch(new URL(target, base), { method, headers: body ? json : headers, body });
    const text = await reply.text();
    const elapsed = performance.now() - started;
    latencies.push(elapsed);
    byKind[method === 'POST' ? 'generate' : 'read'].push(elapsed);
    statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    if (reply.status >= 500) errors++;
    else if (reply.status >= 400) clientErrors++;
    if (method === 'POST' && reply.status === 201) {
      generations++;
      const turn = JSON.parse(text);
      made[session].push({ turn: turn.turn, sha256: turn.sha256 });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (cursor < plan.length) await one(plan[cursor++]);
  }));
  const seconds = (performance.now() - started) / 1000;

  // Every turn answered with a 201 must be in its session, with the same SVG; and nothing else may be there.
  let lostTurns = 0;
  let strayTurns = 0;
  for (const [i, id] of ids.entries()) {
    const session = await (await fetch(new URL(`/api/sessions/${id}`, base), { headers })).json();
    const stored = new Map(session.turns.map((turn) => [turn.id, turn.sha256]));
    for (const { turn, sha256 } of made[i]) if (stored.get(turn) !== sha256) lostTurns++;
    strayTurns += Math.max(0, session.turns.length - made[i].length);
  }
  const sorted = latencies.sort((a, b) => a - b);
  const round = (n) => Math.round(n * 10) / 10;
  const p95Of = (list) => round(percentile(list.sort((a, b) => a - b), 95));
  return { p95Ms: round(percentile(sorted, 95)), p50Ms: round(percentile(sorted, 50)), readP95Ms: p95Of(byKind.read), generateP95Ms: p95Of(byKind.generate), maxMs: round(sorted.at(-1) ?? 0), requests: latencies.length, errors, lostTurns, strayTurns, clientErrors, generations, concurrency, seconds: round(seconds), statuses, sessionIds: ids };
}

/** Starts the built binary on 127.0.0.1 and a free port, with a temp home; resolves with its URL. */
async function startServe(home) {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const env = { ...process.env, SVGCHAT_HOME: home, NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (key.startsWith('OPENAI_')) delete env[key];
  const child = spawn(process.execPath, [path.join(root, 'bin', 'svgchat.js'), 'serve', '--port', '0', '--quiet'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve(line.replace(/\/$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`svgchat serve exited with ${code} before listening`)));
  });
  const stop = () => new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
  return { base, stop };
}

function flag(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'svgchat-bench-serve-'));
  process.on('exit', () => fs.rmSync(home, { recursive: true, force: true }));
  const server = await startServe(home);
  let result;
  try {
    result = await runServeLoad({ base: server.base, requests: flag('requests', 2000), concurrency: flag('concurrency', 20), sessions: flag('sessions', 5) });
  } finally {
    const code = await server.stop();
    if (code !== 0) process.stderr.write(`bench-serve: the server exited with ${code} on SIGINT\n`);
    fs.rmSync(home, { recursive: true, force: true });
  }
  const { sessionIds, ...shown } = result;
  process.stderr.write(`bench-serve: ${result.requests} requests (${result.generations} generations) in ${result.seconds} s, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (reads ${result.readP95Ms} ms, generations ${result.generateP95Ms} ms), statuses ${JSON.stringify(result.statuses)}\n`);
  process.stdout.write(`${JSON.stringify(shown)}\n`);
}
