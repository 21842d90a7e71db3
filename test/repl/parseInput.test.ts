import { describe, expect, it } from 'vitest';
import { parseInput, type ParsedInput } from '../../src/repl/parseInput.js';

describe('parseInput', () => {
  const table: [string, ParsedInput][] = [
    ['', { kind: 'empty' }],
    ['   \n  ', { kind: 'empty' }],
    ['a red fox', { kind: 'prompt', text: 'a red fox' }],
    ['  a red fox\nin the snow  ', { kind: 'prompt', text: 'a red fox\nin the snow' }],
    ['/help', { kind: 'command', name: 'help', args: '' }],
    ['/HELP', { kind: 'command', name: 'help', args: '' }],
    ['/rename  my-fox ', { kind: 'command', name: 'rename', args: 'my-fox' }],
    ['/export md out/fox.md', { kind: 'command', name: 'export', args: 'md out/fox.md' }],
    ['/edit a long\nprompt', { kind: 'command', name: 'edit', args: 'a long\nprompt' }],
    ['/', { kind: 'command', name: '', args: '' }],
    ['/ help', { kind: 'command', name: '', args: 'help' }],
    ['//slashes are drawn', { kind: 'prompt', text: '/slashes are drawn' }],
    ['a/b testing', { kind: 'prompt', text: 'a/b testing' }],
  ];
  it.each(table)('%j', (input, expected) => {
    expect(parseInput(input)).toEqual(expected);
  });
});
