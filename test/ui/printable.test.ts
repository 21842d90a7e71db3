import { describe, expect, it } from 'vitest';
import { printable } from '../../src/ui/printable.js';

describe('printable (outside text on the terminal)', () => {
  it.each([
    ['an escape sequence that clears the screen', 'a\x1b[2Jb', 'a\ufffd[2Jb'],
    ['an OSC 8 link', '\x1b]8;;http://x\x07here\x1b]8;;\x07', '\ufffd]8;;http://x\ufffdhere\ufffd]8;;\ufffd'],
    ['a C1 control', 'a\x9bb', 'a\ufffdb'],
    ['a bidi override', 'abc\u202edcba', 'abc\ufffddcba'],
    ['a tab', 'a\tb', 'a b'],
    ['newlines and plain Unicode, kept', 'line one\nline two · ✓ 🦊', 'line one\nline two · ✓ 🦊'],
  ])('%s', (_label, input, shown) => {
    expect(printable(input)).toBe(shown);
  });
});
