import { describe, expect, it } from 'vitest';
import { plainLine, table, toJson, type FileScore } from '../../src/score/present.js';

const plain = { bold: (t: string) => `*${t}*`, dim: (t: string) => `~${t}`, bad: (t: string) => `!${t}` };
const good: FileScore = {
  file: 'fox.svg', valid: true, profile: 'default', findings: [], bytes: 3390, score: 0.8295, judge: {},
  metrics: { blank: false, coverage: 0.6728, colors: 7, contrast: 0.1938, elements: 28, pathCommands: 206, craft: 0.99 },
  adherence: { score: 0.6667, colors: 0, objects: 1, counts: 1, colorChecks: [], items: [], missing: [] },
};
const bad: FileScore = {
  file: 'text.svg', valid: false, profile: 'kaggle', findings: [{ rule: 'profile', message: 'removed <text>: not allowed in the kaggle profile', element: 'text' }], bytes: 101, score: 0, judge: { model: 'm', error: 'the judge endpoint answered 500' },
  metrics: { blank: false, coverage: 0.0085, colors: 1, contrast: 0.0813, elements: 2, pathCommands: 0, craft: 0.23 },
  adherence: {},
};

describe('score output', () => {
  it('lays out a table with findings and judge errors under their row', () => {
    expect(table([good, bad], plain).split('\n')).toEqual([
      '*score  valid  cover  colours  contrast  elements  size    adherence  judge   file*',
      '0.83   yes    0.67   7        0.19      28        3.4 kB  0.67       -       fox.svg',
      '!0.00   no     0.01   1        0.08      2         101 B   -          failed  text.svg',
      '~    removed <text>: not allowed in the kaggle profile',
      '~    judge: the judge endpoint answered 500',
      '',
    ]);
  });

  it('prints score, verdict and file separated by tabs when not on a terminal', () => {
    expect([good, bad, { ...good, file: 'e.svg', score: 0, metrics: { blank: true } }].map(plainLine)).toEqual(['0.8295\tvalid\tfox.svg', '0.0000\tinvalid\ttext.svg', '0.0000\tblank\te.svg']);
  });

  it('gives the SPEC §6 keys in order, and error only when there is one', () => {
    expect(Object.keys(toJson(good))).toEqual(['file', 'valid', 'profile', 'findings', 'bytes', 'metrics', 'adherence', 'judge', 'score']);
    expect(toJson({ ...bad, error: { code: 'unreadable', message: 'cannot read it' } }).error).toEqual({ code: 'unreadable', message: 'cannot read it' });
  });
});
