// `svgchat gen`: one prompt in, one SVG out, recorded as a turn of a session.
import fs from 'node:fs';
import path from 'node:path';
import { settingsFor } from '../config/file.js';
import type { RawSettings } from '../config/settings.js';
import type { Context } from '../context.js';
import { SilentExit, SvgchatError, UsageError } from '../errors.js';
import { generateTurn, type TurnOutcome } from '../pipeline/generateTurn.js';
import { SessionStore } from '../store/sessionStore.js';
import { createReporter } from '../ui/output.js';

export interface GenOptions {
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
}

async function readStdin(stdin: Context['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Prompt from the arguments and, when stdin is not a terminal, from stdin (args first, then stdin as context). */
export async function readPrompt(ctx: Context, words: string[]): Promise<string> {
  const fromArgs = words.join(' ').trim();
  const fromStdin = ctx.stdin.isTTY ? '' : (await readStdin(ctx.stdin)).trim();
  const prompt = [fromArgs, fromStdin].filter(Boolean).join('\n\n');
  if (words.length === 0 && !fromStdin) {
    throw new UsageError('no prompt given', 'usage: svgchat gen "a red fox in the snow" [-o fox.svg]');
  }
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
    candidates: turn.candidates.length > 0 ? turn.candidates.map((c) => ({ file: path.join(store.dir, c.path), score: c.score })) : [{ file, score: turn.score }],
    durationMs: turn.durationMs,
    usage: turn.usage,
    scene: { items: scene?.items.map(({ concept, source, color, count, bbox }) => ({ concept, source, color: color ?? null, count, bbox })) ?? [] },
    ...(includeSvg ? { svg } : {}),
  };
}

export async function genCommand(ctx: Context, words: string[], options: GenOptions): Promise<void> {
  const reporter = createReporter(ctx, { quiet: options.quiet });
  let prompt = '';
  try {
    prompt = await readPrompt(ctx, words);
    const seed = parseSeed(options.seed);
    const flags: RawSettings = { provider: options.provider, model: options.model, baseUrl: options.baseUrl, size: options.size, profile: options.profile };
    const { values: settings } = settingsFor(ctx, flags);
    const store = new SessionStore(ctx.home);
    const sessionRef = options.session
      ? (store.find(options.session) ?? store.create({ name: options.session, prompt, settings: pickSessionSettings(settings) })).id
      : store.create({ prompt, settings: pickSessionSettings(settings) }).id;
    const outcome = await generateTurn(store, sessionRef, { prompt, seed, settings }, ctx.signal, (event) => {
      if (event.type === 'status') reporter.status(event.message);
    });
    reporter.clearStatus();
    for (const note of outcome.notes) reporter.notice(note);
    const stored = path.join(store.dir, outcome.turn.svg!.path);
    let file = stored;
    if (options.output === '-') {
      ctx.stdout.write(outcome.svg);
    } else if (options.output) {
      file = path.resolve(ctx.cwd, options.output);
      writeOutput(file, outcome.svg);
    }
    if (options.json) ctx.stdout.write(`${JSON.stringify(jsonResult(outcome, store, options.output === '-' ? stored : file, options.svg !== false))}\n`);
    else if (options.output !== '-') ctx.stdout.write(`${file}\n`);
    if (!options.json) reporter.notice(`session ${outcome.session.name}, turn ${outcome.turn.id} (continue with: svgchat gen -s ${outcome.session.name} "...")`);
  } catch (error) {
    reporter.clearStatus();
    if (options.json && error instanceof SvgchatError) {
      ctx.stdout.write(`${JSON.stringify({ prompt, error: { code: error.code, message: error.message } })}\n`);
      ctx.stderr.write(`svgchat: error: ${error.message}\n`);
      throw new SilentExit(error.exitCode);
    }
    throw error;
  }
}

function pickSessionSettings(settings: { provider: string; model: string; size: string; profile: string }) {
  return { provider: settings.provider, model: settings.model, size: settings.size, profile: settings.profile };
}

function writeOutput(file: string, svg: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, svg);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'write failed';
    throw new SvgchatError(`cannot write ${file}: ${reason}`, { exitCode: 1, code: 'write_failed', hint: 'check the directory exists and is writable' });
  }
}
