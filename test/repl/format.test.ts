import { describe, expect, it } from 'vitest';
import { sceneSummary, scoreSummary, sessionLines, turnLine } from '../../src/repl/format.js';
import type { ScoreReport } from '../../src/score/scoreSvg.js';
import type { Session, Turn } from '../../src/store/schema.js';

const turn = (extra: Partial<Turn>): Turn => ({ id: 't1', parent: null, prompt: 'a red fox', provider: 'offline', model: 'composer-1', seed: 1, svg: null, scene: null, score: 0.8123, usage: null, durationMs: 5, candidates: [], error: null, at: '2026-01-01T00:00:00.000Z', ...extra });

describe('REPL formatting', () => {
  it('sums items drawn the same way for the same reason, and names what nothing was found for', () => {
    const scene = {
      setting: 'forest', weather: 'snow', time: 'dusk', unmatched: ['zorblax'],
      items: [
        { concept: 'fox', source: 'icon:fox', color: '#ff0000', count: 1 },
        { concept: 'tree', source: 'icon:evergreen-tree', count: 3, prop: 'setting' },
        { concept: 'tree', source: 'icon:evergreen-tree', count: 2, prop: 'setting' },
        { concept: 'tree', source: 'icon:deciduous-tree', count: 2 },
        { concept: 'star', source: 'primitive:star', count: 1 },
      ],
    };
    expect(sceneSummary(scene)).toBe('placed: fox (icon fox, #ff0000) · tree ×5 (for the setting) · tree ×2 (icon deciduous-tree) · star (shape star) in the forest with snow at dusk\nno drawing found for: zorblax');
    expect(sceneSummary({ items: [], pattern: { kind: 'spiral' } })).toBe('placed: spiral pattern');
    expect(sceneSummary({ items: [], time: 'night' })).toBe('placed: nothing but the background at night');
    expect(sceneSummary({ items: [] })).toBe('placed: nothing but the background');
    expect(sceneSummary(null)).toBeUndefined();
  });

  it('puts a score report on one line', () => {
    const report: ScoreReport = {
      valid: true, profile: 'default', findings: [], bytes: 2100, score: 0.72,
      metrics: { craft: 0.64, blank: false },
      adherence: { score: 0.8, colors: 1, objects: 0.5, counts: null, colorChecks: [], items: [], missing: ['moon'] },
      judge: {},
    } as unknown as ScoreReport;
    expect(scoreSummary(report)).toBe('score 0.72 · craft 0.64 · adherence 0.80 (colours 1.00, objects 0.50; missing: moon) · 2.1 kB');
    expect(scoreSummary({ ...report, valid: false, score: 0, findings: [{ rule: 'profile', message: 'uses <text>' }], adherence: {} } as unknown as ScoreReport)).toBe('score 0.00 · invalid: uses <text> · craft 0.64 · 2.1 kB');
  });

  it('shows a turn as id, score and prompt on one line', () => {
    expect(turnLine(turn({ prompt: 'a red fox\nin the  snow' }))).toBe('t1   0.81  a red fox in the snow');
    // A prompt from an imported file cannot set the window title or clear the screen.
    expect(turnLine(turn({ prompt: 'a fox \x1b]0;pwned\x07 \x1b[2J' }))).toBe('t1   0.81  a fox \ufffd]0;pwned\ufffd \ufffd[2J');
    expect(turnLine(turn({ id: 't12', score: null, error: { code: 'no_svg', message: 'the reply held no SVG' } }))).toBe('t12  fail  a red fox  (the reply held no SVG)');
    expect(turnLine(turn({ prompt: 'x'.repeat(100) }), 20)).toBe(`t1   0.81  ${'x'.repeat(19)}…`);
  });

  it('lists sessions with the current one starred', () => {
    const session = (name: string, id: string, turns: number): Session => ({ version: 2, id, name, title: `about ${name}`, createdAt: '', updatedAt: '2026-03-04T05:06:07.000Z', settings: { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default' }, forkedFrom: null, head: null, turns: Array.from({ length: turns }, () => turn({})) });
    expect(sessionLines([session('fox', 'a', 1), session('zebra', 'b', 3)], 'b')).toEqual([
      '  fox    1 turn    2026-03-04 05:06  about fox',
      '* zebra  3 turns   2026-03-04 05:06  about zebra',
    ]);
  });
});
