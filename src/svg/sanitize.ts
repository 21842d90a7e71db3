// The one door every SVG passes through (SPEC §5): parse without entities, clean by allowlist, make it fit the
// profile where that can be done without changing the picture, and say what was removed or changed.
import { rulesFor, type ProfileName, type ProfileRules } from './allowlist.js';
import { cleanTree } from './clean.js';
import { dropUnusedIds, mergeDuplicateDefinitions, roundGeometry, roundingSteps, utf8Bytes } from './compact.js';
import { FindingLog, type Finding } from './findings.js';
import { inlineStyles } from './inlineStyles.js';
import { parseSvg, type SvgElement } from './parse.js';
import { serializeSvg } from './serialize.js';
import { ensureViewBox } from './viewBox.js';

export type { Finding } from './findings.js';
export type { ProfileName } from './allowlist.js';

export interface SanitizeOptions {
  profile?: ProfileName;
  /** Input size cap in bytes (default 1 MiB). */
  maxBytes?: number;
}

export interface SanitizeResult {
  svg: string;
  findings: Finding[];
}

export function sanitizeSvg(input: string | Uint8Array, options: SanitizeOptions = {}): SanitizeResult {
  const rules = rulesFor(options.profile);
  const { root, log } = cleanInput(input, options);
  const svg = rules.maxBytes === undefined ? serializeSvg(root) : fitToSize(root, rules, log);
  return { svg, findings: log.list() };
}

/** The cleaned tree itself, for callers that change it further before serializing (the renderer sets its size). */
export function sanitizeToTree(input: string | Uint8Array, options: SanitizeOptions = {}): { root: SvgElement; findings: Finding[] } {
  const { root, log } = cleanInput(input, options);
  return { root, findings: log.list() };
}

function cleanInput(input: string | Uint8Array, options: SanitizeOptions): { root: SvgElement; log: FindingLog } {
  const rules = rulesFor(options.profile);
  const root = parseSvg(input, { maxBytes: options.maxBytes });
  const log = new FindingLog();
  if (rules.name === 'kaggle') inlineStyles(root, log);
  cleanTree(root, rules, log);
  ensureViewBox(root, log);
  return { root, log };
}

/** Smaller and smaller encodings of the same drawing until it fits; the last one tried when none does. */
function fitToSize(root: SvgElement, rules: ProfileRules, log: FindingLog): string {
  const limit = rules.maxBytes ?? Infinity;
  let svg = serializeSvg(root);
  const before = utf8Bytes(svg);
  if (before <= limit) return svg;
  const merged = mergeDuplicateDefinitions(root);
  const dropped = dropUnusedIds(root);
  svg = serializeSvg(root);
  const steps: string[] = [];
  if (merged) steps.push(`merged ${merged} duplicate definitions`);
  if (dropped) steps.push(`dropped ${dropped} unused ids`);
  let rounded: number | undefined;
  for (const decimals of roundingSteps(root)) {
    if (utf8Bytes(svg) <= limit) break;
    roundGeometry(root, decimals);
    svg = serializeSvg(root);
    rounded = decimals;
  }
  if (rounded !== undefined) steps.push(`rounded coordinates to ${rounded} decimal${rounded === 1 ? '' : 's'}`);
  const after = utf8Bytes(svg);
  const done = `${before.toLocaleString('en-US')} -> ${after.toLocaleString('en-US')} bytes`;
  if (after <= limit) log.add({ rule: 'compacted', message: `${steps.join(', ')} to fit the ${rules.name} profile (${done})` });
  else log.add({ rule: 'size', message: `still ${after.toLocaleString('en-US')} bytes after ${steps.join(', ')}: over the ${limit.toLocaleString('en-US')}-byte limit of the ${rules.name} profile` });
  return svg;
}
