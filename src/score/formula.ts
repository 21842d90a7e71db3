// The one number: how svgchat turns metrics into `score` in [0, 1]. Pure. The README's score
// section repeats this; change both together.
//
// Without --judge (craft and colour, NOT meaning):
//   invalid (does not parse, fails §5 or the profile) or blank  -> 0
//   craft     = 0.35*coverageTerm + 0.25*colourTerm + 0.25*contrastTerm + 0.15*detailTerm
//     coverageTerm = min(1, coverage / 0.15)      something fills at least 15% of the canvas
//     colourTerm   = min(1, colours / 3)           three or more distinct colours
//     contrastTerm = min(1, contrast / 0.2)        RMS luma contrast of 0.2 or more
//     detailTerm   = min(1, (elements - 1 + pathCommands / 10) / 6)
//   adherence = mean of the parts that apply: colours named in the prompt found in the render,
//               objects drawn from the icon set (svgchat's own SVGs), requested counts met
//   score     = adherence applies ? 0.5*craft + 0.5*adherence : craft
//
// With --judge (Kaggle "Drawing with LLMs"):
//   score = hm(vqa, aesthetic) * ocr,  hm = (1 + b^2) v a / (b^2 v + a),  b = 0.5
//   vqa = share of multiple-choice questions answered right, aesthetic = rating / 10,
//   ocr = min(1, exp(-(letters - 4))) when the judge sees text, else 1.
//   An invalid SVG still scores 0; a failed judge falls back to the score above (judge.error says why).

export interface CraftInput {
  coverage: number;
  colors: number;
  contrast: number;
  elements: number;
  pathCommands: number;
}

export interface AdherenceParts {
  colors: number | null;
  objects: number | null;
  counts: number | null;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export function craftScore(input: CraftInput): number {
  const coverageTerm = clamp01(input.coverage / 0.15);
  const colourTerm = clamp01(input.colors / 3);
  const contrastTerm = clamp01(input.contrast / 0.2);
  const detailTerm = clamp01((input.elements - 1 + input.pathCommands / 10) / 6);
  return 0.35 * coverageTerm + 0.25 * colourTerm + 0.25 * contrastTerm + 0.15 * detailTerm;
}

/** Mean of the adherence parts that apply; null when none does (no prompt colours, not svgchat's SVG). */
export function adherenceScore(parts: AdherenceParts): number | null {
  const present = [parts.colors, parts.objects, parts.counts].filter((part): part is number => part !== null);
  return present.length === 0 ? null : present.reduce((sum, part) => sum + part, 0) / present.length;
}

export function offlineScore(input: { valid: boolean; blank: boolean; craft: number; adherence: number | null }): number {
  if (!input.valid || input.blank) return 0;
  return round(input.adherence === null ? input.craft : 0.5 * input.craft + 0.5 * input.adherence);
}

export const JUDGE_BETA = 0.5;

/** Weighted harmonic mean (F-beta): beta < 1 weighs the first argument (vqa) more. */
export function harmonicMean(vqa: number, aesthetic: number, beta = JUDGE_BETA): number {
  const b2 = beta * beta;
  const denominator = b2 * vqa + aesthetic;
  return denominator === 0 ? 0 : ((1 + b2) * vqa * aesthetic) / denominator;
}

export function ocrFactor(textPresent: boolean, letters: number): number {
  return textPresent ? Math.min(1, Math.exp(-(letters - 4))) : 1;
}

export function judgeScore(input: { vqa: number; aesthetic: number; ocr: number }): number {
  return round(harmonicMean(input.vqa, input.aesthetic) * input.ocr);
}

export function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
