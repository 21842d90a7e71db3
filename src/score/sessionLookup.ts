// Recognises SVGs svgchat made: a file whose bytes match a stored turn (or candidate) by sha256 gets that
// turn's prompt and scene, so `svgchat score` can check objects and counts without being told the prompt.
import { createHash } from 'node:crypto';
import { SessionStore } from '../store/sessionStore.js';

export interface KnownSvg {
  prompt: string;
  /** The turn's scene; only for the turn's own SVG, not its other candidates (each had its own plan). */
  scene?: unknown;
}

export function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Reads the sessions once, on first use; a store that cannot be read just recognises nothing. */
export function sessionLookup(home: string): (svg: string) => KnownSvg | undefined {
  let index: Map<string, KnownSvg> | undefined;
  const build = () => {
    const map = new Map<string, KnownSvg>();
    try {
      for (const session of new SessionStore(home).list()) {
        for (const turn of session.turns) {
          for (const candidate of turn.candidates) if (!map.has(candidate.sha256)) map.set(candidate.sha256, { prompt: turn.prompt });
          if (turn.svg) map.set(turn.svg.sha256, { prompt: turn.prompt, scene: turn.scene ?? undefined });
        }
      }
    } catch {
      // No sessions, or none readable: nothing is recognised.
    }
    return map;
  };
  return (svg) => {
    index ??= build();
    return index.get(sha256Of(svg));
  };
}
