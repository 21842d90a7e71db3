// Validity (SPEC §6): parses, root is <svg>, has a viewBox or width/height, passes §5, fits the profile.
// The verdict comes from the SVG safety core: what sanitizing for the profile had to remove or change
// is exactly what keeps the file from complying as it is. Pure.
import { type Finding, type ProfileName, sanitizeSvg, sanitizeToTree } from '../svg/sanitize.js';
import { parseSvg, SvgInputError, type SvgElement } from '../svg/parse.js';
import { parseLength } from '../svg/viewBox.js';

export interface Validity {
  /** False when the input is not a usable SVG at all (the command exits 2 for it). */
  usable: boolean;
  valid: boolean;
  findings: Finding[];
  /** The SVG cleaned by SPEC §5 alone, as a tree: what the renderer draws (it cleans the same way). */
  cleaned?: SvgElement;
  /** Why the input is unusable. */
  error?: { code: string; message: string; hint?: string };
}

export function checkValidity(input: string, profile: ProfileName): Validity {
  let findings: Finding[];
  let cleaned: SvgElement;
  try {
    // The tree is enough for the default profile; kaggle's byte limit is only judged on the serialized text.
    const safe = sanitizeToTree(input, { profile: 'default' });
    cleaned = safe.root;
    findings = profile === 'default' ? safe.findings : sanitizeSvg(input, { profile }).findings;
  } catch (error) {
    if (!(error instanceof SvgInputError)) throw error;
    return { usable: false, valid: false, findings: [{ rule: 'parse', message: error.message }], error: { code: error.code, message: error.message, hint: error.hint } };
  }
  const blocking = findings.filter((finding) => !(finding.rule === 'viewbox' && hasWidthAndHeight(input)));
  return { usable: true, valid: blocking.length === 0, findings, cleaned };
}

/** A missing viewBox is fine when width and height give the size (the sanitizer adds one either way). */
function hasWidthAndHeight(input: string): boolean {
  const root = parseSvg(input);
  return parseLength(root.attributes.width) !== undefined && parseLength(root.attributes.height) !== undefined;
}
