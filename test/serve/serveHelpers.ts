// An in-process `svgchat serve` on 127.0.0.1 and a random port, with a temp SVGCHAT_HOME, and a raw HTTP
// client that can send what browsers cannot (any Host, Origin, body, or no Content-Length).
import http from 'node:http';
import { settingsFor } from '../../src/config/file.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import { fakeContext } from '../helpers/context.js';
import { tempHome } from '../helpers/cli.js';

export interface TestServer extends RunningServer {
  home: string;
  host: string;
  store: SessionStore;
  logs: string[];
}

export async function startTestServer(options: { host?: string; token?: string; env?: Record<string, string>; concurrency?: number } = {}): Promise<TestServer> {
  const home = tempHome('svgchat-serve-');
  const { ctx } = fakeContext(home, { env: options.env });
  const logs: string[] = [];
  const host = options.host ?? '127.0.0.1';
  const server = await startServer({
    home,
    host,
    port: 0,
    token: options.token,
    version: 'test',
    settings: (flags) => settingsFor(ctx, flags).values,
    log: (message) => logs.push(message),
    concurrency: options.concurrency,
  });
  return { ...server, home, host, store: new SessionStore(home), logs };
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface SendOptions {
  body?: string | Buffer | object;
  headers?: Record<string, string>;
  /** Send the body in chunks without a Content-Length. */
  chunked?: boolean;
  host?: string;
}

/** One request to the test server; the body of an object is sent as JSON with the JSON content type. */
export function send(server: Pick<TestServer, 'port' | 'host'>, method: string, path: string, options: SendOptions = {}): Promise<Reply> {
  const isObject = options.body !== undefined && typeof options.body === 'object' && !Buffer.isBuffer(options.body);
  const payload = options.body === undefined ? undefined : isObject ? JSON.stringify(options.body) : (options.body as string | Buffer);
  const headers: Record<string, string> = { ...(isObject ? { 'content-type': 'application/json' } : {}), ...options.headers };
  if (payload !== undefined && !options.chunked) headers['content-length'] = String(Buffer.byteLength(payload));
  return new Promise((resolve, reject) => {
    const request = http.request({ host: server.host, port: server.port, method, path, headers: { host: options.host ?? `${server.host}:${server.port}`, ...headers }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    if (payload !== undefined && options.chunked) {
      const bytes = Buffer.from(payload);
      const step = 64 * 1024;
      let at = 0;
      const pump = () => {
        while (at < bytes.length) {
          const more = request.write(bytes.subarray(at, (at += step)));
          if (!more) return void request.once('drain', pump);
        }
        request.end();
      };
      // The server may answer (413) and close before all of it is sent: that is the point.
      request.on('error', () => {});
      pump();
    } else {
      request.end(payload);
    }
  });
}

/** Server-sent events of a reply, in order. */
export function events(text: string): { event: string; data: any }[] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      return { event, data: JSON.parse(data) };
    });
}
