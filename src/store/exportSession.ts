// Exports of a session (SPEC §3): Markdown (prompts, SVGs as image links, scores), self-contained HTML,
// and JSON with the SVGs embedded. Nothing here writes files: callers get text and the files to place.
import { JSON_EXPORT_FORMAT, escapeMarkdown, type JsonExport } from './exchange.js';
import type { Session, SvgRef, Turn } from './schema.js';
import type { SessionStore } from './sessionStore.js';
import { readSvgBytes } from './svgFiles.js';

export type ExportFormat = 'md' | 'html' | 'json';

export interface ExportedFile {
  /** Relative to the export's own folder, e.g. "001.svg". */
  name: string;
  bytes: Buffer;
}

export interface Export {
  text: string;
  /** Files that must sit in `assetFolder` next to the export for its links to work (Markdown only). */
  files: ExportedFile[];
}

export function svgDataUri(bytes: Buffer): string {
  return `data:image/svg+xml;base64,${bytes.toString('base64')}`;
}

function allRefs(session: Session): SvgRef[] {
  return session.turns.flatMap((turn) => [...(turn.svg ? [turn.svg] : []), ...turn.candidates]);
}

export function exportJson(store: SessionStore, session: Session): string {
  const svgs: Record<string, string> = {};
  for (const ref of allRefs(session)) svgs[ref.path] = readSvgBytes(store.dir, ref).toString('utf8');
  const document: JsonExport = { format: JSON_EXPORT_FORMAT, exportVersion: 1, exportedAt: new Date().toISOString(), session, svgs };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function turnFacts(turn: Turn): string[] {
  return [
    turn.provider,
    turn.model,
    ...(turn.seed === null ? [] : [`seed ${turn.seed}`]),
    ...(turn.score === null ? [] : [`score ${turn.score.toFixed(2)}`]),
    `${turn.durationMs} ms`,
    ...(turn.candidates.length > 0 ? [`best of ${turn.candidates.length + 1}`] : []),
  ];
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Markdown. With `assetFolder` (e.g. "fox_files") images link to files in that folder, which the caller
 * writes next to the .md file; without it (stdout) they are data URIs, so the text stands alone.
 */
export function exportMarkdown(store: SessionStore, session: Session, assetFolder?: string): Export {
  const files: ExportedFile[] = [];
  const { settings } = session;
  const out = [
    `# ${escapeMarkdown(session.title || session.name)}`,
    '',
    `Session \`${session.name}\` · ${session.turns.length} turns · created ${when(session.createdAt)} · updated ${when(session.updatedAt)}  `,
    `${escapeMarkdown(`provider ${settings.provider} · model ${settings.model} · size ${settings.size} · profile ${settings.profile}`)}`,
  ];
  if (session.forkedFrom) out.push('', `Forked from \`${session.forkedFrom.sessionName}\` at ${session.forkedFrom.turnId}.`);
  for (const turn of session.turns) {
    const place = turn.parent === null ? 'new branch' : `follows ${turn.parent}`;
    out.push('', `## ${turn.id} · ${place}${turn.id === session.head ? ' · head' : ''}`, '');
    out.push(...escapeMarkdown(turn.prompt).split('\n').map((line) => (line ? `> ${line}` : '>')), '');
    if (turn.svg) {
      const bytes = readSvgBytes(store.dir, turn.svg);
      let target = svgDataUri(bytes);
      if (assetFolder !== undefined) {
        const name = turn.svg.path.slice(turn.svg.path.lastIndexOf('/') + 1);
        files.push({ name, bytes });
        target = encodeURI(`${assetFolder}/${name}`);
      }
      out.push(`![turn ${turn.id}](${target})`, '');
    } else if (turn.error) {
      out.push(`*No image: ${escapeMarkdown(turn.error.message)}*`, '');
    }
    out.push(escapeMarkdown(turnFacts(turn).join(' · ')));
  }
  return { text: `${out.join('\n')}\n`, files };
}
