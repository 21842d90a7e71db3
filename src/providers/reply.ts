// From a model's reply to an SVG svgchat may store: extract it, repair it if it was cut off, then
// sanitize and fit it to the profile (SPEC §5). Says why when nothing usable is left.
import { applyProfile, type ProfileResult } from '../svg/profiles.js';
import { extractSvg } from './extract.js';
import { repairTruncatedSvg } from './repair.js';

export type ReplyVerdict =
  | { ok: true; svg: string; notes: string[] }
  | { ok: false; code: 'no_svg' | 'invalid_svg' | 'empty_svg' | 'profile'; reason: string };

const DRAWS = /<(path|rect|circle|ellipse|line|polyline|polygon|text|use|image)\b/i;

function errorCode(error: unknown): string | undefined {
  return error instanceof Error ? (error as { code?: string }).code : undefined;
}

export function interpretReply(content: string, profile: 'default' | 'kaggle', finishReason: string | null): ReplyVerdict {
  const extracted = extractSvg(content);
  if (extracted.svg === null) return { ok: false, code: 'no_svg', reason: extracted.reason };
  const notes: string[] = [];
  let svg = extracted.svg;
  if (extracted.truncated) {
    const repaired = repairTruncatedSvg(svg);
    if (!repaired) return { ok: false, code: 'no_svg', reason: 'the reply was cut off before its <svg> opening tag was complete' };
    svg = repaired.svg;
    const why = finishReason === 'length' ? 'the model ran out of output tokens' : 'the reply ended mid-SVG';
    notes.push(`${why}; repaired it by closing ${repaired.closed.length} open element${repaired.closed.length === 1 ? '' : 's'}`);
  }
  let checked: ProfileResult;
  try {
    // Sanitizes (SPEC §5) and makes the SVG fit the profile where that can be done without changing the picture.
    checked = applyProfile(svg, profile);
  } catch (error) {
    if (errorCode(error) === 'invalid_svg') return { ok: false, code: 'invalid_svg', reason: (error as Error).message };
    throw error;
  }
  if (!checked.ok) return { ok: false, code: 'profile', reason: `the SVG does not fit the ${profile} profile: ${checked.reason}` };
  if (!DRAWS.test(checked.svg)) return { ok: false, code: 'empty_svg', reason: 'nothing drawable was left in the SVG after removing what is not allowed' };
  for (const finding of checked.findings) notes.push(`sanitized the model's SVG: ${finding.message}`);
  return { ok: true, svg: checked.svg, notes };
}
