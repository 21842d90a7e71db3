// Small builders for store tests: an SVG per prompt, written as the safety core writes SVGs (so it round-trips a sanitizer unchanged), and a turn draft around it.
import type { TurnDraft } from '../../../src/store/sessionStore.js';

export const settings = { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default' };

export function svgFor(text: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>${text.replace(/[<>&]/g, '')}</title><rect width="10" height="10" fill="#c33"/></svg>`;
}

export function draft(prompt: string, extra: Partial<TurnDraft> = {}): TurnDraft {
  return { prompt, provider: 'offline', model: 'composer-1', seed: 1, svg: svgFor(prompt), scene: null, score: null, usage: null, durationMs: 5, candidates: [], error: null, ...extra };
}
