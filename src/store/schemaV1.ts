// Schema version 1, frozen as the walking skeleton wrote it. Only migrations.ts reads it; never change it.
import { z } from 'zod';

const svgRefV1 = z.object({
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const turnV1 = z.object({
  id: z.string().min(1),
  parent: z.string().nullable(),
  prompt: z.string(),
  provider: z.string(),
  model: z.string(),
  seed: z.number().int().nullable().default(null),
  svg: svgRefV1.nullable(),
  scene: z.unknown().nullable().default(null),
  score: z.number().nullable().default(null),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }).nullable().default(null),
  durationMs: z.number().nonnegative(),
  candidates: z.array(svgRefV1.extend({ score: z.number().nullable() })).default([]),
  error: z.object({ code: z.string(), message: z.string(), raw: z.string().optional() }).nullable().default(null),
  at: z.string(),
});

export const sessionV1Schema = z.object({
  version: z.literal(1),
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  settings: z.object({ provider: z.string(), model: z.string(), size: z.string(), profile: z.string() }),
  head: z.string().nullable(),
  turns: z.array(turnV1),
});

export type SessionV1 = z.infer<typeof sessionV1Schema>;
