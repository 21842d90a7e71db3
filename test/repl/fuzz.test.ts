// Nothing a user types can crash the REPL: a few thousand seeded-random lines (every slash command and
// alias with hostile arguments, prompts, garbage) go through what the loop does with a line it read
// (loop.ts: history, Tab completion, parseInput, runCommand or drawTurn, then the result applied), on the
// real store in a temp home. Every error must be an SvgchatError, shown as one line; afterwards every
// session file must still read through the store. SVGCHAT_FUZZ_SEED=n tries another sequence.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SvgchatError } from '../../src/errors.js';
import { promptProblem } from '../../src/pipeline/promptProblem.js';
import { registry, runCommand } from '../../src/repl/commands/index.js';
import { completeInput } from '../../src/repl/complete.js';
import { appendHistory } from '../../src/repl/inputHistory.js';
import { parseInput } from '../../src/repl/parseInput.js';
import { drawTurn, errorLine } from '../../src/repl/reply.js';
import { ReplState } from '../../src/repl/state.js';
import type { CommandResult } from '../../src/repl/types.js';
import { sessionFromText } from '../../src/store/migrations.js';
import { sha256, SessionStore } from '../../src/store/sessionStore.js';
import type { InputStream, OutputStream } from '../../src/ui/prompts.js';
import { tempHome } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const SEED = Number(process.env.SVGCHAT_FUZZ_SEED ?? 9);
const LINES = 3000;
/** Drawings are the slow part (~50 ms each offline): about this many, spread over the run; other prompts are not drawn. */
const MAX_DRAWINGS = 80;

const WORDS = registry.flatMap((command) => [command.name, ...command.aliases]);
// {session} and {turn} become a real session name and turn id when the line is typed, to reach past the lookups.
const KNOWN = ['md', 'html', 'json', '-', 'offline', 'openai', 'composer-1', 'gpt-4o-mini', 'help', '/help', '{turn}', '{turn}'];
const SESSION_NAMES = fc.constantFrom('{session}', '{session}', '{session}.json', '{session}.JSON', '{session}-fork', '{session}-2', 'x.json');
const NUMBERS = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map(String),
  fc.constantFrom('0', '-0', '-1', 't0', 't-1', 'T1', 't1.5', '1e309', 'NaN', 'Infinity', '0x1f', '٣', '１', '9'.repeat(400), `t${'9'.repeat(30)}`),
);
const PATHS = fc.constantFrom('..', '.', '../x', '../../etc/passwd', '/', '/etc', 'a/b', 'a\\b', '~', '~/x', '.hidden', '-rf', '--help', 'NUL', 'x.json', 'sessions', '.locks', 'history', '{session}/../x', '../{session}');
const HOSTILE = fc.constantFrom('\x00', '\x1b[31mred\x1b[0m', '\x1b]8;;http://e\x07x\x1b]8;;\x07', '\x07', '\r', '\n', '\r\n', '\t', '\x7f', '\u009b', '\u202e', '\u200b', '\ufeff', '\ud800',
  '🦊', '👩‍👩‍👧‍👦', 'é', 'e\u0301', 'İ', 'ß', '中文', 'ﷺ', '"', "'", '`', '"a b"', "'; rm -rf / '", '$(touch x)', '%s%n', '${HOME}', '\\', '//');
