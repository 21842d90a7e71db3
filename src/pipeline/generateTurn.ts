// One turn, whoever asks for it (gen, the REPL, serve): settings -> provider -> SVG -> store.
import { parseSize, type Settings } from '../config/settings.js';
import { hashString } from '../compose/random.js';
import type { Scene } from '../compose/types.js';
import { isAbortError, InterruptedError } from '../errors.js';
import { createProvider } from '../providers/index.js';
import type { ProgressEvent } from '../providers/types.js';
import { sanitizeSvg } from '../svg/sanitize.js';
import type { Session, Turn } from '../store/schema.js';
import type { SessionStore } from '../store/sessionStore.js';

export interface TurnRequest {
  prompt: string;
  seed?: number;
  settings: Settings;
}

export interface TurnOutcome {
  session: Session;
  turn: Turn;
  svg: string;
  scene?: Scene;
  notes: string[];
}

export async function generateTurn(
  store: SessionStore,
  sessionRef: string,
  request: TurnRequest,
  signal: AbortSignal,
  onProgress: (event: ProgressEvent) => void = () => {},
): Promise<TurnOutcome> {
  const { settings } = request;
  const started = performance.now();
  const session = store.get(sessionRef);
  const history = store.path(session).map((turn) => ({ prompt: turn.prompt, scene: (turn.scene ?? undefined) as Scene | undefined }));
  const seed = request.seed ?? hashString(request.prompt);
  const { width, height } = parseSize(settings.size);
  const provider = await createProvider(settings);
  const run = provider.generate({ prompt: request.prompt, seed, width, height, profile: settings.profile, model: settings.model, history }, signal);
  let step = await run.next().catch(rethrowAbort);
  while (!step.done) {
    onProgress(step.value);
    step = await run.next().catch(rethrowAbort);
  }
  const result = step.value;
  // Whatever drew it, nothing is stored before the safety core has cleaned it for the session's profile (SPEC §5).
  const safe = sanitizeSvg(result.svg, { profile: settings.profile });
  const notes = [...result.notes, ...safe.findings.map((finding) => `sanitized: ${finding.message}`)];
  const { session: saved, turn } = store.appendTurn(session.id, {
    prompt: request.prompt,
    provider: provider.id,
    model: result.model,
    seed,
    svg: safe.svg,
    scene: result.scene ?? null,
    score: null,
    usage: result.usage ?? null,
    durationMs: Math.round(performance.now() - started),
    candidates: [],
    error: null,
  });
  return { session: saved, turn, svg: safe.svg, scene: result.scene, notes };
}

function rethrowAbort(error: unknown): never {
  if (isAbortError(error)) throw new InterruptedError();
  throw error;
}
