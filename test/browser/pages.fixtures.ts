// Sessions for the page tests: one drawn by the offline composer with branches and a prompt that tries to
// break the layout, and one holding the hostile corpus (test/fixtures/xss) exactly as written, as if a
// session file had been tampered with: the pages must show it without running anything.
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../src/config/settings.js';
import { generateTurn } from '../../src/pipeline/generateTurn.js';
import type { Session } from '../../src/store/schema.js';
import type { SessionStore } from '../../src/store/sessionStore.js';

const OFFLINE: Settings = { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default', candidates: 1, timeout: 60_000, stream: true };

/** Long enough to wrap over several lines, with a word far wider than a phone screen. */
export const LONG_PROMPT = `a harbour at sunset with sailboats, gulls, a lighthouse and ${'x'.repeat(160)} written on a sign, plus a very long description that keeps going to see that the card text is clamped and wraps instead of stretching the grid`;

/** 9 turns: t1-t3 (branch A after a reset), t4-t8 on a second root, then the head back at t5 and t9 after it (t6-t8 become branch B). */
/** A new offline session, and a function that draws one prompt into it. */
function offlineSession(store: SessionStore, name: string) {
  const session = store.create({ name, settings: { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default' } });
  const signal = new AbortController().signal;
  return { session, draw: (prompt: string, seed: number) => generateTurn(store, session.id, { prompt, seed, settings: OFFLINE }, signal) };
}

export async function drawSampleSession(store: SessionStore, name: string): Promise<Session> {
  const { session, draw } = offlineSession(store, name);
  await draw('a red fox in a snowy forest at dusk', 1);
  await draw('make the fox smaller and add a moon', 2);
  await draw('three blue birds on a wire', 3);
  store.reset(session.id);
  await draw('a lighthouse at night', 4);
  await draw('a cat on a mat', 5);
  await draw(LONG_PROMPT, 6);
  await draw('a green apple and a pear', 7);
  await draw('a house with a garden, a tree and a dog', 8);
  store.setHead(session.id, 't5');
  await draw('add a yellow sun', 9);
  return store.get(session.id);
}

/** The README's picture: what a person's session looks like, with a branch (t5 redrawn from t4). */
export async function drawTourSession(store: SessionStore, name: string): Promise<Session> {
  const { session, draw } = offlineSession(store, name);
  await draw('a red fox in a snowy forest at dusk', 1);
  await draw('make the fox smaller and add a moon', 2);
  await draw('a lighthouse on a beach at night', 3);
  await draw('three blue birds on a wire', 4);
  await draw('a cat on a mat', 5);
  store.setHead(session.id, 't4');
  await draw('a hot air balloon over the mountains', 6);
  await draw('a green apple and a pear on a table', 7);
  await draw('a spiral of hexagons in pastel colours', 8);
  return store.get(session.id);
}

interface Fixture {
  file: string;
  family: string;
  expect: 'cleaned' | 'rejected';
  firesUnsanitized: boolean;
}

const xssDir = path.join(import.meta.dirname, '..', 'fixtures', 'xss');

/** The corpus files that run something when nothing cleans them. */
export interface HostileSvg {
  file: string;
  family: string;
  svg: string;
}

export function firingFixtures(): HostileSvg[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(xssDir, 'manifest.json'), 'utf8')) as Fixture[];
  return manifest.filter((f) => f.expect === 'cleaned' && f.firesUnsanitized).map((f) => ({ file: f.file, family: f.family, svg: fs.readFileSync(path.join(xssDir, f.file), 'utf8') }));
}

/** A session whose stored SVG files are the raw hostile ones: appendTurn stores what it is given. */
export function hostileSession(store: SessionStore, name: string): { session: Session; fixtures: HostileSvg[] } {
  const fixtures = firingFixtures();
  const session = store.create({ name, settings: { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default' } });
  for (const fixture of fixtures) {
    store.appendTurn(session.id, { prompt: `hostile: ${fixture.file}`, provider: 'offline', model: 'composer-1', seed: null, svg: fixture.svg, scene: null, score: null, usage: null, durationMs: 1, candidates: [], error: null });
  }
  const saved = store.get(session.id);
  // The files on disk really are the hostile ones.
  for (const [index, turn] of saved.turns.entries()) if (store.readSvg(turn.svg!) !== fixtures[index].svg) throw new Error(`turn ${turn.id} was changed on the way in`);
  return { session: saved, fixtures };
}
