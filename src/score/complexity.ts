// How much drawing an SVG holds, counted on its text. Pure.

export interface Complexity {
  elements: number;
  pathCommands: number;
  bytes: number;
}

const PATH_DATA = /\sd\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Counted on the SVG text: elements (start tags), path commands (letters in `d` attributes), UTF-8 bytes. */
export function complexity(svg: string): Complexity {
  const withoutComments = svg.replace(/<!--[\s\S]*?-->/g, '');
  const elements = withoutComments.match(/<[A-Za-z][\w:.-]*/g)?.length ?? 0;
  let pathCommands = 0;
  for (const match of withoutComments.matchAll(PATH_DATA)) pathCommands += (match[2] ?? match[3] ?? '').match(/[MmZzLlHhVvCcSsQqTtAa]/g)?.length ?? 0;
  return { elements, pathCommands, bytes: Buffer.byteLength(svg, 'utf8') };
}
