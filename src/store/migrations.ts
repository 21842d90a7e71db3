// Reading a session document of any schema version: each version is validated by its own frozen schema,
// then upgraded one step at a time to the current one (SPEC §3: migrations from every earlier version).
import { z } from 'zod';
import { SCHEMA_VERSION, sessionSchema, treeProblem, type Session } from './schema.js';
import { sessionV1Schema, type SessionV1 } from './schemaV1.js';

/** The file is not a session we can read: it gets moved aside, never overwritten. */
export class UnreadableSessionError extends Error {}

/** Written by a newer svgchat: left alone, since moving it aside would hide it from that version. */
export class NewerSchemaError extends Error {
  constructor(readonly version: number) {
    super(`it was written by a newer svgchat (schema version ${version}; this one reads up to ${SCHEMA_VERSION})`);
  }
}

interface Upgrade {
  from: number;
  schema: z.ZodType;
  upgrade: (document: never) => unknown;
}

const upgrades: Upgrade[] = [
  // 1 -> 2: sessions remember what they were forked from.
  { from: 1, schema: sessionV1Schema, upgrade: (v1: SessionV1) => ({ ...v1, version: 2, forkedFrom: null }) },
];

function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the document';
  return `${where}: ${issue.message}${error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : ''}`;
}

/** A validated current-version session from parsed JSON of any version. */
export function sessionFromDocument(document: unknown): { session: Session; migratedFrom: number | null } {
  const version = (document as { version?: unknown } | null)?.version;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new UnreadableSessionError('it is not a JSON object');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new UnreadableSessionError('it has no schema version');
  if (version > SCHEMA_VERSION) throw new NewerSchemaError(version);
  let current: unknown = document;
  for (const step of upgrades) {
    if (step.from < version) continue;
    const parsed = step.schema.safeParse(current);
    if (!parsed.success) throw new UnreadableSessionError(`version ${step.from}: ${describeIssues(parsed.error)}`);
    current = step.upgrade(parsed.data as never);
  }
  const parsed = sessionSchema.safeParse(current);
  if (!parsed.success) throw new UnreadableSessionError(describeIssues(parsed.error));
  const problem = treeProblem(parsed.data);
  if (problem) throw new UnreadableSessionError(problem);
  return { session: parsed.data, migratedFrom: version === SCHEMA_VERSION ? null : version };
}

/** Text of a session file -> session; every failure is an UnreadableSessionError or NewerSchemaError. */
export function sessionFromText(text: string): { session: Session; migratedFrom: number | null } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UnreadableSessionError(text.trim() === '' ? 'it is empty' : `it is not valid JSON (${(error as Error).message})`);
  }
  return sessionFromDocument(document);
}
