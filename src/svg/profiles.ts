// Constraint profiles (SPEC §6): `default` is SPEC §5 alone; `kaggle` is the "Drawing with LLMs" rules
// (element and attribute allowlist, no CSS, no data:, hrefs only #id, at most 10,000 bytes).
import { rulesFor, type ProfileName } from './allowlist.js';
import type { Finding } from './findings.js';
import { SvgInputError } from './errors.js';
import { sanitizeSvg } from './sanitize.js';

export type { ProfileName } from './allowlist.js';
export const PROFILES: readonly ProfileName[] = ['default', 'kaggle'];

export interface ProfileResult {
  svg: string;
  findings: Finding[];
  ok: boolean;
  reason?: string;
}

/** What keeps this SVG from complying with the profile as it is; empty when it complies. */
export function checkProfile(svg: string, profile: ProfileName): Finding[] {
  try {
    return sanitizeSvg(svg, { profile }).findings;
  } catch (error) {
    if (error instanceof SvgInputError) return [{ rule: 'parse', message: error.message }];
    throw error;
  }
}

/**
 * Makes the SVG comply where it can: drops what the profile does not allow, inlines CSS, merges and rounds to
 * fit the byte limit. `ok` is false, with the reason, when the result still does not comply.
 * Throws SvgInputError for input that cannot be used at all.
 */
export function applyProfile(svg: string | Uint8Array, profile: ProfileName): ProfileResult {
  const result = sanitizeSvg(svg, { profile });
  const remaining = checkProfile(result.svg, profile);
  if (remaining.length === 0) return { ...result, ok: true };
  const limit = rulesFor(profile).maxBytes;
  const reason = remaining.map((finding) => finding.message).join('; ');
  return { ...result, ok: false, reason: limit === undefined ? reason : `${reason} (the ${profile} profile allows ${limit.toLocaleString('en-US')} bytes)` };
}
