// The formats a session leaves and comes back in: JSON (SVGs embedded; imports back identical) and the
// Markdown export's plain-text shape (prompts and seeds; imports back as prompts to replay).
import { z } from 'zod';
import type { Session } from './schema.js';

export const JSON_EXPORT_FORMAT = 'svgchat-session';

export const jsonExportSchema = z.object({
  format: z.literal(JSON_EXPORT_FORMAT),
  exportVersion: z.literal(1),
  exportedAt: z.string().optional(),
  /** A session document of any schema version; read through the migrations. */
  session: z.unknown(),
  /** SVG text by the `path` its refs carry. */
  svgs: z.record(z.string(), z.string()),
});

export type JsonExport = Omit<z.infer<typeof jsonExportSchema>, 'session'> & { session: Session };

/** Markdown that shows as itself everywhere: every character that could start markup is escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&|~]/g, '\\$&')
    .replace(/^([#+=-])/gm, '\\$1')
    .replace(/^(\d+)([.)])/gm, '$1\\$2');
}

export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export interface MarkdownTurn {
  id: string;
  parent: string | null;
  prompt: string;
  seed: number | null;
}

export interface MarkdownSession {
  name?: string;
  title?: string;
  turns: MarkdownTurn[];
}

const TURN_HEADING = /^## (t\d+) · (?:new branch|follows (t\d+))/;

/** Reads back what exportMarkdown wrote: the session's name and title, and each turn's prompt, parent and seed. */
export function parseMarkdownExport(text: string): MarkdownSession {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const result: MarkdownSession = { turns: [] };
  let current: (MarkdownTurn & { quote: string[] }) | undefined;
  const finish = () => {
    if (current) result.turns.push({ id: current.id, parent: current.parent, prompt: unescapeMarkdown(current.quote.join('\n')).trim(), seed: current.seed });
    current = undefined;
  };
  for (const line of lines) {
    const heading = TURN_HEADING.exec(line);
    if (heading) {
      finish();
      current = { id: heading[1], parent: heading[2] ?? null, prompt: '', seed: null, quote: [] };
      continue;
    }
    if (!current) {
      if (result.title === undefined && line.startsWith('# ')) result.title = unescapeMarkdown(line.slice(2)).trim();
      const name = /^Session `([^`]+)`/.exec(line);
      if (name && result.name === undefined) result.name = name[1];
      continue;
    }
    if (line.startsWith('>')) current.quote.push(line.replace(/^> ?/, ''));
    const seed = /(?:^| · )seed (\d+)(?: ·|$)/.exec(line);
    if (seed && !line.startsWith('>')) current.seed = Number(seed[1]);
  }
  finish();
  return result;
}
