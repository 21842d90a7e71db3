// The scorer (SPEC §6), shared by `svgchat score`, best-of-N in generation and `serve`:
// validity -> isolated render at 384x384 -> metrics -> adherence -> optional judge -> one score.
import type { Question } from './questions.js';
import { colorAdherence, type ColorCheck } from './colorAdherence.js';
import { adherenceScore, craftScore, offlineScore, round } from './formula.js';
import type { Judge, JudgeResult } from './judge.js';
import { complexity } from './complexity.js';
import { analyzeImage, type RenderMetrics } from './metrics.js';
import { scoreRender, type AnalysisResult, type RenderResult } from './render.js';
import { sceneAdherence, storedSceneSchema, type ObjectCheck } from './sceneAdherence.js';
import { checkValidity } from './validity.js';
import type { Finding, ProfileName } from '../svg/sanitize.js';

export interface ScoreOptions {
  profile: ProfileName;
  /** What the SVG was meant to show; colours named in it are looked for in the render. */
  prompt?: string;
  /** The stored scene when svgchat drew this SVG: object and count adherence. */
  scene?: unknown;
  judge?: { judge: Judge; questions?: Question[] };
  signal?: AbortSignal;
  renderTimeoutMs?: number;
  /** The render of this SVG, already started by the caller (scoreRender), so it ran while the scorer loaded. */
  rendering?: Promise<RenderResult | AnalysisResult>;
}

export type ScoreMetrics = Partial<RenderMetrics> & {
  elements?: number;
  pathCommands?: number;
  /** The craft part of the score (formula.ts). */
  craft?: number;
  renderError?: string;
};

export interface ScoreAdherence {
  /** Mean of the parts that apply, null when none does. */
  score: number | null;
  colors: number | null;
  objects: number | null;
  counts: number | null;
  colorChecks: ColorCheck[];
  items: ObjectCheck[];
  missing: string[];
}

export interface ScoreReport {
  valid: boolean;
  profile: ProfileName;
  findings: Finding[];
  bytes: number;
  metrics: ScoreMetrics;
  adherence: ScoreAdherence | Record<string, never>;
  judge: JudgeResult | Record<string, never>;
  score: number;
  /** Set when the input is not a usable SVG (the command exits 2). */
  error?: { code: string; message: string; hint?: string };
}

const NO_ADHERENCE = { score: null, colors: null, objects: null, counts: null, colorChecks: [], items: [], missing: [] };

export async function scoreSvg(svg: string, options: ScoreOptions): Promise<ScoreReport> {
  const bytes = Buffer.byteLength(svg, 'utf8');
  // The render child cleans its input by SPEC §5 itself, exactly as validity does, so it starts drawing at once
  // and the checks below run meanwhile. Without a judge only the analysis is needed, and it is made in the
  // render child; the judge needs the pixels.
  const rendering = options.rendering ?? scoreRender(svg, options.judge !== undefined, options.renderTimeoutMs);
  const colorsWanted = options.prompt ? import('./promptColors.js').then(({ promptColors }) => promptColors(options.prompt!)) : undefined;
  // Either may fail (the renderer not built) after a return below that no longer waits for it: never unhandled.
  rendering.catch(() => {});
  colorsWanted?.catch(() => {});
  const validity = checkValidity(svg, options.profile);
  const base = { profile: options.profile, findings: validity.findings, bytes };
  // Not usable: the render is not waited for (the child fails on such input as fast as the parser here).
  if (!validity.usable) return { ...base, valid: false, metrics: {}, adherence: {}, judge: {}, score: 0, error: validity.error };

  const shape = complexity(validity.cleaned!);
  const rendered = await rendering;
  if (!rendered.ok) {
    const findings = [...validity.findings, { rule: 'render', message: `could not be rendered: ${rendered.error}` }];
    return { ...base, findings, valid: false, metrics: { elements: shape.elements, pathCommands: shape.pathCommands, renderError: rendered.error }, adherence: {}, judge: {}, score: 0 };
  }
  const image = 'pixels' in rendered ? { width: rendered.width, height: rendered.height, pixels: rendered.pixels } : undefined;
  const { metrics: pixels, palette } = 'analysis' in rendered ? rendered.analysis : analyzeImage(image!);
  const craft = round(craftScore({ ...pixels, elements: shape.elements, pathCommands: shape.pathCommands }));
  const metrics: ScoreMetrics = { ...pixels, elements: shape.elements, pathCommands: shape.pathCommands, craft };

  const adherence: ScoreAdherence = { ...NO_ADHERENCE };
  if (colorsWanted) {
    const colors = colorAdherence(await colorsWanted, palette);
    adherence.colors = colors.fraction === null ? null : round(colors.fraction);
    adherence.colorChecks = colors.colors;
  }
  const scene = options.scene === undefined ? undefined : storedSceneSchema.safeParse(options.scene);
  if (scene?.success) {
    const fromScene = sceneAdherence(scene.data, options.prompt ?? '');
    adherence.objects = fromScene.objects === null ? null : round(fromScene.objects);
    adherence.counts = fromScene.counts === null ? null : round(fromScene.counts);
    adherence.items = fromScene.items;
    adherence.missing = fromScene.missing;
  }
  const adherenceValue = adherenceScore(adherence);
  adherence.score = adherenceValue === null ? null : round(adherenceValue);
  let score = offlineScore({ valid: validity.valid, blank: pixels.blank, craft, adherence: adherenceValue });

  let judge: JudgeResult | Record<string, never> = {};
  if (options.judge && validity.valid && image) {
    const { encodePng } = await import('./png.js');
    judge = await options.judge.judge.judge(encodePng(image), { questions: options.judge.questions, prompt: options.prompt }, options.signal);
    if (judge.score !== undefined) score = judge.score;
  } else if (options.judge) {
    judge = { model: options.judge.judge.model, error: 'not judged: the SVG is not valid for the profile, so it scores 0' };
  }
  return { ...base, valid: validity.valid, metrics, adherence, judge, score };
}
