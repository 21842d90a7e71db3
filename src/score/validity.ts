// Validity (SPEC §6): parses, root is <svg>, has a viewBox or width/height, passes §5, fits the profile.
// The verdict comes from the SVG safety core: what sanitizing for the profile had to remove or change
// is exactly what keeps the file from complying as it is. Pure.
import { type Finding, type ProfileName, sanitizeSvg } from '../svg/sanitize.js';
import { parseSvg, SvgInputError } from '../svg/parse.js';
import { parseLength } from '../svg/viewBox.js';

export interface Validity {
  /** False when the input is not a usable SVG at all (the command exits 2 for it). */
  usable: boolean;
  valid: boolean;
  findings: Finding[];
  /** The SVG cleaned by SPEC §5 alone: what is rendered and measured. Empty when unusable. */
  renderable: string;
  /** Why the input is unusable. */
  error?: { code: string; message: string; hint?: string };
}

export function checkValidity(input: string, profile: ProfileName): Validity {
  let forProfile;
  let safe;
  try {
    forProfile = sanitizeSvg(input, { profile });
    safe = profile === 'default' ? forProfile : sanitizeSvg(input, { profile: 'default' });
  } catch (error) {
    if (!(error instanceof SvgInputError)) throw error;
    return { usable: false, valid: false, findings: [{ rule: 'parse', message: error.message }], renderable: '', error: { code: error.code, message: error.message, hint: error.hint } };
  }
  const findings = forProfile.findings;
  const blocking = findings.filter((finding) => !(finding.rule === 'viewbox' && hasWidthAndHeight(input)));
  return { usable: true, valid: blocking.length === 0, findings, renderable: safe.svg };
}

/** A missing viewBox is fine when width and height give the size (the sanitizer adds one either way). */
function hasWidthAndHeight(input: string): boolean {
  const root = parseSvg(input);
  return parseLength(root.attributes.width) !== undefined && parseLength(root.attributes.height) !== undefined;
}
