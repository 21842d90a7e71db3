// GET /api/sessions/:id/turns/:turn/svg: a stored SVG, cleaned again by the safety core on the way out (the
// file may have been changed since it was written), as image/svg+xml that the browser may not sniff, frame
// or run anything in (SPEC §5).
import { createHash } from 'node:crypto';
import { RuntimeFailure } from '../errors.js';
import { readSvgBytes } from '../store/svgFiles.js';
import { sanitizeSvg } from '../svg/sanitize.js';
import type { Exchange, Route } from './app.js';
import { ApiError } from './http.js';

export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** Cleaned SVGs by the sha256 of the stored bytes: the same file is not cleaned twice. Bounded. */
const cleaned = new Map<string, { svg: string; etag: string }>();
const CACHE_ENTRIES = 512;

function clean(bytes: Buffer): { svg: string; etag: string } {
  const key = createHash('sha256').update(bytes).digest('hex');
  const hit = cleaned.get(key);
  if (hit) return hit;
  let svg: string;
  try {
    svg = sanitizeSvg(bytes).svg;
  } catch (error) {
    throw new ApiError(422, 'unsafe_svg', `the stored SVG cannot be made safe to show: ${(error as Error).message}`);
  }
  const entry = { svg, etag: `"${createHash('sha256').update(svg).digest('hex').slice(0, 32)}"` };
  if (cleaned.size >= CACHE_ENTRIES) cleaned.delete(cleaned.keys().next().value!);
  cleaned.set(key, entry);
  return entry;
}

function serveSvg({ request, response, params, app }: Exchange): void {
  const session = app.store.get(params[0]);
  const turn = app.store.turn(session, params[1]);
  if (!turn.svg) throw new ApiError(404, 'no_svg', `turn ${turn.id} has no SVG${turn.error ? ` (${turn.error.message})` : ''}`);
  let bytes: Buffer;
  try {
    bytes = readSvgBytes(app.store.dir, turn.svg);
  } catch (error) {
    if (error instanceof RuntimeFailure) throw new ApiError(404, error.code, error.message);
    throw error;
  }
  const { svg, etag } = clean(bytes);
  const headers = {
    'content-type': 'image/svg+xml; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'content-security-policy': SVG_CSP,
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'private, no-cache',
    'content-disposition': `inline; filename="${session.name}-${turn.id}.svg"`,
    etag,
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(svg)) });
  response.end(request.method === 'HEAD' ? undefined : svg);
}

export const svgRoutes: Route[] = [{ method: 'GET', pattern: /^\/api\/sessions\/([^/]+)\/turns\/([^/]+)\/svg\/?$/, handle: serveSvg }];
