// Tab completion at the REPL prompt: command names after "/", then each command's own words
// (session names, turn ids, formats). Pure given the registry and the words a command offers.
import type { SlashCommand } from './types.js';

export function completeInput(line: string, commands: SlashCommand[], wordsFor: (command: SlashCommand) => string[]): [string[], string] {
  if (!line.startsWith('/') || line.startsWith('//')) return [[], line];
  const space = line.search(/\s/);
  if (space === -1) {
    const typed = line.slice(1).toLowerCase();
    const names = commands.flatMap((command) => [command.name, ...command.aliases]).filter((name) => name.startsWith(typed));
    // A lone match gets a space, so the argument can follow at once.
    return [names.length === 1 ? [`/${names[0]} `] : names.map((name) => `/${name}`), line];
  }
  const name = line.slice(1, space).toLowerCase();
  const command = commands.find((candidate) => candidate.name === name || candidate.aliases.includes(name));
  const rest = line.slice(space).trimStart();
  if (!command?.complete || /\s/.test(rest)) return [[], line];
  const words = wordsFor(command);
  const lower = rest.toLowerCase();
  return [words.filter((word) => word.toLowerCase().startsWith(lower)), rest];
}
