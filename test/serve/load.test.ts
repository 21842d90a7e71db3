// A smaller run of scripts/bench-serve.mjs (the `npm run bench` load): 200 mixed requests, 20 at once, into 5
// sessions on 127.0.0.1. No 5xx, no 4xx, and every turn the server reported is on disk with its bytes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { runServeLoad } from '../../scripts/bench-serve.mjs';
import { sha256 } from '../../src/store/sessionStore.js';
import { startTestServer, type TestServer } from './serveHelpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

it('serves 200 mixed requests, 20 at once, with no 5xx and no lost turns', async () => {
  const result = await runServeLoad({ base: server.url, requests: 200, concurrency: 20, sessions: 5, seed: 7 });
  expect(result).toMatchObject({ requests: 200, errors: 0, clientErrors: 0, lostTurns: 0, strayTurns: 0 });
  expect(result.generations).toBeGreaterThanOrEqual(20);
  expect(result.p95Ms).toBeGreaterThan(0);
  // The store on disk agrees: as many turns as generations answered, each SVG file matching its record.
  const sessions = (result.sessionIds as string[]).map((id) => server.store.get(id));
  expect(sessions.reduce((sum, session) => sum + session.turns.length, 0)).toBe(result.generations);
  for (const session of sessions) {
    for (const turn of session.turns) expect(sha256(fs.readFileSync(path.join(server.store.dir, turn.svg!.path)))).toBe(turn.svg!.sha256);
    // Concurrent messages into one session chain up: each turn follows the one before it.
    expect(session.turns.map((turn) => turn.parent)).toEqual([null, ...session.turns.slice(0, -1).map((turn) => turn.id)]);
  }
}, 120_000);
