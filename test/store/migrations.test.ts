import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewerSchemaError, sessionFromDocument, sessionFromText, UnreadableSessionError } from '../../src/store/migrations.js';
import { repoRoot } from '../helpers/cli.js';

const v1 = JSON.parse(fs.readFileSync(path.join(repoRoot, 'sessions', 'v1', 'example-v1.json'), 'utf8'));
const v2 = JSON.parse(fs.readFileSync(path.join(repoRoot, 'sessions', 'v2', 'example-v2.json'), 'utf8'));

describe('reading session documents of any version', () => {
  it('upgrades version 1: same turns, no fork origin', () => {
    const { session, migratedFrom } = sessionFromDocument(v1);
    expect(migratedFrom).toBe(1);
    expect(session).toMatchObject({ version: 2, forkedFrom: null, name: v1.name, head: v1.head });
    expect(session.turns).toEqual(v1.turns);
  });

  it('reads version 2 as it is', () => {
    const { session, migratedFrom } = sessionFromDocument(v2);
    expect(migratedFrom).toBeNull();
    expect(JSON.parse(JSON.stringify(session))).toEqual(v2);
  });

  it.each([
    ['no version', { ...v2, version: undefined }, /no schema version/],
    ['a version as text', { ...v2, version: '2' }, /no schema version/],
    ['an array', [v2], /not a JSON object/],
    ['null', null, /not a JSON object/],
    ['a v1 file with a v2-only shape problem', { ...v1, turns: [{ ...v1.turns[0], id: 7 }] }, /version 1: turns\.0\.id/],
    ['an SVG path outside the sessions folder', { ...v2, turns: [{ ...v2.turns[0], svg: { ...v2.turns[0].svg, path: '../../etc/passwd' } }] }, /turns\.0\.svg\.path/],
    ['a parent that does not exist', { ...v2, turns: [{ ...v2.turns[0], parent: 't9' }], head: null }, /follows t9/],
    ['a duplicated turn id', { ...v2, turns: [v2.turns[0], v2.turns[0]], head: 't1' }, /appears twice/],
  ])('refuses %s as unreadable', (_, document, message) => {
    expect(() => sessionFromDocument(document)).toThrow(UnreadableSessionError);
    expect(() => sessionFromDocument(document)).toThrow(message);
  });

  it('leaves a newer version to the newer svgchat', () => {
    expect(() => sessionFromDocument({ ...v2, version: 3 })).toThrow(NewerSchemaError);
  });

  it.each([['', /empty/], ['{"version":', /not valid JSON/]])('text %j is unreadable', (text, message) => {
    expect(() => sessionFromText(text)).toThrow(message);
  });
});
