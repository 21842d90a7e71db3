import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../src/score/present.js';
import { adherenceScore, craftScore, harmonicMean, judgeScore, ocrFactor, offlineScore } from '../../src/score/formula.js';

describe('craft score', () => {
  it.each([
    // coverage, colours, contrast, elements, path commands -> expected (terms worked out by hand)
    [{ coverage: 0, colors: 0, contrast: 0, elements: 1, pathCommands: 0 }, 0],
    [{ coverage: 0.5, colors: 5, contrast: 0.3, elements: 20, pathCommands: 400 }, 1],
    // 0.35*(0.075/0.15) + 0.25*(1/3) + 0.25*(0.1/0.2) + 0.15*((3-1+20/10)/6) = 0.175 + 0.08333 + 0.125 + 0.1
    [{ coverage: 0.075, colors: 1, contrast: 0.1, elements: 3, pathCommands: 20 }, 0.48333],
  ])('%o -> %d', (input, expected) => {
    expect(craftScore(input)).toBeCloseTo(expected, 4);
  });
});

describe('offline score', () => {
  it('is 0 for invalid or blank SVGs whatever the rest says', () => {
    expect(offlineScore({ valid: false, blank: false, craft: 0.9, adherence: 1 })).toBe(0);
    expect(offlineScore({ valid: true, blank: true, craft: 0.9, adherence: 1 })).toBe(0);
  });

  it('is craft alone when nothing to adhere to, half and half otherwise', () => {
    expect(offlineScore({ valid: true, blank: false, craft: 0.8, adherence: null })).toBe(0.8);
    expect(offlineScore({ valid: true, blank: false, craft: 0.8, adherence: 0.5 })).toBe(0.65);
  });

  it('averages only the adherence parts that apply', () => {
    expect(adherenceScore({ colors: null, objects: null, counts: null })).toBeNull();
    expect(adherenceScore({ colors: 0, objects: 1, counts: null })).toBe(0.5);
    expect(adherenceScore({ colors: 0.5, objects: 1, counts: 0 })).toBe(0.5);
  });
});

describe('Kaggle judge formula', () => {
  it('is the F-beta harmonic mean with beta 0.5', () => {
    // (1.25 * 0.75 * 0.6) / (0.25 * 0.75 + 0.6) = 0.5625 / 0.7875
    expect(harmonicMean(0.75, 0.6)).toBeCloseTo(0.714286, 5);
    expect(harmonicMean(1, 1)).toBe(1);
    expect(harmonicMean(0, 0)).toBe(0);
    expect(harmonicMean(0, 0.9)).toBe(0);
  });

  it('weighs VQA more than aesthetics', () => {
    expect(harmonicMean(0.9, 0.3)).toBeGreaterThan(harmonicMean(0.3, 0.9));
  });

  it('penalises text beyond four letters', () => {
    expect(ocrFactor(false, 50)).toBe(1);
    expect(ocrFactor(true, 3)).toBe(1);
    expect(ocrFactor(true, 4)).toBe(1);
    expect(ocrFactor(true, 6)).toBeCloseTo(Math.exp(-2), 10);
  });

  it('multiplies: hm(0.75, 0.6) * exp(-1) = 0.2628', () => {
    expect(judgeScore({ vqa: 0.75, aesthetic: 0.6, ocr: ocrFactor(true, 5) })).toBe(0.2628);
  });
});

describe('summary line', () => {
  const base = { valid: true, profile: 'default' as const, findings: [], bytes: 100, judge: {}, score: 0.8312 };
  const adherence = { score: 0.5, colors: 0.5, objects: 1, counts: null, colorChecks: [{ color: '#ff0000', category: 'red', present: true, distance: 3, share: 0.2 }, { color: '#0000ff', category: 'blue', present: false, distance: 40, share: 0 }], items: [{ concept: 'fox', source: 'icon:fox', matched: true, count: 1, requestedCount: null }], missing: [] };

  it('says what a person would want to know about a turn in one line', () => {
    expect(summaryLine({ ...base, metrics: { blank: false, colors: 7, coverage: 0.414 }, adherence })).toBe('0.83 · 7 colours · coverage 41% · colours 1/2 · objects 1/1');
    expect(summaryLine({ ...base, score: 0, metrics: { blank: true }, adherence: {} })).toBe('0.00 · blank');
    expect(summaryLine({ ...base, valid: false, profile: 'kaggle', score: 0, findings: [{ rule: 'profile', message: 'removed <text>' }], metrics: {}, adherence: {} })).toBe('0.00 · invalid for kaggle: removed <text>');
  });
});
