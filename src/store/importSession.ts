// Import of a JSON export (SPEC §3): the same session back, turn for turn and byte for byte.
// Only the name changes if it is taken (or --name asks), and the id if this store already has it.
// Like every SVG svgchat stores, each one first passes the safety core (SPEC §5) for the session's profile:
// an export is a file from anywhere, so a hostile SVG in it is stored cleaned, and the import says so.
import { randomUUID } from 'node:crypto';
import { UsageError } from '../errors.js';
import { SvgInputError } from '../svg/errors.js';
import { PROFILES, type ProfileName } from '../svg/profiles.js';
import { sanitizeSvg } from '../svg/sanitize.js';
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
  /** Turns whose SVGs (or candidates) the safety core changed, with what it removed; empty for a clean export. */
  cleaned: CleanedTurn[];
}

export interface CleanedTurn {
  turn: string;
  removed: string[];
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

/** Each SVG as the safety core leaves it; throws (nothing written yet) when one is not usable at all. */
function sanitizeImported(session: Session, svgs: Map<string, Buffer>): { clean: Map<string, Buffer>; cleaned: CleanedTurn[] } {
  const profile: ProfileName = (PROFILES as readonly string[]).includes(session.settings.profile) ? (session.settings.profile as ProfileName) : 'default';
  const clean = new Map<string, Buffer>();
  const cleaned: CleanedTurn[] = [];
  for (const turn of session.turns) {
    const removed = new Set<string>();
    for (const ref of [...(turn.svg ? [turn.svg] : []), ...turn.candidates]) {
      const original = svgs.get(ref.path)!;
      let result;
      try {
        result = sanitizeSvg(original, { profile });
      } catch (error) {
        if (error instanceof SvgInputError) throw damaged(`the SVG ${ref.path} of turn ${turn.id} cannot be used: ${error.message}`);
        throw error;
      }
      const bytes = Buffer.from(result.svg, 'utf8');
      if (bytes.equals(original)) {
        clean.set(ref.path, original);
        continue;
      }
      clean.set(ref.path, bytes);
      for (const finding of result.findings) removed.add(finding.message);
      if (result.findings.length === 0) removed.add('rewrote it as the safety core writes SVGs');
    }
    if (removed.size > 0) cleaned.push({ turn: turn.id, removed: [...removed] });
  }
  return { clean, cleaned };
}

export function importJsonExport(store: SessionStore, text: string, options: { name?: string } = {}): ImportResult {
  const exported = readJsonExport(text);
  const { session } = exported;
  const { clean: svgs, cleaned } = sanitizeImported(session, exported.svgs);
  if (options.name !== undefined) validateSessionName(options.name);
  return store.withDirectoryLock(() => {
    if (options.name !== undefined && store.nameTaken(options.name)) {
      throw new UsageError(`a session named "${options.name}" already exists`, 'pick another --name', 'name_taken');
    }
    const name = options.name ?? store.freeName(session.name);
    return store.withSessionLocks([name], () => {
      // Checked again under its lock before any file is written: an auto-named session may have just taken it.
      store.claimable(name);
      const place = (ref: SvgRef): SvgRef => {
        const file = ref.path.slice(ref.path.lastIndexOf('/') + 1, -'.svg'.length);
        const bytes = svgs.get(ref.path)!;
        // A cleaned SVG is described by the bytes stored, not by the ones in the export.
        return storeSvgFile(store.dir, name, file, bytes, bytes.equals(exported.svgs.get(ref.path)!) ? ref : undefined);
      };
      // A score was of the drawing as exported: once cleaning has changed it, nothing has scored it yet.
      const scoreOf = (ref: SvgRef, score: number | null) => (svgs.get(ref.path)!.equals(exported.svgs.get(ref.path)!) ? score : null);
      const turns = session.turns.map((turn): Turn => ({
        ...turn,
        svg: turn.svg && place(turn.svg),
        score: turn.svg ? scoreOf(turn.svg, turn.score) : turn.score,
        candidates: turn.candidates.map((candidate) => ({ ...place(candidate), score: scoreOf(candidate, candidate.score) })),
      }));
      const id = store.idTaken(session.id) ? randomUUID() : session.id;
      const imported = store.writeNew({ ...session, id, name, turns });
      return { session: imported, cleaned, ...(name === session.name ? {} : { renamedFrom: session.name }) };
    });
  });
}
