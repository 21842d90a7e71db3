// Object and count adherence for SVGs svgchat drew itself, read from the stored scene (the composer's
// plan), not from the pixels. Pure. It checks that each thing the prompt named got a real drawing
// and the asked-for number of copies; it cannot tell whether the drawing looks like the thing.
import { z } from 'zod';

/** Only the parts of a stored scene this check reads; anything else on it is ignored. */
export const storedSceneSchema = z.object({
  items: z.array(z.object({ concept: z.string(), source: z.string(), count: z.number().int().nonnegative(), prop: z.unknown().optional() })),
  unmatched: z.array(z.string()).default([]),
});

export type StoredScene = z.infer<typeof storedSceneSchema>;

/**
 * The composer's stand-ins for things the icon set lacks (`blob`; `rings` in the first scene version).
 * Other primitives are drawn on purpose: asked-for shapes ("circles") and things drawn by hand ("lighthouse").
 * The concepts the composer stood in for are also listed in the scene's `unmatched`.
 */
const STAND_INS = new Set(['primitive:blob', 'primitive:rings']);

export interface ObjectCheck {
  concept: string;
  source: string;
  /** Drawn from the icon set; a primitive standing in for a missing icon is not a match. */
  matched: boolean;
  count: number;
  /** The number the prompt asked for ("three cats"), when it named one. */
  requestedCount: number | null;
}

export interface SceneAdherence {
  /** Share of named things that were drawn as themselves (null: nothing named). */
  objects: number | null;
  /** Share of counted things drawn the requested number of times (null: the prompt named no numbers). */
  counts: number | null;
  items: ObjectCheck[];
  /** Words nothing was drawn for. */
  missing: string[];
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  a: 1, an: 1, single: 1, pair: 2, couple: 2, dozen: 12,
};

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Singular and simple plural forms match: "cat" finds "cats", "fox" finds "foxes". */
function sameWord(a: string, b: string): boolean {
  return a === b || a === `${b}s` || a === `${b}es` || b === `${a}s` || b === `${a}es`;
}

/** Words that end a noun phrase: a number before them belongs to something else ("a pack of dogs"). */
const BOUNDARIES = new Set(['of', 'and', 'or', 'with', 'in', 'on', 'at', 'under', 'over', 'near', 'by', 'beside', 'behind', 'to', 'from', 'for', 'above', 'below']);

/** The number word or digits before the concept in the prompt ("three small cats" -> 3), or null. */
export function requestedCount(prompt: string, concept: string): number | null {
  const tokens = words(prompt);
  const head = words(concept).at(-1);
  if (!head) return null;
  const at = tokens.findIndex((token) => sameWord(token, head));
  for (let back = 1; at >= 0 && back <= 3 && at - back >= 0; back++) {
    const word = tokens[at - back];
    if (BOUNDARIES.has(word)) return null;
    if (/^\d{1,3}$/.test(word)) return Number(word);
    if (Object.hasOwn(NUMBER_WORDS, word)) return NUMBER_WORDS[word];
  }
  return null;
}

export function sceneAdherence(scene: StoredScene, prompt: string): SceneAdherence {
  const unmatched = new Set(scene.unmatched.map((w) => w.toLowerCase()));
  // Props come with the setting ("forest" brings trees; `prop` says why): the user did not name them.
  const items: ObjectCheck[] = scene.items.filter((item) => !item.prop).map((item) => ({
    concept: item.concept,
    source: item.source,
    matched: item.source.startsWith('icon:') || (item.source.startsWith('primitive:') && !STAND_INS.has(item.source) && !unmatched.has(item.concept.toLowerCase())),
    count: item.count,
    requestedCount: requestedCount(prompt, item.concept),
  }));
  const drawn = new Set(items.map((item) => item.concept.toLowerCase()));
  const missing = [...unmatched].filter((word) => !drawn.has(word));
  const named = items.length + missing.length;
  const counted = items.filter((item) => item.requestedCount !== null);
  return {
    objects: named === 0 ? null : items.filter((item) => item.matched).length / named,
    counts: counted.length === 0 ? null : counted.filter((item) => item.count === item.requestedCount).length / counted.length,
    items,
    missing,
  };
}
