// The page at / and its assets. The script is compiled at build time (scripts/build.mjs) into
// dist/pages/client/; it is read once, when the server starts.
import fs from 'node:fs';
import path from 'node:path';
import { RuntimeFailure } from '../errors.js';
import { builtPath } from '../paths.js';
import { CHAT_PAGE_HTML, FAVICON_SVG, PAGE_CSP } from '../pages/chatPage.js';
import { PAGE_CSS } from '../pages/theme.js';
import type { Exchange, Route } from './app.js';
import { ApiError, sendNoContent } from './http.js';

/** dist/pages/client, from dist/serve (built) and from src/serve (tests): both sit two levels under the repo. */
export function clientDir(): string {
  return builtPath('pages', 'client');
}

interface Asset {
  body: Buffer;
  type: string;
}

export function loadAssets(): Map<string, Asset> {
  const dir = clientDir();
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((file) => file.endsWith('.mjs'));
  } catch {
    files = [];
  }
  if (!files.includes('app.mjs')) throw new RuntimeFailure(`the web page is not built (${path.join(dir, 'app.mjs')} is missing)`, 'run: npm run build', 'not_built');
  const assets = new Map<string, Asset>();
  for (const file of files) assets.set(`/assets/${file}`, { body: fs.readFileSync(path.join(dir, file)), type: 'text/javascript; charset=utf-8' });
  assets.set('/assets/app.css', { body: Buffer.from(PAGE_CSS), type: 'text/css; charset=utf-8' });
  assets.set('/favicon.svg', { body: Buffer.from(FAVICON_SVG), type: 'image/svg+xml' });
  return assets;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

function send(exchange: Exchange, type: string, body: Buffer | string, extra: Record<string, string> = {}): void {
  const { request, response } = exchange;
  response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-cache', ...extra });
  response.end(request.method === 'HEAD' ? undefined : body);
}

export function staticRoutes(assets: Map<string, Asset>): Route[] {
  const asset = (exchange: Exchange) => {
    const found = assets.get(exchange.url.pathname);
    if (!found) throw new ApiError(404, 'not_found', `no such file: ${exchange.url.pathname.slice(0, 200)}`);
    send(exchange, found.type, found.body, found.type.startsWith('image/svg') ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" } : {});
  };
  return [
    { method: 'GET', pattern: /^\/$/, public: true, handle: (exchange) => send(exchange, 'text/html; charset=utf-8', CHAT_PAGE_HTML, { 'content-security-policy': PAGE_CSP }) },
    { method: 'GET', pattern: /^\/assets\/[A-Za-z0-9_-]+\.(?:mjs|css)$/, public: true, handle: asset },
    { method: 'GET', pattern: /^\/favicon\.svg$/, public: true, handle: asset },
    // The page trades the token from its URL for the HttpOnly cookie here (guard.ts); without a token there is nothing to trade.
    {
      method: 'POST',
      pattern: /^\/api\/auth\/?$/,
      handle: ({ request, response, app }) => {
        request.resume();
        sendNoContent(response, app.guard.tokenRequired ? { 'set-cookie': app.guard.loginCookie(request) } : {});
      },
    },
  ];
}
