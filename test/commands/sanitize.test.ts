import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeCommand } from '../../src/commands/sanitize.js';
import { SilentExit } from '../../src/errors.js';
import { SvgInputError } from '../../src/svg/errors.js';
import { tempHome } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const HOSTILE = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="5" height="5" fill="red" onclick="x()"/></svg>';
const CLEAN = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><rect width="5" height="5" fill="red"/></svg>';

describe('sanitizeCommand', () => {
  it('writes the cleaned SVG to stdout and what it removed to stderr', async () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'in.svg'), HOSTILE);
    const { ctx, stdout, stderr } = fakeContext(home);
    await sanitizeCommand(ctx, 'in.svg', {});
    expect(stdout()).toBe(`${CLEAN}\n`);
    expect(stderr()).toContain('removed <script>: not an allowed element');
    expect(stderr()).toContain('removed event handler onclick');
    expect(stderr()).toContain('3 things removed or changed');
  });

  it('reads stdin with "-" and writes -o FILE, leaving stdout empty', async () => {
    const home = tempHome();
    const { ctx, stdout } = fakeContext(home, { stdin: HOSTILE });
    await sanitizeCommand(ctx, '-', { output: 'out/clean.svg' });
    expect(fs.readFileSync(path.join(home, 'out', 'clean.svg'), 'utf8')).toBe(CLEAN);
    expect(stdout()).toBe('');
  });

  it('--json gives {svg, findings, profile, ok} and nothing else on stdout', async () => {
    const home = tempHome();
    const { ctx, stdout } = fakeContext(home, { stdin: HOSTILE });
    await sanitizeCommand(ctx, '-', { json: true });
    const result = JSON.parse(stdout());
    expect(result).toEqual({ svg: CLEAN, profile: 'default', ok: true, findings: expect.arrayContaining([expect.objectContaining({ rule: 'script', element: 'script' })]) });
    expect(result.findings).toHaveLength(3);
  });

  it('says so when there was nothing to remove', async () => {
    const home = tempHome();
    const { ctx, stdout, stderr } = fakeContext(home, { stdin: CLEAN });
    await sanitizeCommand(ctx, '-', {});
    expect(stdout()).toBe(`${CLEAN}\n`);
    expect(stderr()).toContain('nothing to remove');
  });

  it('--profile kaggle makes it comply', async () => {
    const home = tempHome();
    const { ctx, stdout } = fakeContext(home, { stdin: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>.a{fill:red}</style><text>hi</text><rect class="a" width="5" height="5"/></svg>' });
    await sanitizeCommand(ctx, '-', { profile: 'kaggle', json: true });
    const result = JSON.parse(stdout());
    expect(result).toMatchObject({ ok: true, profile: 'kaggle', svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5" fill="red"/></svg>' });
  });

  it('--profile kaggle says why when it cannot comply, writes its best attempt and exits 2', async () => {
    const home = tempHome();
    const circles = Array.from({ length: 600 }, (_, i) => `<circle cx="${i}" cy="${i * 7}" r="${i % 13}" fill="#${(i * 4099).toString(16).padStart(6, '0').slice(-6)}"/>`).join('');
    const { ctx, stdout, stderr } = fakeContext(home, { stdin: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 4200">${circles}</svg>` });
    const run = sanitizeCommand(ctx, '-', { profile: 'kaggle' });
    await expect(run).rejects.toBeInstanceOf(SilentExit);
    await expect(run).rejects.toMatchObject({ exitCode: 2 });
    expect(stdout()).toContain('<circle');
    expect(stderr()).toMatch(/cannot make it fit the kaggle profile: still [\d,]+ bytes/);
  });

  it('refuses unusable input with an SvgInputError (exit 2)', async () => {
    const home = tempHome();
    for (const input of ['<!DOCTYPE svg><svg/>', 'not svg at all', '<svg><?xml-stylesheet href="x"?></svg>']) {
      const { ctx } = fakeContext(home, { stdin: input });
      await expect(sanitizeCommand(ctx, '-', {})).rejects.toBeInstanceOf(SvgInputError);
    }
  });

  it('with --json, unusable input is a JSON error too', async () => {
    const home = tempHome();
    const { ctx, stdout } = fakeContext(home, { stdin: '<!DOCTYPE svg><svg/>' });
    await expect(sanitizeCommand(ctx, '-', { json: true })).rejects.toMatchObject({ exitCode: 2 });
    expect(JSON.parse(stdout())).toMatchObject({ ok: false, error: { code: 'invalid_svg', message: expect.stringContaining('DOCTYPE') } });
  });

  it('names a missing file, and refuses a file over the cap without reading it', async () => {
    const home = tempHome();
    const { ctx } = fakeContext(home);
    await expect(sanitizeCommand(ctx, 'nope.svg', {})).rejects.toThrow('cannot read nope.svg: no such file');
    fs.writeFileSync(path.join(home, 'big.svg'), Buffer.alloc(2 * 1024 * 1024, 0x20));
    await expect(sanitizeCommand(ctx, 'big.svg', {})).rejects.toThrow(/2,097,152 bytes is over the 1,048,576-byte limit/);
  });

  it('a write that fails is a runtime failure (exit 1) naming the file', async () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'file'), 'x');
    const { ctx } = fakeContext(home, { stdin: CLEAN });
    await expect(sanitizeCommand(ctx, '-', { output: 'file/clean.svg' })).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining('cannot write') });
  });

  it('refuses an unknown profile', async () => {
    const { ctx } = fakeContext(tempHome(), { stdin: CLEAN });
    await expect(sanitizeCommand(ctx, '-', { profile: 'svg11' })).rejects.toThrow('unknown profile "svg11"');
  });
});
