// The offline composer's entry point: prompt (+ the previous scene) -> scene -> SVG, with notes
// for whatever could not be drawn as asked. Pure: the caller hands in the icon library.
import { renderScene } from './draw/render.js';
import { applyEdits, findItems } from './edit/applyEdit.js';
import { parseEdit } from './edit/parseEdit.js';
import { parsePrompt } from './parse/parse.js';
import { planScene, type PlanOptions } from './plan.js';
import { EMOJI_WORD, USES_CLIP_PATH, type IconLibrary } from './retrieve/iconLibrary.js';
import type { Scene } from './types.js';

export interface ComposeOptions {
  library: IconLibrary;
  seed: number;
  width: number;
  height: number;
  profile?: 'default' | 'kaggle';
  /** The scene of the turn this one follows, if any: a follow-up edits it. */
  previous?: Scene;
}

export interface Composition {
  scene: Scene;
  svg: string;
  /** Things worth telling the user (on stderr), e.g. that nothing matched. */
  notes: string[];
  /** Whether the prompt edited the previous scene rather than starting a new one. */
  edited: boolean;
}

/** Longer prompts are read only this far: a 10 KB prompt still draws in milliseconds. */
const MAX_PROMPT = 1500;
export const KAGGLE_BUDGET = 9900;

/**
 * Emoji in the prompt become a word naming their icon ("🦊" -> "icon:fox" as the word "emojiN"); the note says how
 * each was read ("🦊 as fox"), or that the set has no drawing of it.
 */
function emojiToWords(prompt: string, library: IconLibrary, notes: string[]): string {
  const read: string[] = [];
  const missing: string[] = [];
  const words = prompt.replace(/\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*/gu, (emoji) => {
    const index = library.emojiIndex(emoji);
    if (index === undefined) missing.push(emoji);
    else read.push(`${emoji} as ${library.emojiName(emoji)!.replace(/-/g, ' ')}`);
    return index === undefined ? ' ' : ` ${EMOJI_WORD}${index} `;
  });
  if (read.length > 0) notes.push(`read the emoji ${[...new Set(read)].slice(0, 8).join(', ')}`);
  if (missing.length > 0) notes.push(`the icon set has no drawing of ${[...new Set(missing)].slice(0, 8).join(' ')}: left out`);
  // Emoji side by side are so many things ("🦊🌲🌙": a fox, a tree and a moon), not one compound noun.
  return words.replace(new RegExp(`(${EMOJI_WORD}\\d+)\\s+(?=${EMOJI_WORD}\\d+)`, 'g'), '$1 and ');
}

export function compose(prompt: string, options: ComposeOptions): Composition {
  const notes: string[] = [];
  const profile = options.profile ?? 'default';
  let text = prompt.trim();
  if (text.length > MAX_PROMPT) {
    notes.push(`the prompt is ${text.length} characters long: read the first ${MAX_PROMPT}`);
    text = text.slice(0, MAX_PROMPT);
  }
  const said = text;
  text = emojiToWords(text, options.library, notes);
  const plan: PlanOptions = { library: options.library, seed: options.seed, width: options.width, height: options.height, avoidFlags: profile === 'kaggle' ? USES_CLIP_PATH : 0 };
  let scene: Scene | undefined;
  let edited = false;
  const previous = options.previous && options.previous.width === options.width && options.previous.height === options.height ? options.previous : undefined;
  if (previous) {
    const ops = parseEdit(text, (phrase) => findItems(previous, phrase, plan).length > 0);
    if (ops && ops.length > 0) {
      scene = applyEdits(previous, ops, plan, notes);
      edited = true;
    }
  }
  if (!scene) {
    const parsed = parsePrompt(text);
    scene = planScene(parsed, plan, notes);
    if (parsed.quoted.length > 0) notes.push(`svgchat does not draw text: left out ${parsed.quoted.map((q) => `"${q.slice(0, 40)}"`).join(', ')}`);
    if (scene.items.length === 0 && !scene.pattern && !scene.setting && !scene.time && !scene.weather) {
      // Nothing to draw from (empty, emoji we have no icon for, another language): a calm abstract, and a note.
      scene.pattern = { kind: 'concentric', shape: 'circle', colors: parsed.colors };
      notes.push(said === '' ? 'empty prompt: drew an abstract placeholder' : `found nothing to draw in "${said.slice(0, 60)}": drew an abstract placeholder (the offline composer understands English nouns)`);
    }
  }
  return { scene, svg: fitProfile(scene, options.library, profile, notes), notes, edited };
}

/** The kaggle profile caps files at 10,000 bytes: drop implied props, then small icon details, until it fits. */
function fitProfile(scene: Scene, library: IconLibrary, profile: 'default' | 'kaggle', notes: string[]): string {
  let svg = renderScene(scene, library, { profile });
  if (profile !== 'kaggle' || Buffer.byteLength(svg) <= KAGGLE_BUDGET) return svg;
  let trimmed = scene;
  const props = scene.items.filter((item) => item.prop).reverse();
  for (const prop of props) {
    trimmed = { ...trimmed, items: trimmed.items.filter((item) => item.id !== prop.id) };
    svg = renderScene(trimmed, library, { profile });
    if (Buffer.byteLength(svg) <= KAGGLE_BUDGET) break;
  }
  for (const dropDetail of [30, 60, 120, 240, 480]) {
    if (Buffer.byteLength(svg) <= KAGGLE_BUDGET) break;
    svg = renderScene(trimmed, library, { profile, dropDetail });
  }
  if (Buffer.byteLength(svg) > KAGGLE_BUDGET) {
    trimmed = { ...trimmed, items: trimmed.items.map((item) => ({ ...item, source: item.source.startsWith('icon:') ? 'primitive:blob' : item.source })) };
    svg = renderScene(trimmed, library, { profile });
  }
  notes.push(`simplified the drawing to fit the kaggle profile's 10,000 bytes (${Buffer.byteLength(svg)} bytes)`);
  return svg;
}
