// Typed errors: each carries the exit code main.ts maps it to (SPEC §2) and a hint a user can act on.

export const ExitCode = {
  ok: 0,
  runtime: 1,
  usage: 2,
  belowMinimum: 3,
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class SvgchatError extends Error {
  readonly exitCode: number;
  readonly hint?: string;
  readonly code: string;

  constructor(message: string, options: { exitCode: number; code: string; hint?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode;
    this.code = options.code;
    this.hint = options.hint;
  }
}

/** Bad flag, unknown session, invalid input: exit 2. */
export class UsageError extends SvgchatError {
  constructor(message: string, hint?: string, code = 'usage') {
    super(message, { exitCode: ExitCode.usage, code, hint });
  }
}

/** Provider down, write failed: exit 1. */
export class RuntimeFailure extends SvgchatError {
  constructor(message: string, hint?: string, code = 'runtime', cause?: unknown) {
    super(message, { exitCode: ExitCode.runtime, code, hint, cause });
  }
}

/** `score --min` not met: exit 3. */
export class BelowMinimumError extends SvgchatError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.belowMinimum, code: 'below_minimum', hint });
  }
}

/** Ctrl-C: exit 130. */
export class InterruptedError extends SvgchatError {
  constructor(message = 'interrupted') {
    super(message, { exitCode: ExitCode.interrupted, code: 'interrupted' });
  }
}

/** A failure whose result was already printed (e.g. a batch with failed lines): exit with the code, print nothing more. */
export class SilentExit extends SvgchatError {
  constructor(exitCode: number) {
    super('', { exitCode, code: 'silent' });
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'APIUserAbortError');
}
