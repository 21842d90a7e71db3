import { describe, expect, it } from 'vitest';
import { childrenOf, findTurn, latestChild, nextTurnNumber, pathTo, turnFileStem } from '../../src/store/tree.js';
import type { Turn } from '../../src/store/schema.js';

function turn(id: string, parent: string | null): Turn {
  return { id, parent, prompt: id, provider: 'offline', model: 'm', seed: null, svg: null, scene: null, score: null, usage: null, durationMs: 0, candidates: [], error: null, at: '2026-01-01T00:00:00.000Z' };
}

// t1 - t2 - t4        (t3 and t5 are later branches)
//    \ t3 - t5
// t6                  (a second root, after a reset)
const session = { turns: [turn('t1', null), turn('t2', 't1'), turn('t3', 't1'), turn('t4', 't2'), turn('t5', 't3'), turn('t6', null)] };

describe('the tree of turns', () => {
  it.each([
    ['t4', ['t1', 't2', 't4']],
    ['t5', ['t1', 't3', 't5']],
    ['t6', ['t6']],
    [null, []],
    ['t99', []],
  ])('path to %j', (id, expected) => {
    expect(pathTo(session, id).map((t) => t.id)).toEqual(expected);
  });

  it.each([
    ['t1', 't3'],
    ['t2', 't4'],
    [null, 't6'],
    ['t4', undefined],
  ])('redo from %j goes to the most recent child %j', (id, expected) => {
    expect(latestChild(session, id)?.id).toBe(expected);
  });

  it('children keep creation order', () => {
    expect(childrenOf(session, 't1').map((t) => t.id)).toEqual(['t2', 't3']);
  });

  it('next ids stay unique after gaps', () => {
    expect(nextTurnNumber(session)).toBe(7);
    expect(nextTurnNumber({ turns: [turn('t1', null), turn('t9', 't1')] })).toBe(10);
    expect(nextTurnNumber({ turns: [] })).toBe(1);
  });

  it.each([['t3', 't3'], ['3', 't3'], [3, 't3'], [' 5 ', 't5'], ['t0', undefined], ['x', undefined]] as const)('finds turn %j', (ref, expected) => {
    expect(findTurn(session, ref)?.id).toBe(expected);
  });

  it('file stems are zero padded', () => {
    expect([1, 42, 1000].map(turnFileStem)).toEqual(['001', '042', '1000']);
  });
});
