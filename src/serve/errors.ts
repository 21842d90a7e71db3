// What a thrown error becomes on the wire. Typed svgchat errors keep their code and message (they are
// written for users and never hold keys); anything else is a bug: a generic 500, details only in the log.
import { InterruptedError, RuntimeFailure, SvgchatError, UsageError } from '../errors.js';
import { UnusableReplyError } from '../providers/replyError.js';
import { ApiError } from './http.js';

const USAGE_STATUS: Record<string, number> = {
  unknown_session: 404,
  unknown_turn: 404,
  name_taken: 409,
  invalid_svg: 422,
};

const BUSY_CODES = new Set(['locked', 'session_moved']);

export interface WireError {
  status: number;
  code: string;
  message: string;
  headers: Record<string, string>;
  /** A bug: log it (with the stack when --debug). */
  unexpected: boolean;
}

/** `duringGeneration`: a runtime failure there is the provider's (a 502), not the server's. */
export function toWireError(error: unknown, duringGeneration = false): WireError {
  if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message, headers: error.headers, unexpected: false };
  if (error instanceof InterruptedError) return { status: 503, code: 'cancelled', message: 'the request was cancelled', headers: {}, unexpected: false };
  if (error instanceof UsageError) return { status: USAGE_STATUS[error.code] ?? 400, code: error.code, message: withHint(error), headers: {}, unexpected: false };
  if (error instanceof RuntimeFailure) {
    if (BUSY_CODES.has(error.code)) return { status: 503, code: error.code, message: withHint(error), headers: { 'retry-after': '1' }, unexpected: false };
    const upstream = duringGeneration || error instanceof UnusableReplyError;
    return { status: upstream ? 502 : 500, code: error.code, message: withHint(error), headers: {}, unexpected: false };
  }
  if (error instanceof SvgchatError) return { status: 500, code: error.code, message: withHint(error), headers: {}, unexpected: false };
  return { status: 500, code: 'internal', message: 'internal error: the server hit a bug; it is logged on the server (run serve with --debug for details)', headers: {}, unexpected: true };
}

function withHint(error: SvgchatError): string {
  return error.hint ? `${error.message} (${error.hint})` : error.message;
}
