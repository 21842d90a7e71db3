// Streaming overhead of the openai provider: from the moment gen asks the provider for an SVG to the first
// token it reports, minus the fake server's own time to first byte (request received -> first byte written).
// What is left is svgchat's part: building the prompt (few-shot retrieval included), the SDK, HTTP on
// 127.0.0.1 and SSE parsing. A bare fetch of the same stream is measured alongside, in the same run, as the
// floor. Median of warm runs; the first (cold) run is reported apart. Last stdout line is JSON for
// scripts/bench.mjs: {overheadMs, p90Ms, coldMs, fetchOverheadMs, runs}. Target: overheadMs <= 20.
// Needs a build (dist/) and Node >= 23.6, which runs the TypeScript fake server directly.
import { OpenAIProvider } from '../dist/providers/openai.js';
import { SIMPLE_SVG, startFakeOpenAI } from '../test/fakes/openai-server.ts';

const RUNS = 40;
const SERVER_DELAY_MS = 25;

const server = await startFakeOpenAI();
server.fallback = { type: 'reply', content: SIMPLE_SVG, chunkChars: 8, firstByteDelayMs: SERVER_DELAY_MS };
const provider = new OpenAIProvider({ baseUrl: server.url, apiKey: '', timeout: 10_000 });
const request = { prompt: 'a red fox in a snowy forest', seed: 1, width: 512, height: 512, profile: 'default', model: 'bench', history: [] };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];

/** Time to the first reported token, minus the server's own time to first byte for that request. */
async function providerOverhead() {
  const before = server.requests.length;
  const started = performance.now();
  let firstToken;
  const run = provider.generate(request, new AbortController().signal);
  for (let step = await run.next(); !step.done; step = await run.next()) {
    if (step.value.type === 'tokens' && firstToken === undefined) firstToken = performance.now();
  }
  const served = server.requests[before];
  return firstToken - started - (served.firstByteAt - served.receivedAt);
}

/** The same for a bare fetch of the stream: the floor any client pays on this machine. */
async function fetchOverhead() {
  const before = server.requests.length;
  const started = performance.now();
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'bench', stream: true, messages: [{ role: 'user', content: request.prompt }] }),
  });
  const reader = response.body.getReader();
  await reader.read();
  const firstChunk = performance.now();
  while (!(await reader.read()).done);
  const served = server.requests[before];
  return firstChunk - started - (served.firstByteAt - served.receivedAt);
}

const coldMs = await providerOverhead();
await fetchOverhead();
const ours = [];
const floor = [];
// Interleaved, so a busy moment on the machine hits both alike.
for (let i = 0; i < RUNS; i++) {
  ours.push(await providerOverhead());
  floor.push(await fetchOverhead());
}
await server.close();

const result = { overheadMs: median(ours), p90Ms: quantile(ours, 0.9), coldMs, fetchOverheadMs: median(floor), runs: RUNS };
process.stderr.write(
  `bench-stream: first token ${result.overheadMs.toFixed(1)} ms after the server's first byte (median of ${RUNS}, p90 ${result.p90Ms.toFixed(1)} ms; ` +
    `cold first run ${coldMs.toFixed(1)} ms; bare fetch ${result.fetchOverheadMs.toFixed(1)} ms) — target <= 20 ms\n`,
);
process.stdout.write(`${JSON.stringify(result)}\n`);
