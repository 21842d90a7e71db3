// The repo's sessions/ folder holds one example session per schema version, as that version wrote it.
// Every one must still load through the current code, SVGs and all.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import { repoRoot, tempHome } from '../helpers/cli.js';
import { draft } from './helpers/drafts.js';

const examples = path.join(repoRoot, 'sessions');
const versions = fs.readdirSync(examples).filter((entry) => /^v\d+$/.test(entry)).map((entry) => Number(entry.slice(1))).sort((a, b) => a - b);

/** A home whose sessions folder is a copy of sessions/v<N>/. */
function homeWith(version: number) {
  const home = tempHome();
  fs.cpSync(path.join(examples, `v${version}`), path.join(home, 'sessions'), { recursive: true });
  const warnings: string[] = [];
  return { store: new SessionStore(home, { onWarning: (message) => warnings.push(message) }), warnings };
}

describe('example sessions', () => {
  it('there is one for every schema version', () => {
    expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it.each(versions)('version %i loads through the current code, every SVG matching its sha256', (version) => {
    const { store, warnings } = homeWith(version);
    const names = store.names();
    expect(names).toHaveLength(1);
    const raw = JSON.parse(fs.readFileSync(store.fileOf(names[0]), 'utf8'));
    expect(raw.version).toBe(version);
    const session = store.get(names[0]);
    expect(warnings).toEqual([]);
    expect(session.version).toBe(SCHEMA_VERSION);
    expect(session.turns.length).toBeGreaterThan(0);
    expect(session.turns.map((t) => t.prompt)).toEqual(raw.turns.map((t: { prompt: string }) => t.prompt));
    for (const turn of session.turns) {
      const bytes = fs.readFileSync(store.svgFile(turn.svg!));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(turn.svg!.sha256);
      expect(bytes.toString()).toMatch(/^<svg[^>]*viewBox=/);
    }
  });

  it.each(versions)('version %i takes new turns, forks and renames, and is then written as the current version', (version) => {
    const { store } = homeWith(version);
    const [name] = store.names();
    const before = store.get(name);
    const { turn } = store.appendTurn(name, draft('one more'));
    expect(turn.parent).toBe(before.head);
    const written = JSON.parse(fs.readFileSync(store.fileOf(name), 'utf8'));
    expect(written.version).toBe(SCHEMA_VERSION);
    expect(written.turns.slice(0, before.turns.length)).toEqual(JSON.parse(JSON.stringify(before.turns)));
    expect(store.fork(name, { turn: 1 }).turns).toHaveLength(1);
    expect(store.rename(name, 'renamed').turns[0].svg!.path).toBe('renamed/001.svg');
  });
});
