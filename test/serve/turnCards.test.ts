// Tables for the pure parts of the pages: branch markers on the tree of turns, score bands, which hosts
// need a token, and the gallery's HTML escaping and policy.
import { describe, expect, it } from 'vitest';
import { galleryCsp, galleryHtml, styleHash } from '../../src/pages/gallery.js';
import { GALLERY_CSS } from '../../src/pages/theme.js';
import { scoreBand, turnCards } from '../../src/pages/turnCards.js';
import { isDefaultLoopback } from '../../src/serve/guard.js';
import type { Session, Turn } from '../../src/store/schema.js';

function turn(id: string, parent: string | null, extra: Partial<Turn> = {}): Turn {
  return { id, parent, prompt: `prompt ${id}`, provider: 'offline', model: 'composer-1', seed: 1, svg: null, scene: null, score: 0.5, usage: null, durationMs: 10, candidates: [], error: null, at: '2025-05-01T10:00:00.000Z', ...extra };
}

function session(head: string | null, turns: Turn[]): Session {
  return { version: 2, id: 'abcd-1234', name: 'demo', title: 'demo', createdAt: '2025-05-01T10:00:00.000Z', updatedAt: '2025-05-01T10:00:00.000Z', settings: { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default' }, forkedFrom: null, head, turns };
}

const marks = (s: Session) => turnCards(s).map((card) => [card.id, card.isHead ? 'head' : card.onHeadPath ? 'path' : card.branch!.label]);

describe('branch markers', () => {
  it.each([
    ['a straight line', session('t3', [turn('t1', null), turn('t2', 't1'), turn('t3', 't2')]), [['t1', 'path'], ['t2', 'path'], ['t3', 'head']]],
    ['an undo then a new prompt', session('t3', [turn('t1', null), turn('t2', 't1'), turn('t3', 't1')]), [['t1', 'path'], ['t2', 'branch A, from t1'], ['t3', 'head']]],
    ['a reset then a new root', session('t3', [turn('t1', null), turn('t2', 't1'), turn('t3', null)]), [['t1', 'branch A, from the start'], ['t2', 'branch A, from the start'], ['t3', 'head']]],
    ['two branches, one nested', session('t5', [turn('t1', null), turn('t2', 't1'), turn('t3', 't2'), turn('t4', 't2'), turn('t5', 't1')]), [['t1', 'path'], ['t2', 'branch A, from t1'], ['t3', 'branch A, from t1'], ['t4', 'branch A, from t1'], ['t5', 'head']]],
    ['head in the middle after undo', session('t2', [turn('t1', null), turn('t2', 't1'), turn('t3', 't2')]), [['t1', 'path'], ['t2', 'head'], ['t3', 'branch A, from t2']]],
    ['reset with nothing after it', session(null, [turn('t1', null), turn('t2', 't1')]), [['t1', 'branch A, from the start'], ['t2', 'branch A, from the start']]],
  ])('%s', (_name, s, expected) => {
    expect(marks(s)).toEqual(expected);
  });

  it('letters go on past Z', () => {
    const turns = [turn('t1', null), ...Array.from({ length: 28 }, (_, i) => turn(`t${i + 2}`, 't1'))];
    const labels = turnCards(session('t1', turns)).map((card) => card.branch?.letter);
    expect(labels.slice(1, 4)).toEqual(['A', 'B', 'C']);
    expect(labels.slice(-3)).toEqual(['Z', 'AA', 'AB']);
  });
});

describe('score bands and hosts', () => {
  it.each([[null, 'none'], [0, 'low'], [0.39, 'low'], [0.4, 'mid'], [0.69, 'mid'], [0.7, 'high'], [1, 'high']] as const)('score %s is %s', (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });

  it.each([['127.0.0.1', true], ['localhost', true], ['LOCALHOST', true], ['::1', true], ['127.0.0.2', false], ['0.0.0.0', false], ['::', false], ['192.168.1.5', false]] as const)('%s needs no token: %s', (host, free) => {
    expect(isDefaultLoopback(host)).toBe(free);
  });
});

describe('gallery HTML', () => {
  it('escapes prompts and error messages, and pins its one stylesheet by hash', () => {
    const hostile = session('t2', [turn('t1', null, { prompt: '<img src=x onerror=alert(1)> & "quotes"', error: { code: 'x', message: '<script>alert(2)</script>' } }), turn('t2', 't1')]);
    const html = galleryHtml(hostile, () => undefined, '2025-05-01T10:00:00.000Z');
    expect(html).not.toMatch(/<img src=x|<script>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('<div class="image missing">&lt;script&gt;alert(2)&lt;/script&gt;</div>');
    expect(html).toContain(`content="${galleryCsp(GALLERY_CSS)}"`);
    expect(galleryCsp(GALLERY_CSS)).toBe(`default-src 'none'; img-src data:; style-src ${styleHash(GALLERY_CSS)}; base-uri 'none'; form-action 'none'`);
    expect(html).toContain(`<style>${GALLERY_CSS}</style>`);
  });
});
