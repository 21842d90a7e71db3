// `sessions list` and `sessions show`: a table on a terminal, plain tab-separated lines in pipes, or --json.
import chalk, { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from '../../context.js';
import type { Session, Turn } from '../../store/schema.js';
import { createReporter } from '../../ui/output.js';
import { openStore } from '../sessions.js';
import { printable } from '../../ui/printable.js';

/** Colour only on a terminal, and never with NO_COLOR (chalk itself only looks at FORCE_COLOR). */
function painter(ctx: Context): ChalkInstance {
  if (ctx.env.NO_COLOR) return new Chalk({ level: 0 });
  return new Chalk({ level: ctx.stdout.isTTY || ctx.env.FORCE_COLOR ? chalk.level : 0 });
}

export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'just now';
  const [unit, size] = ([['min', 60], ['h', 3600], ['d', 86_400]] as const).findLast(([, s]) => seconds >= s)!;
  if (unit === 'd' && seconds >= 30 * 86_400) return iso.slice(0, 10);
  return `${Math.floor(seconds / size)} ${unit} ago`;
}

function fit(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= width ? line.padEnd(width) : `${line.slice(0, Math.max(0, width - 1))}…`;
}

function summary(store: ReturnType<typeof openStore>, session: Session) {
  return { id: session.id, name: session.name, title: session.title, turns: session.turns.length, head: session.head, createdAt: session.createdAt, updatedAt: session.updatedAt, settings: session.settings, forkedFrom: session.forkedFrom, file: store.fileOf(session) };
}

export async function sessionsList(ctx: Context, options: { json?: boolean; search?: string }): Promise<void> {
  const store = openStore(ctx, createReporter(ctx));
  const sessions = store.list({ search: options.search });
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(sessions.map((session) => summary(store, session)), null, 2)}\n`);
    return;
  }
  if (!ctx.stdout.isTTY) {
    for (const s of sessions) ctx.stdout.write(`${s.name}\t${s.turns.length}\t${s.updatedAt}\t${printable(s.title.replace(/\s+/g, ' '))}\n`);
    return;
  }
  if (sessions.length === 0) {
    createReporter(ctx).notice(options.search ? `no session mentions "${options.search}"` : 'no sessions yet; start one with: svgchat gen "a red fox"');
    return;
  }
  const paint = painter(ctx);
  const nameWidth = Math.min(32, Math.max(4, ...sessions.map((s) => s.name.length)));
  const titleWidth = Math.max(10, (ctx.stdout.columns || 100) - nameWidth - 27);
  ctx.stdout.write(`${paint.bold(`${'NAME'.padEnd(nameWidth)}  TURNS  ${'UPDATED'.padEnd(12)}  TITLE`)}\n`);
  for (const s of sessions) {
    ctx.stdout.write(`${paint.cyan(fit(s.name, nameWidth))}  ${String(s.turns.length).padStart(5)}  ${ago(s.updatedAt).padEnd(12)}  ${fit(printable(s.title.replace(/\s+/g, ' ')), titleWidth).trimEnd()}\n`);
  }
}

function turnLines(paint: ChalkInstance, store: ReturnType<typeof openStore>, session: Session, turn: Turn, onPath: boolean): string[] {
  const marker = turn.id === session.head ? paint.green('*') : onPath ? '|' : ' ';
  const parent = turn.parent === null ? 'root' : `← ${turn.parent}`;
  const facts = [
    turn.svg ? store.svgFile(turn.svg) : paint.red(`no image: ${turn.error?.message ?? 'none stored'}`),
    ...(turn.score === null ? [] : [`score ${turn.score.toFixed(2)}`]),
    `${turn.provider}/${turn.model}`,
    ...(turn.seed === null ? [] : [`seed ${turn.seed}`]),
    ...(turn.candidates.length > 0 ? [`best of ${turn.candidates.length + 1}`] : []),
  ];
  const prompt = printable(turn.prompt.replace(/\s+/g, ' '));
  return [`${marker} ${paint.bold(turn.id.padEnd(5))} ${parent.padEnd(8)} ${prompt}`, `  ${' '.repeat(14)} ${paint.dim(facts.join(' · '))}`];
}

export async function sessionsShow(ctx: Context, ref: string, options: { json?: boolean }): Promise<void> {
  const store = openStore(ctx, createReporter(ctx));
  const session = store.get(ref);
  const history = store.history(session).map((turn) => turn.id);
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify({ ...session, file: store.fileOf(session), history }, null, 2)}\n`);
    return;
  }
  const { settings } = session;
  const paint = painter(ctx);
  const out = [
    `${paint.bold(session.name)}  ${printable(session.title.replace(/\s+/g, ' '))}`,
    paint.dim(`id ${session.id} · ${session.turns.length} turns · created ${session.createdAt} · updated ${session.updatedAt}`),
    paint.dim(`${settings.provider}/${settings.model} · ${settings.size} · profile ${settings.profile}`),
  ];
  if (session.forkedFrom) out.push(paint.dim(`forked from ${session.forkedFrom.sessionName} at ${session.forkedFrom.turnId}`));
  out.push('');
  const onPath = new Set(history);
  for (const turn of session.turns) out.push(...turnLines(paint, store, session, turn, onPath.has(turn.id)));
  out.push('', `history (root to head): ${history.length > 0 ? history.join(' → ') : 'empty: the next prompt starts a new branch'}`);
  ctx.stdout.write(`${out.join('\n')}\n`);
}
