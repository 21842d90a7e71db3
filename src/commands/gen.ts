// `svgchat gen`: one prompt in, one SVG out, recorded as a turn of a session.
import path from 'node:path';
import { settingsFor } from '../config/file.js';
import { streamFlag, type RawSettings, type Settings } from '../config/settings.js';
import type { Context } from '../context.js';
import { SilentExit, SvgchatError, UsageError } from '../errors.js';
import { promptProblem } from '../pipeline/promptProblem.js';
import { generateTurn, type TurnOutcome } from '../pipeline/generateTurn.js';
import { requireEndpoint } from '../providers/client.js';
import { openInViewer } from '../ui/viewer.js';
import { readAll } from '../util/readAll.js';
import { SessionStore, type NewSessionOptions } from '../store/sessionStore.js';
import { createReporter } from '../ui/output.js';
import { printable } from '../ui/printable.js';
import { writeUserFile } from '../util/writeUserFile.js';

export interface GenOptions {
  /** Best-of-N: how many candidates to draw and score. */
  candidates?: string;
  output?: string;
  json?: boolean;
  svg?: boolean;
  session?: string;
  provider?: string;
  model?: string;
  baseUrl?: string;
  seed?: string;
  size?: string;
  profile?: string;
  quiet?: boolean;
  open?: boolean;
  batch?: string;
  outDir?: string;
  concurrency?: string;
  /** false with --no-stream: one plain request instead of a streamed reply. */
  stream?: boolean;
  /** --score / --no-score; unset: one prompt is scored, a batch is not. */
  score?: boolean;
}

/** Prompt from the arguments and, when stdin is not a terminal, from stdin (args first, then stdin as context). */
export async function readPrompt(ctx: Context, words: string[]): Promise<string> {
  const fromArgs = words.join(' ').trim();
  const fromStdin = ctx.stdin.isTTY ? '' : (await readAll(ctx.stdin, ctx.signal)).trim();
  const prompt = [fromArgs, fromStdin].filter(Boolean).join('\n\n');
  if (words.length === 0 && !fromStdin) {
    throw new UsageError('no prompt given', 'usage: svgchat gen "a red fox in the snow" [-o fox.svg]');
  }
  const problem = promptProblem(prompt);
  if (problem) throw new UsageError(problem.message, 'shorten the prompt', problem.code);
  return prompt;
}

export function parseSeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff) throw new UsageError(`invalid --seed "${value}"`, 'use a whole number from 0 to 4294967295');
  return Number(value);
}

export function jsonResult(outcome: TurnOutcome, store: SessionStore, file: string, includeSvg: boolean) {
  const { session, turn, svg, scene } = outcome;
  return {
    session: { id: session.id, name: session.name },
    turn: turn.id,
    prompt: turn.prompt,
    provider: turn.provider,
    model: turn.model,
    file,
    bytes: turn.svg?.bytes ?? 0,
    sha256: turn.svg?.sha256 ?? '',
    score: turn.score,
    // Every candidate, the winner (the turn's own SVG) first.
    candidates: [{ file, score: turn.score }, ...turn.candidates.map((c) => ({ file: path.join(store.dir, c.path), score: c.score }))],
    durationMs: turn.durationMs,
    usage: turn.usage,
    scene: { items: scene?.items.map(({ concept, source, color, count, bbox }) => ({ concept, source, color: color ?? null, count, bbox })) ?? [] },
    ...(includeSvg ? { svg } : {}),
  };
}

/** What a new session records of the settings it was started with. */
function sessionSettings(settings: Settings) {
  return { provider: settings.provider, model: settings.model, size: settings.size, profile: settings.profile };
}

/**
 * The session a prompt goes to: the named one (created if missing), or a new auto-named one that
 * generateTurn creates together with its first turn (one locked write, and no empty session is left
 * behind when the generation fails before anything is stored).
 */
export function sessionFor(store: SessionStore, name: string | undefined, prompt: string, settings: Settings): string | { create: NewSessionOptions } {
  if (name !== undefined) return store.ensure({ name, prompt, settings: sessionSettings(settings) }).id;
  return { create: { prompt, settings: sessionSettings(settings) } };
}

export async function genCommand(ctx: Context, words: string[], options: GenOptions): Promise<void> {
  const reporter = createReporter(ctx, { quiet: options.quiet });
  const seed = parseSeed(options.seed);
  const flags: RawSettings = { provider: options.provider, model: options.model, baseUrl: options.baseUrl, size: options.size, profile: options.profile, candidates: options.candidates, stream: streamFlag(options.stream) };
  if (options.batch !== undefined) {
    if (words.length > 0) throw new UsageError('--batch takes its prompts from the file, not from arguments', 'put the prompts in the file, one per line');
    if (options.output) throw new UsageError('--batch writes one file per prompt; -o does not apply', 'use --out-dir DIR');
    const { batchCommand } = await import('./batch.js');
    await batchCommand(ctx, options.batch, settingsFor(ctx, flags).values, { ...options, seed });
    return;
  }
  if (options.outDir || options.concurrency) throw new UsageError('--out-dir and --concurrency only apply to --batch', 'use -o FILE for one prompt');
  let prompt = '';
  try {
    prompt = await readPrompt(ctx, words);
    const { values: settings } = settingsFor(ctx, flags);
    // -n may come from the config file or SVGCHAT_CANDIDATES too: best-of-N always needs its scores.
    if (options.score === false && settings.candidates > 1) {
      throw new UsageError(`--no-score cannot pick the best of ${settings.candidates} candidates: the scores are how it picks`, 'drop --no-score, or use -n 1');
    }
    // A provider that cannot run is said before a named session is made for it.
    requireEndpoint(settings);
    const store = new SessionStore(ctx.home, { onWarning: (message) => reporter.warn(message) });
    const sessionRef = sessionFor(store, options.session, prompt, settings);
    const outcome = await generateTurn(store, sessionRef, { prompt, seed, settings, score: options.score }, ctx.signal, (event) => {
      if (event.type === 'status') reporter.status(event.message);
      else if (event.type === 'tokens') reporter.status(`drawing… ${event.count} token${event.count === 1 ? '' : 's'}`);
    });
    reporter.clearStatus();
    if (outcome.said) reporter.notice(`the model said: ${outcome.said}`);
    for (const note of outcome.notes) reporter.notice(note);
    const stored = path.join(store.dir, outcome.turn.svg!.path);
    let file = stored;
    if (options.output === '-') {
      ctx.stdout.write(outcome.svg);
    } else if (options.output) {
      file = path.resolve(ctx.cwd, options.output);
      writeUserFile(file, outcome.svg);
    }
    if (options.json) ctx.stdout.write(`${JSON.stringify(jsonResult(outcome, store, options.output === '-' ? stored : file, options.svg !== false))}\n`);
    else if (options.output !== '-') ctx.stdout.write(`${file}\n`);
    if (!options.json) reporter.notice(`session ${outcome.session.name}, turn ${outcome.turn.id} (continue with: svgchat gen -s ${outcome.session.name} "...")`);
    if (options.open) await openInViewer(ctx, file);
  } catch (error) {
    reporter.clearStatus();
    if (options.json && error instanceof SvgchatError) {
      ctx.stdout.write(`${JSON.stringify({ prompt, error: { code: error.code, message: error.message } })}\n`);
      ctx.stderr.write(`svgchat: error: ${printable(error.message)}\n`);
      throw new SilentExit(error.exitCode);
    }
    throw error;
  }
}

