// The colours a prompt names, as #rrggbb, read by the composer's own prompt parser so that the scorer
// and the offline composer agree on what "light blue" means, and on which colours name a kind of thing
// ("a red fox" asks for a fox, drawn as foxes are; "a red apple" asks for a red one).
import { parsePrompt } from '../compose/parse.js';
import { colorNamesKind } from '../compose/retrieve/retrieve.js';

export function promptColors(prompt: string): string[] {
  const colors = parsePrompt(prompt).objects.filter((object) => !colorNamesKind(object)).map((object) => object.color);
  return [...new Set(colors.filter((color): color is string => typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color)))];
}
