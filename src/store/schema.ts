// The session file's schema (SPEC §3), version 2. Validated on every read and write; files written by
// earlier versions are read through migrations.ts. Changing the shape means a new version, a migration
// and a new example under the repo's sessions/ folder.
import { z } from 'zod';
import { SESSION_NAME_PATTERN } from './names.js';

export const SCHEMA_VERSION = 2;

const isoTime = z.string().min(1);

export const svgRefSchema = z.object({
  /** Relative to the sessions directory: "<session folder>/<file>.svg", never anything that leaves it. */
  path: z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,80}\.svg$/, 'must be "<session>/<file>.svg"'),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const candidateSchema = svgRefSchema.extend({ score: z.number().nullable() });

export const turnSchema = z.object({
  /** "t<N>", unique within the session; N also names the turn's SVG file. */
  id: z.string().regex(/^t[1-9][0-9]*$/),
  parent: z.string().nullable(),
  prompt: z.string(),
  provider: z.string(),
  model: z.string(),
  seed: z.number().int().nullable().default(null),
  svg: svgRefSchema.nullable(),
  /** The offline composer's plan; opaque to the store. */
  scene: z.unknown().nullable().default(null),
  score: z.number().nullable().default(null),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }).nullable().default(null),
  durationMs: z.number().nonnegative(),
  candidates: z.array(candidateSchema).default([]),
  error: z.object({ code: z.string(), message: z.string(), raw: z.string().optional() }).nullable().default(null),
  at: isoTime,
});

export const sessionSettingsSchema = z.object({
  provider: z.string(),
  model: z.string(),
  size: z.string(),
  profile: z.string(),
});

/** New in version 2: where a forked session came from. */
export const forkOriginSchema = z.object({
  sessionId: z.string(),
  sessionName: z.string(),
  turnId: z.string(),
});

/** Everything but the turns: validated on every write, while turns are validated once each. */
export const sessionHeaderSchema = z.object({
  version: z.literal(SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string().regex(SESSION_NAME_PATTERN),
  title: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  settings: sessionSettingsSchema,
  forkedFrom: forkOriginSchema.nullable().default(null),
  /** The current turn: the next prompt's parent. null = the next prompt starts a new branch from the root. */
  head: z.string().nullable(),
});

export const sessionSchema = sessionHeaderSchema.extend({ turns: z.array(turnSchema) });

export type SvgRef = z.infer<typeof svgRefSchema>;
export type Candidate = z.infer<typeof candidateSchema>;
export type Turn = z.infer<typeof turnSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type SessionHeader = z.infer<typeof sessionHeaderSchema>;
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;
export type ForkOrigin = z.infer<typeof forkOriginSchema>;

/** Tree rules zod cannot say: unique ids, parents that exist and come earlier, a head that exists. */
export function treeProblem(session: Pick<Session, 'head' | 'turns'>): string | undefined {
  const seen = new Set<string>();
  for (const turn of session.turns) {
    if (seen.has(turn.id)) return `turn id ${turn.id} appears twice`;
    if (turn.parent !== null && !seen.has(turn.parent)) return `turn ${turn.id} follows ${turn.parent}, which does not come before it`;
    seen.add(turn.id);
  }
  if (session.head !== null && !seen.has(session.head)) return `head ${session.head} is not a turn of the session`;
  return undefined;
}
