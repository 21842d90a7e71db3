// The session file's schema (SPEC §3). Validated on every read and write.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

export const svgRefSchema = z.object({
  /** Relative to the sessions directory, e.g. "my-fox/001.svg". */
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const candidateSchema = svgRefSchema.extend({ score: z.number().nullable() });

export const turnSchema = z.object({
  id: z.string().min(1),
  parent: z.string().nullable(),
  prompt: z.string(),
  provider: z.string(),
  model: z.string(),
  seed: z.number().int().nullable().default(null),
  svg: svgRefSchema.nullable(),
  scene: z.unknown().nullable().default(null),
  score: z.number().nullable().default(null),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }).nullable().default(null),
  durationMs: z.number().nonnegative(),
  candidates: z.array(candidateSchema).default([]),
  error: z.object({ code: z.string(), message: z.string(), raw: z.string().optional() }).nullable().default(null),
  at: z.string(),
});

export const sessionSettingsSchema = z.object({
  provider: z.string(),
  model: z.string(),
  size: z.string(),
  profile: z.string(),
});

export const sessionSchema = z.object({
  version: z.literal(SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  settings: sessionSettingsSchema,
  head: z.string().nullable(),
  turns: z.array(turnSchema),
});

export type SvgRef = z.infer<typeof svgRefSchema>;
export type Turn = z.infer<typeof turnSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;
