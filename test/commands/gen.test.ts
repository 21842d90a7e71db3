import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { genCommand } from '../../src/commands/gen.js';
import { UsageError } from '../../src/errors.js';
import { fakeContext } from '../helpers/context.js';
import { tempHome } from '../helpers/cli.js';

describe('genCommand', () => {
  it('writes the SVG, records the turn and prints the path', async () => {
    const home = tempHome();
    const { ctx, stdout } = fakeContext(home);
    await genCommand(ctx, ['a', 'red', 'apple'], { output: 'apple.svg' });
    const file = path.join(home, 'apple.svg');
    expect(stdout()).toBe(`${file}\n`);
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
    const sessions = fs.readdirSync(path.join(home, 'sessions')).filter((f) => f.endsWith('.json'));
    expect(sessions).toHaveLength(1);
    const session = JSON.parse(fs.readFileSync(path.join(home, 'sessions', sessions[0]), 'utf8'));
    expect(session.turns).toHaveLength(1);
    expect(session.turns[0].prompt).toBe('a red apple');
    const stored = fs.readFileSync(path.join(home, 'sessions', session.turns[0].svg.path), 'utf8');
    expect(stored).toBe(svg);
    expect(session.turns[0].svg.sha256).toBe(createHash('sha256').update(svg).digest('hex'));
    expect(session.head).toBe(session.turns[0].id);
  });

  it('appends to a named session and returns SPEC §7 JSON', async () => {
    const home = tempHome();
    const first = fakeContext(home);
    await genCommand(first.ctx, ['a', 'cat'], { session: 'pets', json: true });
    const second = fakeContext(home);
    await genCommand(second.ctx, ['a', 'dog'], { session: 'pets', json: true, svg: false });
    const result = JSON.parse(second.stdout());
    expect(result).toMatchObject({ session: { name: 'pets' }, turn: 't2', prompt: 'a dog', provider: 'offline' });
    expect(result.svg).toBeUndefined();
    expect(result.scene.items[0]).toMatchObject({ concept: 'dog', source: 'icon:dog', count: 1 });
    expect(fs.readFileSync(result.file, 'utf8')).toContain('<svg');
    const session = JSON.parse(fs.readFileSync(path.join(home, 'sessions', 'pets.json'), 'utf8'));
    expect(session.turns.map((t: { parent: string | null }) => t.parent)).toEqual([null, 't1']);
  });

  it('is byte-identical for the same prompt and seed', async () => {
    const home = tempHome();
    const runs = await Promise.all([1, 2].map(async () => {
      const { ctx, stdout } = fakeContext(home);
      await genCommand(ctx, ['a', 'green', 'tree'], { output: '-', seed: '42' });
      return stdout();
    }));
    expect(runs[0]).toBe(runs[1]);
    expect(runs[0]).toContain('<svg');
  });

  it('refuses to run with no prompt on a terminal', async () => {
    const { ctx } = fakeContext(tempHome(), { tty: true });
    await expect(genCommand(ctx, [], {})).rejects.toBeInstanceOf(UsageError);
  });

  it('rejects a bad seed as a usage error', async () => {
    const { ctx } = fakeContext(tempHome());
    await expect(genCommand(ctx, ['cat'], { seed: 'abc' })).rejects.toThrow(/invalid --seed/);
  });
});
