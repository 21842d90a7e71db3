// The HTTP edges of `svgchat serve`: typed API errors, JSON replies, and request bodies read with a cap
// and parsed with zod. Every failure a client can cause becomes a 4xx with {error: {code, message}}.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

/** Largest request body: an SVG at the 1 MiB cap of the safety core, with room for JSON escaping. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Headers every API reply carries: nothing is cached, nothing sniffed, nothing framed. */
const API_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // Other sites may not even embed what this server answers (an <img> of a session's SVG, a <script> of JSON).
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = `${JSON.stringify(body)}\n`;
  response.writeHead(status, { ...API_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

export function sendError(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, { error: { code, message } }, headers);
}

export function sendNoContent(response: ServerResponse, headers: Record<string, string> = {}): void {
  response.writeHead(204, { ...API_HEADERS, ...headers });
  response.end();
}

function isJsonType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json';
}

/** Reads the body as text, refusing more than `limit` bytes (413) whatever Content-Length says. */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; the reply is sent and the connection closed by the caller.
        request.removeAllListeners('data');
        request.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'body_too_large', `the request body is over ${limit / (1024 * 1024)} MiB`, { connection: 'close' });
}

/**
 * A JSON body validated by `schema`. Only `application/json` is accepted (415): that rules out the form and
 * text/plain posts a hostile page can send cross-site without a preflight. An empty body counts as {}.
 */
export async function readJson<T extends z.ZodType>(request: IncomingMessage, schema: T): Promise<z.infer<T>> {
  requireJsonType(request);
  const text = await readBody(request);
  let data: unknown = {};
  if (text.trim() !== '') {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${(error as Error).message}`);
    }
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
    throw new ApiError(400, 'invalid_body', `${where}: ${issue.message}`);
  }
  return parsed.data;
}

export function requireJsonType(request: IncomingMessage): void {
  if (isJsonType(request.headers['content-type'])) return;
  request.resume();
  throw new ApiError(415, 'unsupported_media_type', 'send the body as JSON with Content-Type: application/json');
}
