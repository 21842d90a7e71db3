// How turns, scenes and scores read in the REPL: plain strings, no colour, no I/O.
import { fixed, kilobytes } from '../score/present.js';
import type { ScoreReport } from '../score/scoreSvg.js';
import type { Session, Turn } from '../store/schema.js';
import { printable } from '../ui/printable.js';

/** Prompts and titles are user text (or an imported file's): one line, and only printable characters. */
export const oneLine = (text: string, width = 60) => {
  const flat = printable(text.replace(/\s+/g, ' ').trim());
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};

/** "1 turn", "3 turns". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** "t3  0.72  a red fox in the snow" (or the error of a failed turn). */
export function turnLine(turn: Turn, width = 60): string {
  const score = turn.error ? 'fail' : fixed(turn.score);
  const prompt = oneLine(turn.prompt, width);
  return `${turn.id.padEnd(4)} ${score.padEnd(4)}  ${prompt}${turn.error ? `  (${oneLine(turn.error.message, 40)})` : ''}`;
}

interface SceneLike {
  items?: { concept: string; source: string; color?: string; count: number; prop?: string }[];
  setting?: string;
  time?: string;
  weather?: string;
  pattern?: { kind: string };
  unmatched?: string[];
}

/** What the composer placed, in one line: "fox (icon fox, #ff0000) · tree ×3 (forest) · …". */
export function sceneSummary(scene: unknown): string | undefined {
  if (!scene || typeof scene !== 'object') return undefined;
  const { items = [], setting, time, weather, pattern, unmatched = [] } = scene as SceneLike;
  // Items drawn the same way for the same reason read as one ("tree ×6 (for the setting)").
  const counts = new Map<string, { concept: string; why: string; count: number }>();
  for (const item of items) {
    const source = item.source.replace(/^icon:/, 'icon ').replace(/^primitive:/, 'shape ');
    const why = [item.prop === 'setting' ? 'for the setting' : item.prop === 'time' ? 'for the time' : source, item.color].filter(Boolean).join(', ');
    const key = `${item.concept}\u0000${why}`;
    const seen = counts.get(key);
    if (seen) seen.count += item.count;
    else counts.set(key, { concept: item.concept, why, count: item.count });
  }
  const parts = [...counts.values()].map(({ concept, why, count }) => `${concept}${count > 1 ? ` ×${count}` : ''} (${why})`);
  if (pattern) parts.unshift(`${pattern.kind} pattern`);
  const where = [setting && `in the ${setting}`, weather && `with ${weather}`, time && time !== 'day' && `at ${time}`].filter(Boolean).join(' ');
  const lines = [`placed: ${parts.length > 0 ? parts.join(' · ') : 'nothing but the background'}${where ? ` ${where}` : ''}`];
  if (unmatched.length > 0) lines.push(`no drawing found for: ${unmatched.join(', ')}`);
  return lines.join('\n');
}

/** "score 0.72 · craft 0.64 · adherence 0.80 (colours 1.00, objects 0.50; missing: moon) · 2.1 kB". */
export function scoreSummary(report: ScoreReport): string {
  if (report.error) return `score 0 · unusable: ${report.error.message}`;
  const parts = [`score ${fixed(report.score)}`];
  if (!report.valid) parts.push(`invalid: ${report.findings[0]?.message ?? 'fails the profile'}`);
  if (report.metrics.blank) parts.push('blank');
  if (report.metrics.craft !== undefined) parts.push(`craft ${fixed(report.metrics.craft)}`);
  if ('score' in report.adherence && report.adherence.score !== null) {
    const a = report.adherence;
    const detail = [a.colors !== null && `colours ${fixed(a.colors)}`, a.objects !== null && `objects ${fixed(a.objects)}`, a.counts !== null && `counts ${fixed(a.counts)}`].filter(Boolean).join(', ');
    const missing = a.missing.length > 0 ? `; missing: ${a.missing.join(', ')}` : '';
    parts.push(`adherence ${fixed(a.score)} (${detail}${missing})`);
  }
  if ('model' in report.judge) parts.push(report.judge.error ? 'judge failed' : `judge ${fixed(report.judge.score)}`);
  parts.push(kilobytes(report.bytes));
  return parts.join(' · ');
}

/** One line per session for /sessions; the current one is starred. */
export function sessionLines(sessions: Session[], currentId: string | undefined, limit = 20): string[] {
  const shown = sessions.slice(0, limit);
  const width = Math.max(4, ...shown.map((s) => s.name.length));
  const lines = shown.map((s) => {
    const mark = s.id === currentId ? '*' : ' ';
    const turns = count(s.turns.length, 'turn');
    return `${mark} ${s.name.padEnd(width)}  ${turns.padEnd(9)} ${s.updatedAt.slice(0, 16).replace('T', ' ')}  ${oneLine(s.title, 40)}`;
  });
  if (sessions.length > limit) lines.push(`  … and ${sessions.length - limit} more (svgchat sessions list)`);
  return lines;
}
