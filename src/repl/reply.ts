// One turn drawn from the REPL: a spinner while generateTurn works (Ctrl-C aborts this generation only),
// then the reply: the file (as a link where the terminal supports it), a score line, and what was placed
// or what the model said.
import readline from 'node:readline';
import chalk from 'chalk';
import { chalkStderr } from 'chalk';
import { InterruptedError, SvgchatError, UsageError } from '../errors.js';
import { promptProblem } from '../pipeline/promptProblem.js';
import { generateTurn, type TurnOutcome } from '../pipeline/generateTurn.js';
import { requireEndpoint } from '../providers/client.js';
import { scoreSvg, type ScoreReport } from '../score/scoreSvg.js';
import type { Session } from '../store/schema.js';
import { fileLink } from '../ui/link.js';
import { printable } from '../ui/printable.js';
import type { InputStream } from '../ui/prompts.js';
import { sceneSummary, scoreSummary, seconds } from './format.js';
import { startSpinner } from './spinner.js';
import type { ReplState } from './state.js';

export interface DrawRequest {
  prompt: string;
  seed?: number;
  /** Regenerate: the turn drawn again; the new turn becomes its sibling. */
  replacing?: string;
}

/** Ctrl-C as a key (the terminal in raw mode, so typing does not scribble over the spinner). */
function onCtrlC(input: InputStream, cancel: () => void): () => void {
  if (!input.isTTY || !input.setRawMode) return () => {};
  readline.emitKeypressEvents(input);
  input.setRawMode(true);
  const onKey = (_text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
    if (key?.ctrl && key.name === 'c') cancel();
  };
  input.on('keypress', onKey);
  input.resume();
  return () => {
    input.off('keypress', onKey);
    input.setRawMode?.(false);
    input.pause();
  };
}

/** The session a prompt goes to; a new one is written now, named after the prompt unless named already. */
function sessionForPrompt(state: ReplState, prompt: string): Session {
  if (state.session) return state.current();
  const { provider, model, size, profile } = state.settings();
  const created = state.store.create({ name: state.pendingName, prompt, settings: { provider, model, size, profile } });
  state.session = created;
  state.pendingName = undefined;
  return created;
}

export async function drawTurn(state: ReplState, request: DrawRequest, cancelOnSignal: (cancel: (() => void) | undefined) => void): Promise<void> {
  const { ctx, store } = state;
  const out = (text: string) => ctx.stdout.write(`${text}\n`);
  const problem = promptProblem(request.prompt);
  if (problem) throw new UsageError(problem.message, 'shorten the prompt', problem.code);
  const settings = state.settings();
  requireEndpoint(settings); // before a new session is written for a provider that cannot draw
  const session = sessionForPrompt(state, request.prompt);
  const replaced = request.replacing ? store.turn(session, request.replacing) : undefined;
  if (replaced) state.session = store.setHead(session.id, replaced.parent);

  const controller = new AbortController();
  const cancel = () => controller.abort(new InterruptedError());
  cancelOnSignal(cancel);
  const stopKeys = onCtrlC(state.streams.input, cancel);
  const spinner = ctx.stderr.isTTY ? startSpinner(ctx.stderr, 'drawing…', (frame) => chalkStderr.cyan(frame)) : undefined;
  let outcome: TurnOutcome | undefined;
  let report: ScoreReport | undefined;
  try {
    outcome = await generateTurn(store, session.id, { prompt: request.prompt, seed: request.seed, settings }, controller.signal, (event) => {
      spinner?.update(event.type === 'status' ? `${event.message}…` : `drawing… ${event.count} token${event.count === 1 ? '' : 's'}`);
    });
    spinner?.update('summing up…');
    report = await scoreReport(outcome);
  } catch (error) {
    if (controller.signal.aborted || error instanceof InterruptedError) {
      out(chalk.yellow(`cancelled; nothing was added to ${session.name}`));
      return;
    }
    throw error;
  } finally {
    spinner?.stop();
    stopKeys();
    cancelOnSignal(undefined);
    // A regenerate that produced nothing leaves the session where it was.
    const now = store.find(session.id);
    if (replaced && now && now.head === replaced.parent) state.session = store.setHead(session.id, replaced.id);
  }
  state.session = outcome.session;
  showReply(state, outcome, report);
}

/** The details behind the turn's score, for its one-line summary; the stored score alone if scoring fails. */
async function scoreReport({ turn, svg, session }: TurnOutcome): Promise<ScoreReport | undefined> {
  try {
    return await scoreSvg(svg, { profile: session.settings.profile === 'kaggle' ? 'kaggle' : 'default', prompt: turn.prompt, scene: turn.scene ?? undefined });
  } catch {
    return undefined;
  }
}

function showReply(state: ReplState, outcome: TurnOutcome, report: ScoreReport | undefined): void {
  const { ctx } = state;
  const { turn } = outcome;
  const lines = [`${chalk.green('✓')} ${chalk.bold(turn.id)}  ${fileLink(state.fileOf(turn), state.options.links)}`];
  const score = report ? scoreSummary(report) : `score ${turn.score === null ? '-' : turn.score.toFixed(2)}`;
  const best = turn.candidates.length > 0 ? ` · best of ${turn.candidates.length + 1}` : '';
  lines.push(chalk.dim(`  ${score}${best} · ${seconds(turn.durationMs)}`));
  const placed = sceneSummary(outcome.scene);
  if (placed) lines.push(...placed.split('\n').map((line) => `  ${line}`));
  else lines.push(chalk.dim(`  ${turn.provider}/${turn.model}${turn.usage ? ` · ${turn.usage.promptTokens}+${turn.usage.completionTokens} tokens` : ''}`));
  if (outcome.said) lines.push(`  ${chalk.cyan('model:')} ${printable(outcome.said)}`);
  for (const note of outcome.notes) lines.push(chalk.dim(`  note: ${printable(note)}`));
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

/** One line for an error, so the loop goes on: what went wrong, then what to do. */
export function errorLine(error: unknown, debug: boolean): string {
  if (error instanceof SvgchatError) return `${chalk.red('error:')} ${oneLine(error.message)}${error.hint ? chalk.dim(` · ${oneLine(error.hint)}`) : ''}`;
  const text = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error ? `\n${error.stack}` : '';
  return `${chalk.red('internal error:')} ${oneLine(text)}${chalk.dim(' · this is a bug in svgchat; SVGCHAT_DEBUG=1 shows where')}${stack}`;
}

/** Messages quote what was typed, and a pasted or \-continued line holds newlines: shown as ⏎ to stay one line. */
function oneLine(text: string): string {
  return printable(text).replace(/\n/g, '⏎');
}
