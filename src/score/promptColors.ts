// The colours a prompt names, as #rrggbb, read by the composer's own prompt parser so that the scorer
// and the offline composer agree on what "light blue" means.
import { parsePrompt } from '../compose/parse.js';

export function promptColors(prompt: string): string[] {
  const colors = parsePrompt(prompt).objects.map((object) => object.color);
  return [...new Set(colors.filter((color): color is string => typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color)))];
}
