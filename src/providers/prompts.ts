// What the model is told: the system prompt (one SVG, the active profile's rules) and, as few-shot
// examples, the icons the offline retrieval finds for the prompt (RAG). Pure: the caller hands in
// the icon library and the prompt parser.
import { estimateTokens } from './context.js';

export interface IconExample {
  /** The words of the prompt the icon was found for. */
  phrase: string;
  name: string;
  svg: string;
}

/** The parts of the offline composer this relies on, and nothing more. */
export interface IconSource {
  find(phrase: string): { name: string } | undefined;
  drawing(name: string): { body: string; width: number; height: number };
}
export type PromptParser = (prompt: string) => { objects: { phrases: string[] }[] };

export const KAGGLE_ELEMENTS =
  'svg g defs symbol use marker pattern linearGradient radialGradient stop filter feBlend feColorMatrix feComposite feFlood feGaussianBlur feMerge feMergeNode feOffset feTurbulence path rect circle ellipse line polyline polygon';

/** A cheap screen for reference icons under the kaggle profile, so no example shows what the rules forbid. */
export function fitsKaggle(svg: string): boolean {
  return new TextEncoder().encode(svg).length <= 10_000 && !/<(text|image|style|script|clipPath|mask|foreignObject)\b|data:|base64/i.test(svg);
}

const KAGGLE_RULES = `Profile "kaggle" (strict: a reply that breaks these is rejected):
- At most 10000 bytes of UTF-8.
- Only these elements: ${KAGGLE_ELEMENTS}.
- No text, image, style, script, clipPath, mask or foreignObject elements.
- No data: URLs and no base64 anywhere; href only to a #id inside the document.`;

/** Whether the user asked for words in the picture ("a sign that says OPEN", "the word hello"). */
export function asksForText(prompt: string): boolean {
  return /\b(text|word|words|letters?|lettering|label(?:led|ed)?|caption|title|says|saying|written|reads|typography|font)\b/i.test(prompt) || /["“][^"”]+["”]/.test(prompt);
}

/** Each object's candidate phrases, most specific first; tolerant of a parser whose shape has moved on. */
function phrasesOf(parse: PromptParser, prompt: string): string[][] {
  const objects = parse(prompt)?.objects;
  if (!Array.isArray(objects)) return [];
  return objects.map((object) => (Array.isArray(object?.phrases) ? object.phrases.filter((p) => typeof p === 'string') : []));
}

/**
 * Icons for the objects in the prompt, most specific phrase first, one per object, skipping any
 * that would not fit in `budgetTokens` (so a huge icon never crowds out the conversation).
 */
export function retrieveExamples(
  prompt: string,
  library: IconSource,
  parse: PromptParser,
  options: { budgetTokens: number; limit?: number; allow?: (svg: string) => boolean },
): IconExample[] {
  const limit = options.limit ?? 3;
  const examples: IconExample[] = [];
  let left = options.budgetTokens;
  for (const phrases of phrasesOf(parse, prompt)) {
    if (examples.length >= limit) break;
    for (const phrase of phrases) {
      const match = library.find(phrase);
      if (!match || examples.some((example) => example.name === match.name)) continue;
      const { body, width, height } = library.drawing(match.name);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">${body}</svg>`;
      const cost = estimateTokens(svg) + 20;
      if (cost > left || (options.allow && !options.allow(svg))) continue;
      examples.push({ phrase, name: match.name, svg });
      left -= cost;
      break;
    }
  }
  return examples;
}

export function systemPrompt(options: { width: number; height: number; profile: 'default' | 'kaggle'; prompt: string; examples: IconExample[] }): string {
  const { width, height, profile } = options;
  const text = profile === 'kaggle' || !asksForText(options.prompt)
    ? '- No text or lettering in the image.'
    : '- Only the text the user asks for, as <text>; no other lettering.';
  const lines = [
    'You are an illustrator who draws in SVG. Draw what the user describes as one SVG image.',
    'Reply with exactly one complete SVG document and nothing else: no explanation, no Markdown.',
    `- Root element: <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">.`,
    '- Fill the canvas: draw a background that suits the scene.',
    '- Use simple shapes and paths with solid fills or gradients; keep it compact.',
    text,
    '- Self-contained: no scripts, event handlers, foreignObject, external links, images or fonts.',
    '- When the user asks for a change to the previous image, redraw the whole image with that change and keep everything else as it was.',
  ];
  if (profile === 'kaggle') lines.push('', KAGGLE_RULES);
  if (options.examples.length > 0) {
    lines.push('', 'Reference drawings from an icon set, for things the user mentions. Reuse or adapt them (place and scale them with a transform on a <g>) where they fit:');
    for (const example of options.examples) lines.push(`"${example.phrase}" (icon ${example.name}):`, example.svg);
  }
  return lines.join('\n');
}
