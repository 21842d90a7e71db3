import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, parseMarkdownExport, unescapeMarkdown } from '../../src/store/exchange.js';
import { sessionGallery } from '../../src/commands/view.js';
import { galleryCsp } from '../../src/pages/gallery.js';
import { GALLERY_CSS } from '../../src/pages/theme.js';
import { exportJson, exportMarkdown } from '../../src/store/exportSession.js';
import { importJsonExport } from '../../src/store/importSession.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import { tempHome } from '../helpers/cli.js';
import { draft, settings, svgFor } from './helpers/drafts.js';

let shared: SessionStore | undefined;
/** One sample for the tests that only read it (building one costs a few fsyncs per turn). */
function sharedSample(): SessionStore {
  shared ??= sampleStore();
  return shared;
}

function sampleStore() {
  const store = new SessionStore(tempHome());
  store.create({ name: 'fox', prompt: 'a red fox', settings });
  store.appendTurn('fox', draft('a red fox', { seed: 11, score: 0.8, candidates: [{ svg: svgFor('c1'), score: 0.8 }, { svg: svgFor('c2'), score: 0.3 }] }));
  store.appendTurn('fox', draft('make it *blue* <b>now</b>\n\n# not a heading\n1. not a list', { seed: 12 }));
  store.undo('fox');
  store.appendTurn('fox', draft('add a moon', { seed: 13 }));
  store.appendTurn('fox', draft('this one failed', { svg: null, error: { code: 'no_svg', message: 'the model sent prose' } }));
  return store;
}

function withoutExportTime(text: string) {
  const { exportedAt, ...rest } = JSON.parse(text);
  expect(exportedAt).toMatch(/^\d{4}-/);
  return rest;
}

describe('JSON export and import', () => {
  it('gives back an identical session: same turns, same SVG bytes and sha256', () => {
    const source = sharedSample();
    const exported = exportJson(source, source.get('fox'));
    const target = new SessionStore(tempHome());
    const { session, renamedFrom } = importJsonExport(target, exported);
    expect(renamedFrom).toBeUndefined();
    expect(session).toEqual(source.get('fox'));
    for (const turn of session.turns) {
      for (const ref of [...(turn.svg ? [turn.svg] : []), ...turn.candidates]) {
        expect(fs.readFileSync(target.svgFile(ref))).toEqual(fs.readFileSync(source.svgFile(ref)));
      }
    }
    expect(withoutExportTime(exportJson(target, target.get('fox')))).toEqual(withoutExportTime(exported));
  });

  it('takes a free name and a new id when both are taken, and keeps the bytes', () => {
    const store = sampleStore();
    const original = store.get('fox');
    const { session, renamedFrom } = importJsonExport(store, exportJson(store, original));
    expect(renamedFrom).toBe('fox');
    expect(session.name).toBe('fox-2');
    expect(session.id).not.toBe(original.id);
    expect(session.turns.map((t) => t.svg?.sha256)).toEqual(original.turns.map((t) => t.svg?.sha256));
    expect(session.turns[0].svg!.path).toBe('fox-2/001.svg');
    expect(() => importJsonExport(store, exportJson(store, original), { name: 'FOX' })).toThrow(/already exists/);
    expect(() => importJsonExport(store, exportJson(store, original), { name: '../up' })).toThrow(/not a path/);
    expect(importJsonExport(store, exportJson(store, original), { name: 'copy' }).session.name).toBe('copy');
  });

  it.each([
    ['not JSON', () => 'nope', /not JSON/],
    ['another format', () => '{"format":"other"}', /format/],
    ['a tampered SVG', (text: string) => text.replace('fill=\\"#c33\\"', 'fill=\\"#000\\"'), /does not match its sha256/],
    ['a missing SVG', (text: string) => JSON.stringify({ ...JSON.parse(text), svgs: {} }), /is missing/],
    ['an SVG path that escapes', (text: string) => text.replaceAll('fox/001.svg', '../../001.svg'), /session/],
  ])('refuses %s and writes nothing', (_, damage, message) => {
    const source = sharedSample();
    const target = new SessionStore(tempHome());
    expect(() => importJsonExport(target, damage(exportJson(source, source.get('fox'))))).toThrow(message);
    expect(target.list()).toEqual([]);
    expect(fs.existsSync(path.join(target.dir, 'fox'))).toBe(false);
  });
});

