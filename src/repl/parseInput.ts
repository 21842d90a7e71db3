// One line of REPL input -> nothing, a prompt to draw, or a slash command. Pure.

export type ParsedInput =
  | { kind: 'empty' }
  | { kind: 'prompt'; text: string }
  | { kind: 'command'; name: string; args: string };

export function parseInput(input: string): ParsedInput {
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  // "//..." is a prompt that starts with a slash.
  if (text.startsWith('//')) return { kind: 'prompt', text: text.slice(1) };
  if (!text.startsWith('/')) return { kind: 'prompt', text };
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(text)!;
  return { kind: 'command', name: match[1].toLowerCase(), args: match[2].trim() };
}
