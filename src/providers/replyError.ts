// A provider answered, but nothing usable could be made of the answer. The pipeline keeps the raw
// reply on the turn (as its error) so the user can see what the model said.
import { RuntimeFailure } from '../errors.js';
import type { Usage } from './types.js';

/** Longest raw reply kept on a turn: enough to see what went wrong, small enough for the session file. */
export const MAX_RAW_REPLY = 64 * 1024;

export class UnusableReplyError extends RuntimeFailure {
  readonly raw: string;
  /** What the tries that led here cost. */
  readonly usage: Usage | null;

  constructor(message: string, raw: string, code: string, usage: Usage | null = null, hint = 'rephrase the prompt, or try another model with -m (svgchat models lists them)') {
    super(message, hint, code);
    this.usage = usage;
    this.raw = raw.length > MAX_RAW_REPLY ? `${raw.slice(0, MAX_RAW_REPLY)}\n[... ${raw.length - MAX_RAW_REPLY} more characters not kept]` : raw;
  }
}
