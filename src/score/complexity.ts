// How much drawing an SVG holds, counted on its parsed (and cleaned) tree. Pure.
import { isElement, type SvgElement } from '../svg/parse.js';

export interface Complexity {
  /** Elements, the root included. */
  elements: number;
  /** Commands in the `d` of every path (each letter: M, L, C, Z, ...). */
  pathCommands: number;
}

export function complexity(root: SvgElement): Complexity {
  let elements = 0;
  let pathCommands = 0;
  const stack: SvgElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    elements++;
    if (element.name === 'path') pathCommands += element.attributes.d?.match(/[MmZzLlHhVvCcSsQqTtAa]/g)?.length ?? 0;
    for (const child of element.children) if (isElement(child)) stack.push(child);
  }
  return { elements, pathCommands };
}
