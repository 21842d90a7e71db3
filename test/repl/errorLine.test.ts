// The REPL answers a mistake with one line: messages quote what was typed, and a pasted or \-continued
// line holds newlines.
import { describe, expect, it } from 'vitest';
import { RuntimeFailure, UsageError } from '../../src/errors.js';
import { errorLine } from '../../src/repl/reply.js';

describe('errorLine', () => {
  it.each([
    [new UsageError('no session named "fox\nbar"', 'did you mean "fox"?'), 'error: no session named "fox⏎bar" · did you mean "fox"?'],
    [new RuntimeFailure('cannot write x', 'line one\nline two'), 'error: cannot write x · line one⏎line two'],
    [new UsageError('"a\x1b[2J\r\nb" is not a turn'), 'error: "a\ufffd[2J\ufffd⏎b" is not a turn'],
    [new TypeError('x is\nundefined'), 'internal error: x is⏎undefined · this is a bug in svgchat; SVGCHAT_DEBUG=1 shows where'],
  ])('%s -> one line', (error, line) => {
    expect(errorLine(error, false).replace(/\x1b\[\d+m/g, '')).toBe(line);
  });

  it('keeps the stack on lines of its own when debugging', () => {
    expect(errorLine(new Error('boom'), true).split('\n').length).toBeGreaterThan(2);
  });
});
