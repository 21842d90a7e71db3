// The batch worker processes: every prompt answered once, files stored with their sha256, a stop drops nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runBatchPool, workerSlots } from '../../src/commands/batchPool.js';
import type { BatchItemResult } from '../../src/commands/batchItem.js';
import { parseBatchLine } from '../../src/pipeline/batchInput.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import { tempHome } from '../helpers/cli.js';

const settings = { provider: 'offline', model: 'composer-1', size: '256x256', profile: 'default', candidates: 1, timeout: 30, stream: false } as const;

describe('batch worker pool', () => {
  it('shares the prompts in flight over one process per core at most', () => {
    expect(workerSlots(2, 2)).toEqual([1, 1]);
    expect(workerSlots(1, 2)).toEqual([1]);
    expect(workerSlots(5, 2)).toEqual([3, 2]);
    expect(workerSlots(3, 8)).toEqual([1, 1, 1]);
  });

  it('answers every prompt once, with its session and SVG on disk', async () => {
    const home = tempHome();
    const prompts = ['a red fox', '{"prompt": "a cat", "session": "cats"}', '{broken', 'three blue birds', '{"prompt": "a dog", "session": "cats"}', 'a house at night'];
    const results: BatchItemResult[] = [];
    await runBatchPool({ home, items: prompts.map(parseBatchLine), options: { settings, outDir: path.join(home, 'out'), svg: false, score: false }, concurrency: 3, signal: new AbortController().signal, onResult: (r) => results.push(r) });
    expect(results.map((r) => r.index).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const byIndex = results.sort((a, b) => a.index - b.index).map((r) => JSON.parse(r.text));
    expect(byIndex[2].error.code).toBe('invalid_json');
    expect(results.filter((r) => r.failed).map((r) => r.index)).toEqual([2]);
    const store = new SessionStore(home);
    for (const result of byIndex.filter((r) => !r.error)) {
      expect(createHash('sha256').update(fs.readFileSync(result.file)).digest('hex')).toBe(result.sha256);
      const stored = store.get(result.session.name).turns.find((turn) => turn.id === result.turn)!;
      expect(createHash('sha256').update(store.readSvg(stored.svg!)).digest('hex')).toBe(result.sha256);
    }
    // Two prompts named the same session: both turns are in it, none lost.
    expect(store.get('cats').turns.map((turn) => turn.prompt).sort()).toEqual(['a cat', 'a dog']);
    expect(store.list()).toHaveLength(4);
  });

  it('resolves at once when stopped, and reports nothing afterwards', async () => {
    const home = tempHome();
    const controller = new AbortController();
    const results: BatchItemResult[] = [];
    const items = Array.from({ length: 400 }, (_, i) => parseBatchLine(`a tree number ${i}`, i));
    await runBatchPool({ home, items, options: { settings, svg: false, score: false }, concurrency: 2, signal: controller.signal, onResult: (r) => {
      results.push(r);
      if (results.length === 3) controller.abort();
    } });
    const count = results.length;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThan(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(results).toHaveLength(count);
    // Every session on disk is whole: readable, with its one turn and SVG.
    const store = new SessionStore(home);
    for (const session of store.list()) expect(session.turns).toHaveLength(1);
  });
});