const LONG = fc.constantFrom('a'.repeat(64), 'a'.repeat(65), 'x'.repeat(5000), '🦊'.repeat(9000), 'word '.repeat(2000));
const NAME = fc.stringMatching(/^[a-z0-9_-][a-zA-Z0-9._-]{0,12}$/);
const word = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN), weight: 4 },
  { arbitrary: NUMBERS, weight: 3 },
  { arbitrary: NAME, weight: 3 },
  { arbitrary: SESSION_NAMES, weight: 3 },
  { arbitrary: HOSTILE, weight: 3 },
  { arbitrary: PATHS, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 1 },
  { arbitrary: LONG, weight: 1 },
);
const separator = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', '');
const words = fc.array(fc.tuple(separator, word), { minLength: 2, maxLength: 4 }).map((parts) => parts.map(([gap, text], index) => (index === 0 ? text : gap + text)).join(''));
const args = fc.oneof({ arbitrary: fc.constant(''), weight: 2 }, { arbitrary: word, weight: 5 }, { arbitrary: words, weight: 3 });
const command = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom('lower', 'lower', 'lower', 'upper', 'typo'), separator, args).map(([name, casing, gap, rest]) => {
  const typed = casing === 'upper' ? name.toUpperCase() : casing === 'typo' ? name.slice(1) + name[0] : name;
  return `/${typed}${rest ? (gap || ' ') + rest : ''}`;
});
const prompt = fc.oneof(
  fc.constantFrom('a red fox in the snow', 'add a moon', 'make it blue', 'two owls on a branch', 'remove the tree', 'at night', '//slash prompt', 'a 🦊 and a 🌙'),
  fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' ')),
);
const garbage = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }).map((text) => `/${text}`),
  fc.constantFrom('', ' ', '\t', '\n', '\r', '/', '//', '///', '/ help', '/\x00', '\\', '/\x1b[A', '/?', '/?? x', ' /help ', '/help\n/exit', `/${'x'.repeat(600)}`),
);
// A fresh input per line, read only by /delete's confirm and the pickers: an answer, then Ctrl-C so no prompt waits.
const answer = fc.constantFrom('y\n', 'n\n', '\n', '\x1b[B\n', '\x1b[B\x1b[B\n', 'maybe\n', '').map((keys) => `${keys}\x03`);
const line = fc.record({
  text: fc.oneof({ arbitrary: command, weight: 85 }, { arbitrary: prompt, weight: 4 }, { arbitrary: garbage, weight: 11 }),
  answer,
  pick: fc.nat(),
});

function fuzzRepl() {
  const home = tempHome();
  // The working directory (for /export files) is deep inside the home; files are only ever written under `work`.
  const work = path.join(home, 'work');
  const cwd = path.join(work, 'a', 'b', 'c');
  fs.mkdirSync(cwd, { recursive: true });
  const { ctx: base } = fakeContext(home, { env: { SVGCHAT_VIEWER: 'true', EDITOR: 'true', VISUAL: 'true' } });
  const ctx = { ...base, cwd, stdout: { write: () => true, isTTY: false } };
  const store = new SessionStore(home);
  const streams = { input: new PassThrough() as InputStream, output: new PassThrough().resume() as unknown as OutputStream };
  const state = new ReplState(ctx, store, {}, streams, { seed: 7, links: false });
  state.switchTo(undefined);
  const counts = { lines: 0, drawn: 0, skipped: 0, errors: 0 };

  const draw = async (request: { prompt: string; seed?: number; replacing?: string }) => {
    // A prompt over the size limit is refused before any drawing: cheap, so always tried.
    const drawable = promptProblem(request.prompt) === undefined;
    if (drawable && counts.drawn >= 10 + (MAX_DRAWINGS - 10) * (counts.lines / LINES)) return void counts.skipped++;
    if (drawable) counts.drawn++;
    await drawTurn(state, request, () => {});
  };
  const apply = async (result: CommandResult) => {
    if (result.kind === 'message') expect(typeof result.text).toBe('string');
    else if (result.kind === 'switch') {
      state.switchTo(result.session, result.name);
      state.settings();
    } else if (result.kind === 'generate') await draw({ prompt: result.prompt, seed: result.seed ?? state.options.seed, replacing: result.replacing });
  };
  /** An /export file outside `work` (an absolute path, too many ../) is put in `work` under its base name. */
  const confined = (argsText: string) => {
    const [format, file, ...rest] = argsText.split(/\s+/).filter(Boolean);
    if (file === undefined || path.resolve(cwd, file).startsWith(work + path.sep)) return argsText;
    return [format, path.join('..', '..', path.basename(file) || 'x'), ...rest].join(' ');
  };
  /** What runRepl does with one line it read; the error the loop would print, if any. */
  const enter = async (text: string): Promise<unknown> => {
    counts.lines++;
    appendHistory(home, text);
    completeInput(text, registry, (candidate) => candidate.complete?.(state) ?? []);
    try {
      const input = parseInput(text);
      if (input.kind === 'prompt') await draw({ prompt: input.text, seed: state.options.seed });
      else if (input.kind === 'command') await apply(await runCommand(state, input.name, input.name === 'export' ? confined(input.args) : input.args));
    } catch (error) {
      counts.errors++;
      return error;
    }
    return undefined;
  };
  /** {session} and {turn} in a line become a real session name and a turn id of the current session. */
  const fill = (text: string, pick: number) => {
    const names = store.names();
    const turns = state.session?.turns.map((turn) => turn.id) ?? [];
    return text.replaceAll('{session}', names.length > 0 ? names[pick % names.length] : 'none').replaceAll('{turn}', turns.length > 0 ? turns[pick % turns.length] : 't1');
  };
  return { home, store, streams, counts, enter, fill };
}

