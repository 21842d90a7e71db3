// Edits by conversation through the real pipeline: gen -s appends a turn whose scene edits the last one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { genCommand } from '../../src/commands/gen.js';
import { OfflineProvider } from '../../src/providers/offline.js';
import { tempHome } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';
import { renderPixels, shareOfHue } from '../helpers/pixels.js';

interface Item { concept: string; source: string; color: string | null; count: number; bbox: number[] }

async function say(home: string, prompt: string): Promise<{ items: Item[]; svg: string; stderr: string }> {
  const { ctx, stdout, stderr } = fakeContext(home);
  await genCommand(ctx, [prompt], { session: 'chat', json: true, seed: '3' });
  const result = JSON.parse(stdout());
  return { items: result.scene.items, svg: result.svg, stderr: stderr() };
}

describe('edits in a session', () => {
  it('change only what was asked, turn after turn, and keep the scene on each turn', async () => {
    const home = tempHome();
    const first = await say(home, 'a fox, a tree and a dog');
    expect(first.items.map((i) => i.concept)).toEqual(['fox', 'tree', 'dog']);

    const blue = await say(home, 'make the fox blue');
    const fox = blue.items.find((i) => i.concept === 'fox')!;
    expect(fox.color).toBe('#0000ff');
    expect(fox.bbox).toEqual(first.items[0].bbox);
    expect(blue.items.filter((i) => i.concept !== 'fox')).toEqual(first.items.filter((i) => i.concept !== 'fox'));
    // (The fox is drawn to scale beside the tree, a little smaller than it, so it covers less of the picture.)
    expect(shareOfHue(renderPixels(blue.svg), 220, 250)).toBeGreaterThan(0.01);

    const moon = await say(home, 'add a moon');
    expect(moon.items.slice(0, 3)).toEqual(blue.items);
    expect(moon.items[3]).toMatchObject({ concept: 'moon', source: 'icon:crescent-moon' });

    const removed = await say(home, 'remove the tree');
    expect(removed.items.map((i) => i.concept)).toEqual(['fox', 'dog', 'moon']);
    expect(removed.items).toEqual(moon.items.filter((i) => i.concept !== 'tree'));

    const session = JSON.parse(fs.readFileSync(path.join(home, 'sessions', 'chat.json'), 'utf8'));
    expect(session.turns).toHaveLength(4);
    expect(session.turns.map((t: { scene: { version: number } }) => t.scene.version)).toEqual([2, 2, 2, 2]);
    // The stored plan stays small: a scene is a few hundred bytes, not the drawing.
    expect(JSON.stringify(session.turns[3].scene).length).toBeLessThan(2000);
  });

  it('a follow-up that names a new scene starts over', async () => {
    const home = tempHome();
    await say(home, 'a fox in a forest');
    const next = await say(home, 'a red car on a street');
    expect(next.items.map((i) => i.concept)).not.toContain('fox');
    expect(next.items[0]).toMatchObject({ concept: 'car', source: 'icon:automobile' });
  });

  it('ignores a stored scene it cannot read and draws the prompt afresh', async () => {
    const provider = new OfflineProvider();
    const run = provider.generate({ prompt: 'make the fox blue', seed: 1, width: 512, height: 512, profile: 'default', model: 'offline', history: [{ prompt: 'x', scene: { version: 1, items: 'garbage' } as never }] }, new AbortController().signal);
    let step = await run.next();
    while (!step.done) step = await run.next();
    expect(step.value.svg).toMatch(/^<svg /);
    expect(step.value.scene?.version).toBe(2);
  });
});
