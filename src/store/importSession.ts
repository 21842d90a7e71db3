// Import of a JSON export (SPEC §3): the same session back, turn for turn and byte for byte.
// Only the name changes if it is taken (or --name asks), and the id if this store already has it.
import { randomUUID } from 'node:crypto';
import { UsageError } from '../errors.js';
import { jsonExportSchema } from './exchange.js';
import { NewerSchemaError, sessionFromDocument, UnreadableSessionError } from './migrations.js';
import { validateSessionName } from './names.js';
import type { Session, SvgRef, Turn } from './schema.js';
import type { SessionStore } from './sessionStore.js';
import { sha256, storeSvgFile } from './svgFiles.js';

export interface ImportResult {
  session: Session;
  /** The name in the export, when the session had to take another one. */
  renamedFrom?: string;
}

function damaged(why: string): UsageError {
  return new UsageError(`not a usable svgchat JSON export: ${why}`, 'export it again with: svgchat sessions export NAME --format json -o FILE', 'bad_import');
}

/** Parses and checks an export: the session validates and every SVG is there with its bytes and sha256. */
export function readJsonExport(text: string): { session: Session; svgs: Map<string, Buffer> } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw damaged('it is not JSON');
  }
  const parsed = jsonExportSchema.safeParse(document);
  if (!parsed.success) throw damaged(`${parsed.error.issues[0].path.join('.') || 'document'}: ${parsed.error.issues[0].message}`);
  let session: Session;
  try {
    session = sessionFromDocument(parsed.data.session).session;
  } catch (error) {
    if (error instanceof UnreadableSessionError || error instanceof NewerSchemaError) throw damaged(`its session ${error.message}`);
    throw error;
  }
  const svgs = new Map<string, Buffer>();
  for (const ref of session.turns.flatMap((turn) => [...(turn.svg ? [turn.svg] : []), ...turn.candidates])) {
    const text = parsed.data.svgs[ref.path];
    if (text === undefined) throw damaged(`the SVG ${ref.path} is missing`);
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.byteLength !== ref.bytes || sha256(bytes) !== ref.sha256) throw damaged(`the SVG ${ref.path} does not match its sha256`);
    svgs.set(ref.path, bytes);
  }
  return { session, svgs };
}

export function importJsonExport(store: SessionStore, text: string, options: { name?: string } = {}): ImportResult {
  const { session, svgs } = readJsonExport(text);
  if (options.name !== undefined) validateSessionName(options.name);
  return store.withDirectoryLock(() => {
    if (options.name !== undefined && store.nameTaken(options.name)) {
      throw new UsageError(`a session named "${options.name}" already exists`, 'pick another --name', 'name_taken');
    }
    const name = options.name ?? store.freeName(session.name);
    return store.withSessionLocks([name], () => {
      const place = (ref: SvgRef): SvgRef => {
        const file = ref.path.slice(ref.path.lastIndexOf('/') + 1, -'.svg'.length);
        return storeSvgFile(store.dir, name, file, svgs.get(ref.path)!, ref);
      };
      const turns = session.turns.map((turn): Turn => ({
        ...turn,
        svg: turn.svg && place(turn.svg),
        candidates: turn.candidates.map((candidate) => ({ ...place(candidate), score: candidate.score })),
      }));
      const id = store.idTaken(session.id) ? randomUUID() : session.id;
      const imported = store.writeNew({ ...session, id, name, turns });
      return { session: imported, ...(name === session.name ? {} : { renamedFrom: session.name }) };
    });
  });
}