/** Every session file reads through the store (schema, tree) and every SVG it names is there, byte for byte. */
function expectValidStore(store: SessionStore): void {
  // Files only: the SVG folder of a session named "x.json" (allowed before names ending in .json were refused) is "x.json/".
  const files = fs.readdirSync(store.dir, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.json')).map((entry) => entry.name);
  expect(fs.readdirSync(store.dir).filter((file) => file.includes('.unreadable-'))).toEqual([]);
  for (const file of files) {
    const { session } = sessionFromText(fs.readFileSync(path.join(store.dir, file), 'utf8'));
    for (const turn of session.turns) {
      for (const ref of [...(turn.svg ? [turn.svg] : []), ...turn.candidates]) expect(sha256(fs.readFileSync(store.svgFile(ref))), `${file} ${turn.id}`).toBe(ref.sha256);
    }
  }
  expect(store.list().map((session) => session.name).sort()).toEqual(files.map((file) => file.slice(0, -'.json'.length)).sort());
}

const withDeadline = <T>(work: Promise<T>, ms: number): Promise<T | 'hung'> =>
  Promise.race([work, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), ms).unref())]);

describe('the REPL under random input', () => {
  it(`answers ${LINES} random lines with results or one-line errors, and leaves the store readable`, { timeout: 120_000 }, async () => {
    const repl = fuzzRepl();
    const crashes: string[] = [];
    const cases = fc.sample(line, { seed: SEED, numRuns: LINES });
    for (const [index, { text: template, answer: keys, pick }] of cases.entries()) {
      const text = repl.fill(template, pick);
      const input = new PassThrough();
      input.end(keys);
      repl.streams.input = input;
      let error: unknown;
      try {
        error = await withDeadline(repl.enter(text), 20_000);
      } catch (thrown) {
        error = thrown; // history or Tab completion threw: outside the loop's catch
      }
      const shown = errorLine(error, false);
      const typed = `#${index} ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)}`;
      if (error === 'hung') crashes.push(`${typed} did not finish in 20 s`);
      else if (error !== undefined && !(error instanceof SvgchatError)) crashes.push(`${typed} -> ${shown}`);
      else if (error !== undefined && shown.includes('\n')) crashes.push(`${typed} -> an error of ${shown.split('\n').length} lines: ${JSON.stringify(shown)}`);
      if (crashes.length >= 10) break;
      if (index % 250 === 249) expectValidStore(repl.store);
    }
    expect(crashes).toEqual([]);
    expectValidStore(repl.store);
    // The fuzz reached past argument checks: sessions were made, turns drawn, errors answered.
    expect(repl.store.list().length).toBeGreaterThan(1);
    expect(repl.counts.drawn).toBeGreaterThan(20);
    expect(repl.counts.errors).toBeGreaterThan(LINES / 4);
  });
});
