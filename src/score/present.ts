// How score results look on stdout: a table on a terminal, one tab-separated line per file otherwise
// (score first, so `sort -n` ranks them), or JSON lines. Pure string building.
import type { ScoreReport } from './scoreSvg.js';

export interface FileScore extends ScoreReport {
  file: string;
}

/** The --json shape (SPEC §6): one object per file. */
export function toJson(result: FileScore) {
  const { file, valid, profile, findings, bytes, metrics, adherence, judge, score, error } = result;
  return { file, valid, profile, findings, bytes, metrics, adherence, judge, score, ...(error ? { error } : {}) };
}

export function plainLine(result: FileScore): string {
  return `${result.score.toFixed(4)}\t${verdict(result)}\t${result.file}`;
}

function verdict(result: FileScore): string {
  if (result.error) return 'unusable';
  if (!result.valid) return 'invalid';
  return result.metrics.blank ? 'blank' : 'valid';
}

/** A score or metric for reading: two decimals, "-" when there is none. */
export const fixed = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? '-' : value.toFixed(digits));

export function kilobytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}

export interface TableStyle {
  bold(text: string): string;
  dim(text: string): string;
  bad(text: string): string;
}

const COLUMNS = ['score', 'valid', 'cover', 'colours', 'contrast', 'elements', 'size', 'adherence', 'judge', 'file'] as const;

/** A table with a header; findings of invalid files are listed under their row. */
export function table(results: FileScore[], style: TableStyle): string {
  const rows = results.map((r) => [
    fixed(r.score),
    r.error ? 'unusable' : r.valid ? 'yes' : 'no',
    fixed(r.metrics.coverage),
    r.metrics.colors === undefined ? '-' : String(r.metrics.colors),
    fixed(r.metrics.contrast),
    r.metrics.elements === undefined ? '-' : String(r.metrics.elements),
    kilobytes(r.bytes),
    'score' in r.adherence ? fixed(r.adherence.score) : '-',
    'model' in r.judge ? (r.judge.error ? 'failed' : fixed(r.judge.score)) : '-',
    r.file,
  ]);
  const widths = COLUMNS.map((name, i) => Math.max(name.length, ...rows.map((row) => row[i].length)));
  const pad = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  const lines = [style.bold(pad(COLUMNS))];
  results.forEach((result, index) => {
    const line = pad(rows[index]);
    lines.push(result.valid && !result.metrics.blank ? line : style.bad(line));
    const notes = result.error ? [result.error.message] : result.findings.map((f) => f.message);
    if (result.metrics.blank) notes.unshift('blank: nothing visible is drawn');
    if ('model' in result.judge && result.judge.error) notes.push(`judge: ${result.judge.error}`);
    else if ('model' in result.judge && result.judge.unreadable) notes.push(`judge: ${result.judge.unreadable} of ${result.judge.questions?.length} answers could not be read (counted wrong)`);
    for (const note of notes.slice(0, 6)) lines.push(style.dim(`    ${note}`));
    if (notes.length > 6) lines.push(style.dim(`    ... and ${notes.length - 6} more (see --json)`));
  });
  return `${lines.join('\n')}\n`;
}

/** One line for a reply in the REPL or a card: "0.83 · 7 colours · coverage 41% · colours 1/1 · objects 2/2". */
export function summaryLine(report: ScoreReport): string {
  if (report.error) return `not scored: ${report.error.message}`;
  const parts = [report.score.toFixed(2)];
  if (!report.valid) parts.push(`invalid for ${report.profile}: ${report.findings[0]?.message ?? 'see findings'}`);
  else if (report.metrics.blank) parts.push('blank');
  else parts.push(`${report.metrics.colors} colours`, `coverage ${Math.round((report.metrics.coverage ?? 0) * 100)}%`);
  if ('colorChecks' in report.adherence) {
    const { colorChecks, items, missing } = report.adherence;
    if (colorChecks.length > 0) parts.push(`colours ${colorChecks.filter((c) => c.present).length}/${colorChecks.length}`);
    if (items.length + missing.length > 0) parts.push(`objects ${items.filter((i) => i.matched).length}/${items.length + missing.length}`);
  }
  if ('model' in report.judge) parts.push(report.judge.error ? 'judge failed' : `judge ${report.judge.score?.toFixed(2)}`);
  return parts.join(' · ');
}
