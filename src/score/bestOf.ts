// Best-of-N (SPEC §4): N candidates drawn at once (offline: seeds seed, seed+1, ...; openai: parallel
// requests), each scored by the same scorer as `svgchat score`, the highest kept. Ties go to the
// earliest candidate, so -n 1 and the first of -n N are the same drawing.
import { InterruptedError, isAbortError } from '../errors.js';
import type { ProfileName } from '../svg/sanitize.js';

/** Candidate k uses seed + k, so `--seed S` with the winner's stored seed redraws the winner alone. */
export function candidateSeeds(seed: number, count: number): number[] {
  return Array.from({ length: Math.max(1, count) }, (_, k) => (seed + k) >>> 0);
}

export interface Drawn<T> {
  seed: number;
  result: T;
}

/**
 * Runs every candidate to the end; the ones that fail are dropped and reported in `failures`.
 * When none succeeds, the first failure is thrown as it was (an interruption as InterruptedError).
 */
export async function drawCandidates<T>(seeds: number[], draw: (seed: number, index: number) => Promise<T>): Promise<{ drawn: Drawn<T>[]; failures: unknown[] }> {
  const settled = await Promise.allSettled(seeds.map((seed, index) => draw(seed, index)));
  const drawn: Drawn<T>[] = [];
  const failures: unknown[] = [];
  settled.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') drawn.push({ seed: seeds[index], result: outcome.value });
    else failures.push(outcome.reason);
  });
  const interrupted = failures.find((reason) => reason instanceof InterruptedError || isAbortError(reason));
  if (interrupted) throw interrupted instanceof InterruptedError ? interrupted : new InterruptedError();
  if (drawn.length === 0) throw failures[0];
  return { drawn, failures };
}

export interface Ranked {
  /** Index of the winner in the list given. */
  best: number;
  /** Score per candidate, in the order given; null where scoring itself failed. */
  scores: (number | null)[];
  /** Set when the scorer could not run at all (e.g. the renderer is missing). */
  problem?: string;
}

/** Scores every candidate (in parallel: the renderer is a pool) and picks the highest. */
export async function rankCandidates(candidates: { svg: string; scene?: unknown }[], options: { profile: ProfileName; prompt: string; signal?: AbortSignal }): Promise<Ranked> {
  let problem: string | undefined;
  // Loaded here, not at the top: a turn stored unscored (--no-score, a batch) never needs the scorer. The renders
  // start first: they run in the render children while this process loads the scorer.
  const { rendersHandedOver, scoreRender } = await import('./render.js');
  const renderings = candidates.map((candidate) => scoreRender(candidate.svg, false));
  for (const rendering of renderings) rendering.catch(() => {}); // awaited by scoreSvg, or not needed (an invalid SVG)
  // Loading the scorer keeps this process busy: the jobs go to the children first (a child still starting says
  // "ready" soon, and that is read only while this process waits).
  await rendersHandedOver();
  const { scoreSvg } = await import('./scoreSvg.js');
  const scores = await Promise.all(
    candidates.map(async (candidate, index) => {
      try {
        return (await scoreSvg(candidate.svg, { profile: options.profile, prompt: options.prompt, scene: candidate.scene, signal: options.signal, rendering: renderings[index] })).score;
      } catch (error) {
        problem ??= error instanceof Error ? error.message : String(error);
        return null;
      }
    }),
  );
  let best = 0;
  scores.forEach((score, index) => {
    if (score !== null && (scores[best] === null || score > (scores[best] as number))) best = index;
  });
  return { best, scores, ...(problem ? { problem } : {}) };
}
