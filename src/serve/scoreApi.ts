// POST /api/score {svg, prompt?, profile?}: the scorer of `svgchat score` (SPEC §6) over HTTP.
import { z } from 'zod';
import { scoreSvg } from '../score/scoreSvg.js';
import type { Exchange, Route } from './app.js';
import { ApiError, readJson, sendJson } from './http.js';

const scoreBody = z.strictObject({
  svg: z.string().min(1, 'the svg is empty'),
  prompt: z.string().max(32 * 1024).optional(),
  profile: z.enum(['default', 'kaggle']).optional(),
});

async function score({ request, response }: Exchange): Promise<void> {
  const body = await readJson(request, scoreBody);
  const report = await scoreSvg(body.svg, { profile: body.profile ?? 'default', prompt: body.prompt });
  // Input that is not a usable SVG at all (DOCTYPE, entities, malformed, over the cap) is the client's problem.
  if (report.error) throw new ApiError(422, report.error.code, report.error.hint ? `${report.error.message} (${report.error.hint})` : report.error.message);
  const { valid, profile, findings, bytes, metrics, adherence, judge } = report;
  sendJson(response, 200, { file: null, valid, profile, findings, bytes, metrics, adherence, judge, score: report.score });
}

function health({ response, app }: Exchange): void {
  sendJson(response, 200, {
    status: 'ok',
    version: app.version,
    uptimeMs: Math.round(performance.now() - app.startedAt),
    generations: { running: app.slots.active, waiting: app.slots.queued },
  });
}

export const scoreRoutes: Route[] = [
  { method: 'POST', pattern: /^\/api\/score\/?$/, handle: score },
  { method: 'GET', pattern: /^\/api\/health\/?$/, handle: health },
];
