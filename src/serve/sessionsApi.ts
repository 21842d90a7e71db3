// Session endpoints (SPEC §8): start, list, get, reset, end. Same store and locks as the CLI.
import { z } from 'zod';
import type { Exchange, Route } from './app.js';
import { readJson, sendJson, sendNoContent } from './http.js';
import { sessionSummary, sessionView } from './sessionViews.js';

export const providerSchema = z.enum(['offline', 'openai']);
export const modelSchema = z.string().min(1).max(200);

const startBody = z.strictObject({
  name: z.string().max(200).optional(),
  provider: providerSchema.optional(),
  model: modelSchema.optional(),
});

async function start({ request, response, app }: Exchange): Promise<void> {
  const body = await readJson(request, startBody);
  const settings = app.settings({ provider: body.provider, model: body.model });
  const session = app.store.create({ name: body.name, settings: { provider: settings.provider, model: settings.model, size: settings.size, profile: settings.profile } });
  sendJson(response, 201, sessionView(session), { location: `/api/sessions/${session.id}` });
}

function list({ response, url, app }: Exchange): void {
  const search = url.searchParams.get('search') ?? undefined;
  sendJson(response, 200, { sessions: app.store.list({ search }).map(sessionSummary) });
}

function get({ response, params, app }: Exchange): void {
  sendJson(response, 200, sessionView(app.store.get(params[0])));
}

async function reset({ request, response, params, app }: Exchange): Promise<void> {
  await readJson(request, z.strictObject({}));
  sendJson(response, 200, sessionView(app.store.reset(params[0])));
}

function end({ response, params, app }: Exchange): void {
  app.store.remove(params[0]);
  sendNoContent(response);
}

const ONE = '([^/]+)';

export const sessionRoutes: Route[] = [
  { method: 'GET', pattern: /^\/api\/sessions\/?$/, handle: list },
  { method: 'POST', pattern: /^\/api\/sessions\/?$/, handle: start },
  { method: 'GET', pattern: new RegExp(`^/api/sessions/${ONE}/?$`), handle: get },
  { method: 'DELETE', pattern: new RegExp(`^/api/sessions/${ONE}/?$`), handle: end },
  { method: 'POST', pattern: new RegExp(`^/api/sessions/${ONE}/reset/?$`), handle: reset },
];
