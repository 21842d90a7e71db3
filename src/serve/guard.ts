// Who may talk to `svgchat serve`, and from where (SPEC §8).
// - Bound to 127.0.0.1, ::1 or localhost without a token: only requests whose Host names that loopback
//   address and port are served, so a web page on another site cannot reach the API through DNS rebinding.
// - Any other address needs --token: every API and SVG request carries `Authorization: Bearer <token>` or
//   the HttpOnly cookie the page gets in exchange for the token (POST /api/auth). The page shell and its
//   script and stylesheet are the same for everyone and hold no data, so they are served without it.
// - State-changing requests (POST, DELETE) from a browser must come from the server's own origin.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from './http.js';

const LOOPBACK_NAMES = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** The addresses `serve` binds without a token. 127.0.0.2 is loopback too, but it is not the default: it needs one. */
export function isDefaultLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase());
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function cookiesOf(request: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

export class Guard {
  /** What the auth cookie holds: a random value of this server's lifetime, never the token itself. */
  private readonly cookieValue = randomBytes(32).toString('hex');

  constructor(private readonly options: { host: string; port: number; token?: string }) {}

  get tokenRequired(): boolean {
    return this.options.token !== undefined;
  }

  /** Per port, so two servers on one machine keep their cookies apart. */
  get cookieName(): string {
    return `svgchat_auth_${this.options.port}`;
  }

  /** Throws the 4xx a request deserves, or returns when it may go on. `isPublic`: the data-free page shell. */
  check(request: IncomingMessage, isPublic: boolean): void {
    this.checkHost(request);
    if (!isPublic) this.checkToken(request);
    if (!SAFE_METHODS.has(request.method ?? 'GET')) this.checkOrigin(request);
  }

  /** POST /api/auth: a request carrying the token gets the cookie the page uses from then on. */
  loginCookie(request: IncomingMessage): string {
    if (!this.hasBearer(request)) throw this.unauthorized();
    return `${this.cookieName}=${this.cookieValue}; Path=/; HttpOnly; SameSite=Strict`;
  }

  private checkHost(request: IncomingMessage): void {
    if (this.tokenRequired || !isDefaultLoopback(this.options.host)) return;
    const host = (request.headers.host ?? '').toLowerCase();
    const { port } = this.options;
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
    if (!allowed.includes(host)) throw new ApiError(403, 'forbidden_host', `this server answers only to ${allowed[0]} (Host was "${host.slice(0, 100)}")`);
  }

  private checkToken(request: IncomingMessage): void {
    if (!this.tokenRequired) return;
    if (this.hasBearer(request)) return;
    const cookie = cookiesOf(request).get(this.cookieName);
    if (cookie !== undefined && sameSecret(cookie, this.cookieValue)) return;
    throw this.unauthorized();
  }

  private hasBearer(request: IncomingMessage): boolean {
    const token = this.options.token;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    return token !== undefined && match !== null && sameSecret(match[1], token);
  }

  private unauthorized(): ApiError {
    return new ApiError(401, 'unauthorized', 'this server needs its token: send Authorization: Bearer <token>, or open the page as http://HOST:PORT/#token=<token>', { 'www-authenticate': 'Bearer' });
  }

  /**
   * Browsers send Origin (and Sec-Fetch-Site) with every POST and DELETE; a request from any other site is
   * refused. Clients that send neither (curl, scripts) are not browsers carrying someone's cookie.
   */
  private checkOrigin(request: IncomingMessage): void {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw crossOrigin(`Sec-Fetch-Site is "${site}"`);
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const expected = `http://${request.headers.host ?? ''}`.toLowerCase();
    if (origin.toLowerCase() !== expected) throw crossOrigin(`Origin "${origin.slice(0, 100)}" is not ${expected}`);
  }
}

function crossOrigin(detail: string): ApiError {
  return new ApiError(403, 'cross_origin', `requests that change things must come from this server's own page (${detail})`);
}
