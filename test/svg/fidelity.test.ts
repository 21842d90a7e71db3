// Sanitizing must not change a drawing that needs no removal: rendered before and after, pixel for pixel.
// Two committed sets always run: real-world files from resvg's own test suite (test/fixtures/benign/resvg, chosen by
// pick.mjs there) and drawings the project generated (test/fixtures/benign/*.svg, by generate.mjs). All of resvg's
// test suite (not committed) runs too when SVGCHAT_RESVG_TESTS points at its tests folder
// (crates/resvg/tests/tests in a checkout of resvg).
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { SvgInputError } from '../../src/svg/errors.js';
import { sanitizeSvg, type Finding } from '../../src/svg/sanitize.js';
import { distinctColors } from '../helpers/pixels.js';

type Outcome = 'identical' | 'different' | 'needed-removal' | 'refused';

const benign = path.join(import.meta.dirname, '..', 'fixtures', 'benign');
const realWorld = path.join(benign, 'resvg');

function render(svg: string): Uint8Array {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: 160 }, font: { loadSystemFonts: false }, logLevel: 'off' }).render();
  return new Uint8Array(image.pixels);
}

function samePixels(before: string, after: string): boolean {
  return Buffer.from(render(before)).equals(Buffer.from(render(after)));
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

function svgFiles(dir: string, recursive = true): string[] {
  return fs.readdirSync(dir, { recursive, encoding: 'utf8' }).filter((file) => file.endsWith('.svg')).sort().map((file) => path.join(dir, file));
}

/** What is wrong with each file that is not drawn identically (and non-blank) after sanitizing. */
function problemsIn(files: string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const { outcome, pixels } = compare(fs.readFileSync(file, 'utf8'));
    if (outcome !== 'identical') problems.push(`${path.basename(file)}: ${outcome}`);
    // A blank render would make "identical" meaningless.
    else if (distinctColors({ width: 160, height: pixels!.length / 640, data: pixels! }) < 2) problems.push(`${path.basename(file)}: blank`);
  }
  return problems;
}

describe('real-world corpus (test/fixtures/benign/resvg: files from resvg\'s test suite)', () => {
  const files = svgFiles(realWorld, false);

  it('has at least 150 drawings from every area of the suite, each listed with its source', () => {
    expect(files.length).toBeGreaterThanOrEqual(150);
    const areas = new Set(files.map((file) => path.basename(file).match(/^(filters|masking|paint-servers|painting|shapes|structure)-/)?.[1]));
    expect([...areas].sort()).toEqual(['filters', 'masking', 'paint-servers', 'painting', 'shapes', 'structure']);
    const listed = fs.readFileSync(path.join(realWorld, 'sources.txt'), 'utf8').trim().split('\n').map((line) => line.split(' ')[0]);
    expect(listed.filter((name) => !name.includes('/')).sort()).toEqual(files.map((file) => path.basename(file)));
  });

  it('passes sanitizing with nothing removed and not a pixel changed', () => {
    expect(problemsIn(files)).toEqual([]);
  });
});

describe('generated corpus (test/fixtures/benign/*.svg, made by generate.mjs)', () => {
  const files = svgFiles(benign, false);

  it('has at least 100 drawings', () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
  });

  it('passes sanitizing with nothing removed and not a pixel changed', () => {
    expect(problemsIn(files)).toEqual([]);
  });
});

describe('the comparison can fail', () => {
  it('on sanitizer output: a real file the sanitizer must cut shows the cut in the pixels', () => {
    // A <use> of a rect inside a non-SVG element: the sanitizer drops the element and the <use>'s dangling href.
    const input = fs.readFileSync(path.join(realWorld, 'needs-removal', 'structure-use-xlink-to-a-child-of-a-non-SVG-element.svg'), 'utf8');
    const { svg, findings } = sanitizeSvg(input);
    expect(findings.filter(isChange).map((finding) => finding.message)).toEqual([
      'removed <random>: not an allowed element',
      'removed xlink:href: it pointed to a removed element',
    ]);
    expect(compare(input).outcome).toBe('needed-removal');
    expect(samePixels(input, svg)).toBe(false);
  });

  it('when sanitizer output of a real file lost one attribute, as a faulty sanitizer might', () => {
    for (const [name, attribute] of [
      ['structure-transform-direct-transform.svg', 'transform'],
      ['masking-clipPath-clip-path-with-transform.svg', 'clip-path'],
    ]) {
      const input = fs.readFileSync(path.join(realWorld, name), 'utf8');
      const { svg } = sanitizeSvg(input);
      expect(samePixels(input, svg), name).toBe(true);
      const damaged = svg.replace(new RegExp(`\\s${attribute}="[^"]*"`), '');
      expect(damaged, name).not.toBe(svg);
      expect(samePixels(input, damaged), `${name} without ${attribute}`).toBe(false);
    }
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
