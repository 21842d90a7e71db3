// The one registry of slash commands (SPEC §1): data the loop, /help and Tab completion all read.
import { UsageError } from '../../errors.js';
import { nearest } from '../../util/suggest.js';
import type { ReplState } from '../state.js';
import { message, type SlashCommand } from '../types.js';
import { outputCommands } from './outputCommands.js';
import { sessionCommands } from './sessionCommands.js';
import { settingCommands } from './settingCommands.js';
import { turnCommands } from './turnCommands.js';

const help: SlashCommand = {
  name: 'help',
  aliases: ['?'],
  args: '[command]',
  help: 'list the commands, or explain one',
  complete: () => registry.map((command) => command.name),
  run(_state, args) {
    if (args) {
      const command = findCommand(args.replace(/^\//, ''));
      return message(`${usage(command)}\n  ${command.help}${command.aliases.length > 0 ? `\n  also: ${command.aliases.map((alias) => `/${alias}`).join(' ')}` : ''}`);
    }
    const width = Math.max(...registry.map((command) => usage(command).length));
    const lines = registry.map((command) => `  ${usage(command).padEnd(width)}  ${command.help}`);
    return message(`Type what to draw, or a command:\n${lines.join('\n')}
Keys: Tab completes; Up/Down recall input; a trailing \\ or a paste continues the prompt;
Ctrl-C cancels a drawing, twice at an empty prompt leaves; Ctrl-D leaves. // starts a prompt with /.`);
  },
};

const exit: SlashCommand = {
  name: 'exit',
  aliases: ['quit', 'q'],
  args: '',
  help: 'leave; the session is saved (svgchat chat <name> resumes)',
  run: () => ({ kind: 'exit' }),
};

export const registry: SlashCommand[] = [help, ...sessionCommands, ...turnCommands, ...outputCommands, ...settingCommands, exit];

export function usage(command: SlashCommand): string {
  return `/${command.name}${command.args ? ` ${command.args}` : ''}`;
}

/** The command `name` (or alias) names; unknown names suggest the nearest one. */
export function findCommand(name: string): SlashCommand {
  const wanted = name.toLowerCase();
  const command = registry.find((candidate) => candidate.name === wanted || candidate.aliases.includes(wanted));
  if (command) return command;
  const guess = nearest(wanted, registry.flatMap((candidate) => [candidate.name, ...candidate.aliases]).filter((word) => word.length > 1));
  const shown = name.length > 30 ? `${name.slice(0, 30)}…` : name;
  throw new UsageError(`unknown command /${shown}`, guess ? `did you mean /${guess}? (/help lists them all)` : '/help lists the commands', 'unknown_command');
}

/** Runs a command: arguments a command does not take are refused before it runs. */
export async function runCommand(state: ReplState, name: string, args: string) {
  const command = findCommand(name);
  if (!command.args && args) throw new UsageError(`/${command.name} takes no arguments`, `usage: ${usage(command)}`);
  return command.run(state, args);
}
