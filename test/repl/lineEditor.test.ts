// The line editor fed raw terminal bytes, as a pty would deliver them.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineEditor, type LineResult } from '../../src/ui/prompts.js';

function terminal(history: string[] = []) {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  let shown = '';
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const editor = new LineEditor({ input, output, history, historySize: 5, completer: (line) => [['/history', '/help'].filter((c) => c.startsWith(line)), line] });
  /** Starts a read, then sends each chunk on its own turn of the event loop (like separate keystrokes). */
  const read = async (...chunks: string[]): Promise<LineResult> => {
    const result = editor.read('> ', '… ');
    for (const chunk of chunks) {
      input.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return result;
  };
  return { editor, read, shown: () => shown };
}

describe('LineEditor', () => {
  it('reads a line, and joins lines continued with a trailing backslash', async () => {
    const { read } = terminal();
    expect(await read('a red fox\r')).toEqual({ kind: 'line', text: 'a red fox' });
    expect(await read('a blue whale  \\\r', 'under a sun\r')).toEqual({ kind: 'line', text: 'a blue whale\nunder a sun' });
  });

  it('keeps a bracketed paste as one input until Enter', async () => {
    const { read } = terminal();
    expect(await read('\x1b[200~two apples\ron a table\x1b[201~', ' and a pear', '\r')).toEqual({ kind: 'line', text: 'two apples\non a table and a pear' });
  });

  it('joins lines that arrive in one chunk (a paste the terminal did not bracket), and carries typed-ahead text on', async () => {
    const { read } = terminal();
    expect(await read('one\rtwo\rthr')).toEqual({ kind: 'line', text: 'one\ntwo' });
    expect(await read('ee\r')).toEqual({ kind: 'line', text: 'three' });
  });

  it('Ctrl-C clears a half-typed line or reports an empty one; Ctrl-D on an empty line is the end', async () => {
    const { read, shown } = terminal();
    expect(await read('half', '\x03')).toEqual({ kind: 'interrupt', discarded: true });
    expect(shown()).toContain('half^C');
    expect(await read('\x03')).toEqual({ kind: 'interrupt', discarded: false });
    expect(await read('x', '\x04', '\x7f', '\x04')).toEqual({ kind: 'eof' });
  });

  it('recalls remembered entries with Up, newest first, up to its size', async () => {
    const { editor, read } = terminal(['first', 'second']);
    editor.remember('third\nline');
    expect(await read('\x1b[A', '\r')).toEqual({ kind: 'line', text: 'third line' });
    expect(await read('\x1b[A', '\x1b[A', '\x1b[A', '\r')).toEqual({ kind: 'line', text: 'first' });
  });

  it('completes with Tab', async () => {
    const { read } = terminal();
    expect(await read('/hi', '\t', '\r')).toEqual({ kind: 'line', text: '/history' });
  });

  it('asks the terminal for bracketed paste while reading, and turns it off after', async () => {
    const { read, shown } = terminal();
    await read('x\r');
    expect(shown().indexOf('\x1b[?2004h')).toBeLessThan(shown().indexOf('\x1b[?2004l'));
    expect(shown()).toMatch(/\x1b\[\?2004l$/);
  });
});