describe('JSON import of hostile SVGs', () => {
  const HOSTILE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10" fill="#c33"/></svg>';

  it('stores them sanitized, described by the stored bytes, and names the turns it cleaned', () => {
    const source = new SessionStore(tempHome());
    source.create({ name: 'fox', settings });
    source.appendTurn('fox', draft('clean', { seed: 1, score: 0.7 }));
    source.appendTurn('fox', draft('hostile', { seed: 2, svg: HOSTILE, score: 0.9 }));
    source.appendTurn('fox', draft('hostile candidate', { seed: 3, score: 0.6, candidates: [{ svg: HOSTILE, score: 0.2 }] }));
    const original = source.get('fox');
    const target = new SessionStore(tempHome());
    const { session, cleaned } = importJsonExport(target, exportJson(source, original));
    expect(cleaned.map((entry) => entry.turn)).toEqual(['t2', 't3']);
    expect(cleaned[0].removed.join('\n')).toMatch(/script/);
    expect(cleaned[0].removed.join('\n')).toMatch(/onload/);
    expect(session.turns[0].svg).toEqual(original.turns[0].svg);
    // Scores of drawings that cleaning changed are dropped (they scored the hostile version); the others stay.
    expect(session.turns.map((turn) => [turn.score, ...turn.candidates.map((c) => c.score)])).toEqual([[0.7], [null], [0.6, null]]);
    for (const ref of [session.turns[1].svg!, session.turns[2].candidates[0]]) {
      const stored = fs.readFileSync(target.svgFile(ref));
      expect(stored.toString()).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#c33"/></svg>');
      expect({ bytes: ref.bytes, sha256: ref.sha256 }).toEqual({ bytes: stored.byteLength, sha256: createHash('sha256').update(stored).digest('hex') });
    }
    // What was stored is what a later export hands on: it imports again with nothing left to clean.
    expect(importJsonExport(new SessionStore(tempHome()), exportJson(target, session)).cleaned).toEqual([]);
  });

  it('refuses an SVG the safety core cannot use, and writes nothing', () => {
    const source = new SessionStore(tempHome());
    source.create({ name: 'fox', settings });
    source.appendTurn('fox', draft('entity', { svg: '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>' }));
    const target = new SessionStore(tempHome());
    expect(() => importJsonExport(target, exportJson(source, source.get('fox')))).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/fox\/001\.svg of turn t1 cannot be used: .*DOCTYPE/) }));
    expect(target.list()).toEqual([]);
    expect(fs.existsSync(path.join(target.dir, 'fox'))).toBe(false);
  });
});

describe('Markdown export', () => {
  it('links every image to a file it hands over, and reads back prompts, tree and seeds', () => {
    const store = sharedSample();
    const session = store.get('fox');
    const { text, files } = exportMarkdown(store, session, 'fox_files');
    const links = [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => decodeURI(m[1]));
    expect(links).toEqual(['fox_files/001.svg', 'fox_files/002.svg', 'fox_files/003.svg']);
    expect(files.map((f) => f.name)).toEqual(['001.svg', '002.svg', '003.svg']);
    expect(files[1].bytes.toString()).toBe(store.readSvg(session.turns[1].svg!));
    expect(text).toContain('*No image: the model sent prose*');
    expect(text).not.toMatch(/<b>/);
    const parsed = parseMarkdownExport(text);
    expect(parsed.name).toBe('fox');
    expect(parsed.title).toBe('a red fox');
    expect(parsed.turns).toEqual(session.turns.map((t) => ({ id: t.id, parent: t.parent, prompt: t.prompt, seed: t.seed })));
  });

  it('stands alone on stdout: images are data URIs', () => {
    const store = sharedSample();
    const { text, files } = exportMarkdown(store, store.get('fox'));
    expect(files).toEqual([]);
    const uris = [...text.matchAll(/!\[[^\]]*\]\((data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+)\)/g)].map((m) => m[1]);
    expect(uris).toHaveLength(3);
    expect(Buffer.from(uris[0].split(',')[1], 'base64').toString()).toBe(svgFor('a red fox'));
  });

  it('escapes any prompt so it reads back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (prompt) => {
        expect(unescapeMarkdown(escapeMarkdown(prompt))).toBe(prompt);
        expect(escapeMarkdown(prompt)).not.toMatch(/(^|[^\\])[<>]/);
      }),
    );
  });
});

describe('HTML export', () => {
  it('is self-contained: a CSP, images as data URIs, prompts escaped, no script', () => {
    const store = sharedSample();
    const warnings: string[] = [];
    const html = sessionGallery(store, store.get('fox'), (message) => warnings.push(message));
    expect(warnings).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${galleryCsp(GALLERY_CSS)}">`);
    expect(html.match(/<img class="image" src="data:image\/svg\+xml;base64,/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script|src="http|href="http/);
    expect(html).toContain('make it *blue* &lt;b&gt;now&lt;/b&gt;');
    expect(html).toContain('the model sent prose');
    expect(html).toMatch(/<li class="card head[^"]*" id="t4"/);
  });
});
