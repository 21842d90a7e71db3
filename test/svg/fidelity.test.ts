// Sanitizing must not change a drawing that needs no removal: rendered before and after, pixel for pixel.
// The committed benign corpus always runs; resvg's own test suite (not committed) runs when
// SVGCHAT_RESVG_TESTS points at its tests folder (crates/resvg/tests/tests in a checkout of resvg).
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { SvgInputError } from '../../src/svg/errors.js';
import { sanitizeSvg, type Finding } from '../../src/svg/sanitize.js';
import { distinctColors } from '../helpers/pixels.js';

type Outcome = 'identical' | 'different' | 'needed-removal' | 'refused';

function render(svg: string): Uint8Array {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: 160 }, font: { loadSystemFonts: false }, logLevel: 'off' }).render();
  return new Uint8Array(image.pixels);
}

function compare(input: string): { outcome: Outcome; pixels?: Uint8Array } {
  let result;
  try {
    result = sanitizeSvg(input);
  } catch (error) {
    if (error instanceof SvgInputError) return { outcome: 'refused' };
    throw error;
  }
  if (result.findings.some(isChange)) return { outcome: 'needed-removal' };
  const before = render(input);
  const after = render(result.svg);
  return { outcome: Buffer.from(before).equals(Buffer.from(after)) ? 'identical' : 'different', pixels: after };
}

/**
 * A viewBox taken from width and height is no change and must not move a pixel. One added where the size is
 * missing is a change: browsers draw such a file at 300x150 (what the sanitizer pins), resvg at 100x100.
 */
function isChange(finding: Finding): boolean {
  return !(finding.rule === 'viewbox' && / from width and height$/.test(finding.message));
}

function svgFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.svg')).sort().map((file) => path.join(dir, file));
}

describe('benign corpus (test/fixtures/benign)', () => {
  const files = svgFiles(path.join(import.meta.dirname, '..', 'fixtures', 'benign'));

  it('has at least 100 drawings', () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
  });

  it('passes sanitizing with nothing removed and not a pixel changed', () => {
    const problems: string[] = [];
    for (const file of files) {
      const { outcome, pixels } = compare(fs.readFileSync(file, 'utf8'));
      if (outcome !== 'identical') problems.push(`${path.basename(file)}: ${outcome}`);
      // A blank render would make "identical" meaningless.
      else if (distinctColors({ width: 160, height: pixels!.length / 640, data: pixels! }) < 2) problems.push(`${path.basename(file)}: blank`);
    }
    expect(problems).toEqual([]);
  });

  it('the comparison can fail: a change the sanitizer made on purpose shows up in the pixels', () => {
    const input = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><foreignObject width="10" height="10"/><rect width="5" height="5" fill="red"/></svg>';
    const changed = input.replace('fill="red"', 'fill="blue"');
    expect(Buffer.from(render(input)).equals(Buffer.from(render(changed)))).toBe(false);
  });
});

const resvgTests = process.env.SVGCHAT_RESVG_TESTS;
describe.runIf(resvgTests)('resvg test suite (SVGCHAT_RESVG_TESTS)', () => {
  it('renders every file that needs no removal identically after sanitizing', async () => {
    const counts: Record<Outcome | 'crashed', number> = { identical: 0, different: 0, 'needed-removal': 0, refused: 0, crashed: 0 };
    const different: string[] = [];
    const isolated = new IsolatedComparer();
    try {
      for (const file of svgFiles(resvgTests!)) {
        const input = fs.readFileSync(file, 'utf8');
        let outcome: Outcome | 'crashed';
        try {
          const result = sanitizeSvg(input);
          if (result.findings.some(isChange)) outcome = 'needed-removal';
          else outcome = await isolated.compare(input, result.svg);
        } catch (error) {
          if (!(error instanceof SvgInputError)) throw error;
          outcome = 'refused';
        }
        counts[outcome]++;
        if (outcome === 'different') different.push(path.relative(resvgTests!, file));
      }
    } finally {
      isolated.close();
    }
    console.log(`resvg suite: ${JSON.stringify(counts)}`);
    expect(different).toEqual([]);
    expect(counts.identical).toBeGreaterThanOrEqual(100);
  }, 600_000);
});

/** Unsanitized files may panic resvg (its suite has such files), so they are rendered in a child that may die. */
class IsolatedComparer {
  private child?: ChildProcess;
  private nextId = 0;

  compare(before: string, after: string): Promise<'identical' | 'different' | 'crashed'> {
    this.child ??= fork(path.join(import.meta.dirname, 'rawRenderChild.mjs'), [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const child = this.child;
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (outcome: 'identical' | 'different' | 'crashed') => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (reply: { id: number; same?: boolean; error?: string }) => {
        if (reply.id === id) done(reply.error ? 'crashed' : reply.same ? 'identical' : 'different');
      };
      const onExit = () => {
        this.child = undefined;
        done('crashed');
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
      }, 10_000);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ id, before, after });
    });
  }

  close(): void {
    this.child?.kill();
  }
}
