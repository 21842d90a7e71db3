// One turn, whoever asks for it (gen, the REPL, serve): settings -> provider -> SVG -> store.
import { parseSize, type Settings } from '../config/settings.js';
import { hashString } from '../compose/random.js';
import type { Scene } from '../compose/types.js';
import { isAbortError, InterruptedError } from '../errors.js';
import { createProvider } from '../providers/index.js';
import { candidateSeeds, drawCandidates, rankCandidates, type Ranked } from '../score/bestOf.js';
import { UnusableReplyError } from '../providers/replyError.js';
import type { ProgressEvent } from '../providers/types.js';
import { sanitizeSvg } from '../svg/sanitize.js';
import type { Session, Turn } from '../store/schema.js';
import type { NewSessionOptions, SessionStore, TurnDraft } from '../store/sessionStore.js';

export interface TurnRequest {
  prompt: string;
  seed?: number;
  settings: Settings;
  /**
   * false: a single drawing is stored unscored (score null), skipping the render (`gen --batch` without
   * --score, where scoring would halve the rate). Best-of-N always scores: that is how it picks.
   */
  score?: boolean;
}

export interface TurnOutcome {
  session: Session;
  turn: Turn;
  svg: string;
  scene?: Scene;
  notes: string[];
  /** What the model wrote besides the winning SVG, if anything (shown, not stored). */
  said?: string;
}

export async function generateTurn(
  store: SessionStore,
  /** An existing session, or a new one that is created together with this turn (one locked write). */
  sessionRef: string | { create: NewSessionOptions },
  request: TurnRequest,
  signal: AbortSignal,
  onProgress: (event: ProgressEvent) => void = () => {},
): Promise<TurnOutcome> {
  const { settings } = request;
  const started = performance.now();
  const session = typeof sessionRef === 'string' ? store.get(sessionRef) : undefined;
  const save = (draft: TurnDraft) => (session ? store.appendTurn(session.id, draft) : store.createWithTurn((sessionRef as { create: NewSessionOptions }).create, draft));
  // A model sees earlier turns as their SVGs, read only when asked for: a long session's oldest
  // turns never fit the model's budget anyway, and the offline composer only needs the scenes.
  const history = (session ? store.path(session) : []).map((turn) => ({
    prompt: turn.prompt,
    scene: (turn.scene ?? undefined) as Scene | undefined,
    get svg() {
      return turn.svg ? store.readSvg(turn.svg) : undefined;
    },
  }));
  const seed = request.seed ?? hashString(request.prompt);
  const { width, height } = parseSize(settings.size);
  const provider = await createProvider(settings);
  const count = settings.candidates ?? 1;
  const scoring = count > 1 || request.score !== false;
  // The render process starts while the candidates are drawn, so scoring does not wait for it.
  if (scoring) import('../score/render.js').then(({ warmRenderer }) => warmRenderer(), () => {});
  const drawOne = async (candidateSeed: number, index: number) => {
    const run = provider.generate({ prompt: request.prompt, seed: candidateSeed, width, height, profile: settings.profile, model: settings.model, history }, signal);
    let step = await run.next().catch(rethrowAbort);
    while (!step.done) {
      onProgress(count > 1 && step.value.type === 'status' ? { ...step.value, message: `${step.value.message} (candidate ${index + 1}/${count})` } : step.value);
      step = await run.next().catch(rethrowAbort);
    }
    // Whatever drew it, nothing is scored or stored before the safety core has cleaned it for the session's profile (SPEC §5).
    return { result: step.value, safe: sanitizeSvg(step.value.svg, { profile: settings.profile }) };
  };
  let candidates;
  try {
    candidates = await drawCandidates(candidateSeeds(seed, count), drawOne);
  } catch (error) {
    // The model answered but nothing usable came of it: the answer is kept on the turn, then the user is told.
    if (error instanceof UnusableReplyError) {
      const kept = save({
        prompt: request.prompt, provider: provider.id, model: settings.model, seed, svg: null, scene: null, score: null, usage: error.usage,
        durationMs: Math.round(performance.now() - started), candidates: [], error: { code: error.code, message: error.message, raw: error.raw },
      });
      throw new UnusableReplyError(error.message, error.raw, error.code, error.usage, `the reply is kept on turn ${kept.turn.id} of session ${kept.session.name}; ${error.hint}`);
    }
    throw error;
  }
  // A turn is scored unless asked not to (best-of-N picks by it); the other candidates are kept beside the winner.
  const { drawn, failures } = candidates;
  if (scoring) onProgress({ type: 'status', message: drawn.length > 1 ? `scoring ${drawn.length} candidates` : 'scoring' });
  const ranked: Ranked = scoring ? await rankCandidates(drawn.map(({ result: c }) => ({ svg: c.safe.svg, scene: c.result.scene })), { profile: settings.profile, prompt: request.prompt, signal }) : { best: 0, scores: [null] };
  const { result: { result, safe }, seed: winnerSeed } = drawn[ranked.best];
  const notes = [...result.notes, ...safe.findings.map((finding) => `sanitized: ${finding.message}`)];
  if (failures.length > 0) notes.push(`${failures.length} of ${count} candidates failed (first: ${failures[0] instanceof Error ? failures[0].message : String(failures[0])})`);
  if (ranked.problem) notes.push(`could not score the drawing: ${ranked.problem}`);
  const usages = drawn.flatMap(({ result: c }) => (c.result.usage ? [c.result.usage] : []));
  const { session: saved, turn } = save({
    prompt: request.prompt,
    provider: provider.id,
    model: result.model,
    seed: winnerSeed,
    svg: safe.svg,
    scene: result.scene ?? null,
    score: ranked.scores[ranked.best],
    usage: usages.length === 0 ? null : { promptTokens: usages.reduce((n, u) => n + u.promptTokens, 0), completionTokens: usages.reduce((n, u) => n + u.completionTokens, 0) },
    durationMs: Math.round(performance.now() - started),
    candidates: drawn.flatMap(({ result: c }, i) => (i === ranked.best ? [] : [{ svg: c.safe.svg, score: ranked.scores[i] }])),
    error: null,
  });
  return { session: saved, turn, svg: safe.svg, scene: result.scene, notes, ...(result.said ? { said: result.said } : {}) };
}

function rethrowAbort(error: unknown): never {
  if (isAbortError(error)) throw new InterruptedError();
  throw error;
}
