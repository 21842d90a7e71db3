// Makes a cut-off SVG well-formed again: drops the half-written tag at the end and closes what is open. Pure.

export interface Repair {
  svg: string;
  /** Element names closed, innermost first. */
  closed: string[];
  /** Whether an incomplete tail (half a tag, comment or entity) was dropped. */
  droppedTail: boolean;
}

const NAME = /^[A-Za-z_][\w:.-]*/;

/** Index just past the `>` that ends the tag opening at `start`, honouring quoted attribute values; -1 if it never ends. */
function tagEnd(text: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return i + 1;
    }
  }
  return -1;
}

/**
 * Returns the SVG with every element still open at the end closed, or null when not even the
 * root's opening tag survived. A complete SVG comes back unchanged.
 */
export function repairTruncatedSvg(input: string): Repair | null {
  const text = input.trimEnd();
  const open: string[] = [];
  let safe = 0;
  let i = 0;
  scan: while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    // Text up to the next tag; a trailing half entity ("&am") would not parse, so it stops short of it.
    const run = text.slice(i, textEnd);
    const halfEntity = lt < 0 ? run.search(/&[#\w]*$/) : -1;
    safe = halfEntity >= 0 ? i + halfEntity : textEnd;
    if (lt < 0 || halfEntity >= 0) break;
    for (const [opener, closer] of [['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>']] as const) {
      if (text.startsWith(opener, lt)) {
        const end = text.indexOf(closer, lt + opener.length);
        if (end < 0) break scan;
        i = safe = end + closer.length;
        continue scan;
      }
    }
    const end = tagEnd(text, lt);
    if (end < 0) break;
    const closing = text[lt + 1] === '/';
    const name = NAME.exec(text.slice(lt + (closing ? 2 : 1)))?.[0];
    if (!name) break;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    } else if (text[end - 2] !== '/') {
      open.push(name);
    }
    i = safe = end;
  }
  const kept = text.slice(0, safe);
  if (!/<svg[\s>/]/i.test(kept)) return null;
  const closed = [...open].reverse();
  return { svg: kept + closed.map((name) => `</${name}>`).join(''), closed, droppedTail: safe < text.length };
}
