import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { fileLink, hyperlink, supportsHyperlinks } from '../../src/ui/link.js';

describe('terminal hyperlinks', () => {
  const tty = { isTTY: true };
  const table: [string, { isTTY?: boolean }, Record<string, string>, boolean][] = [
    ['iTerm', tty, { TERM: 'xterm-256color', TERM_PROGRAM: 'iTerm.app' }, true],
    ['VTE 0.52 (GNOME Terminal)', tty, { TERM: 'xterm-256color', VTE_VERSION: '5202' }, true],
    ['old VTE', tty, { TERM: 'xterm-256color', VTE_VERSION: '4601' }, false],
    ['kitty', tty, { TERM: 'xterm-kitty' }, true],
    ['Windows Terminal', tty, { TERM: 'xterm-256color', WT_SESSION: 'x' }, true],
    ['plain xterm', tty, { TERM: 'xterm-256color' }, false],
    ['dumb terminal', tty, { TERM: 'dumb', TERM_PROGRAM: 'iTerm.app' }, false],
    ['NO_COLOR', tty, { TERM: 'xterm-256color', TERM_PROGRAM: 'vscode', NO_COLOR: '1' }, false],
    ['inside tmux', tty, { TERM: 'screen-256color', TMUX: '/tmp/tmux', TERM_PROGRAM: 'iTerm.app' }, false],
    ['CI', tty, { TERM: 'xterm', CI: 'true', TERM_PROGRAM: 'vscode' }, false],
    ['not a terminal', {}, { TERM: 'xterm-kitty' }, false],
    ['forced on', {}, { FORCE_HYPERLINK: '1' }, true],
    ['forced off', tty, { TERM: 'xterm-kitty', FORCE_HYPERLINK: '0' }, false],
  ];
  it.each(table)('%s', (_name, stream, env, expected) => {
    expect(supportsHyperlinks(stream, env)).toBe(expected);
  });

  it('wraps text in OSC 8 only when supported; file links carry the host and an encoded path', () => {
    expect(hyperlink('here', 'https://example.com', false)).toBe('here');
    expect(hyperlink('here', 'https://example.com', true)).toBe('\x1b]8;;https://example.com\x1b\\here\x1b]8;;\x1b\\');
    expect(fileLink('/tmp/a b/001.svg', true)).toBe(`\x1b]8;;file://${os.hostname()}/tmp/a%20b/001.svg\x1b\\/tmp/a b/001.svg\x1b]8;;\x1b\\`);
  });
});
