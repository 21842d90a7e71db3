// Slash commands that show or write what was drawn: /open /view /score /export /edit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import chalk from 'chalk';
import type { Context } from '../../context.js';
import { RuntimeFailure, UsageError } from '../../errors.js';
import { table } from '../../score/present.js';
import { scoreSvg } from '../../score/scoreSvg.js';
import { openInViewer } from '../../ui/viewer.js';
import { count } from '../format.js';
import type { ReplState } from '../state.js';
import { message, type CommandResult, type SlashCommand } from '../types.js';

const turnIds = (state: ReplState) => state.session?.turns.map((turn) => turn.id) ?? [];

/** The context with the product line and notices captured, so a command's output reads as the REPL's. */
function quietContext(ctx: Context): { ctx: Context; printed: () => string } {
  let printed = '';
  const silent = { write: () => true, isTTY: false };
  return { ctx: { ...ctx, stdout: { write: (chunk: string) => (printed += chunk), isTTY: false }, stderr: silent }, printed: () => printed.trim() };
}

/** Runs $VISUAL/$EDITOR (or vi) on a file with the terminal handed over, and waits for it. */
async function runEditor(ctx: Context, file: string): Promise<void> {
  const editor = ctx.env.VISUAL || ctx.env.EDITOR || 'vi';
  const [command, ...args] = editor.split(/\s+/).filter(Boolean);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, [...args, file], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  }).catch((error: Error) => {
    throw new RuntimeFailure(`could not run the editor "${editor}": ${error.message}`, 'set EDITOR to your editor, e.g. export EDITOR=nano');
  });
  if (code !== 0) throw new RuntimeFailure(`the editor "${editor}" exited with ${code ?? 'a signal'}; nothing drawn`, 'save and quit the editor normally to send the prompt');
}

export const outputCommands: SlashCommand[] = [
  {
    name: 'open',
    aliases: [],
    args: '[turn]',
    help: 'open the SVG (or turn N) in the viewer',
    complete: turnIds,
    async run(state, args) {
      const file = state.fileOf(state.turn(args));
      await openInViewer(state.ctx, file);
      return message(`opened ${file}`);
    },
  },
  {
    name: 'view',
    aliases: ['gallery'],
    args: '',
    help: 'write an HTML gallery of this session and open it',
    async run(state) {
      const session = state.current();
      const { viewCommand } = await import('../../commands/view.js');
      const quiet = quietContext(state.ctx);
      await viewCommand(quiet.ctx, session.id, { quiet: true });
      return message(`gallery of ${session.name}: ${quiet.printed()}`);
    },
  },
  {
    name: 'score',
    aliases: [],
    args: '[turn]',
    help: 'score the SVG (or turn N) in detail',
    complete: turnIds,
    async run(state, args) {
      const session = state.current();
      const turn = state.turn(args);
      const file = state.fileOf(turn);
      const report = await scoreSvg(fs.readFileSync(file, 'utf8'), { profile: session.settings.profile === 'kaggle' ? 'kaggle' : 'default', prompt: turn.prompt, scene: turn.scene ?? undefined });
      const style = { bold: chalk.bold, dim: chalk.dim, bad: chalk.red };
      const colours = 'colorChecks' in report.adherence ? report.adherence.colorChecks.map((check) => `${check.category} ${check.present ? 'found' : 'not found'}`) : [];
      const extra = colours.length > 0 ? `colours asked for: ${colours.join(', ')}\n` : '';
      return message(`${table([{ ...report, file }], style).trimEnd()}\n${extra}${chalk.dim('(measures craft, colours and which objects were drawn, not meaning)')}`);
    },
  },
  {
    name: 'export',
    aliases: [],
    args: '[md|html|json] [file]',
    help: 'write the session to ./<name>.<format> (default md)',
    complete: () => ['md', 'html', 'json'],
    async run(state, args) {
      const [format = 'md', file, ...rest] = args.split(/\s+/).filter(Boolean);
      if (!['md', 'html', 'json'].includes(format) || rest.length > 0) throw new UsageError(`cannot export as "${args}"`, 'use /export md, /export html or /export json, optionally with a file name');
      const session = state.current();
      const output = path.resolve(state.ctx.cwd, file ?? `${session.name}.${format}`);
      const { sessionsExport } = await import('../../commands/sessions.js');
      const quiet = quietContext(state.ctx);
      await sessionsExport(quiet.ctx, session.id, { format, output });
      return message(`exported ${session.name} (${count(session.turns.length, 'turn')}) as ${format}: ${quiet.printed()}`);
    },
  },
  {
    name: 'edit',
    aliases: ['editor'],
    args: '[text]',
    help: 'write a long prompt in $EDITOR; drawn when you save',
    async run(state, args): Promise<CommandResult> {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'svgchat-prompt-'));
      const file = path.join(folder, 'prompt.txt');
      try {
        fs.writeFileSync(file, args ? `${args}\n` : '');
        await runEditor(state.ctx, file);
        const prompt = fs.readFileSync(file, 'utf8').trim();
        if (!prompt) return message('the prompt was empty; nothing drawn');
        return { kind: 'generate', prompt };
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    },
  },
];
