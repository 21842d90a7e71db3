// Finds the SVG in a model's reply: bare, inside code fences, or wrapped in prose. Pure.

export type Extraction =
  | { svg: string; truncated: boolean }
  | { svg: null; reason: string };

const HAS_SVG = /<svg(?=[\s>/])/i;
const OPEN = /<svg(?=[\s>/])/gi;
const TAG = /<(\/?)svg(?=[\s>/])[^>]*?(\/?)>/gi;

/** Reasoning models (DeepSeek-R1, Qwen3) think aloud in <think> blocks, sometimes drafting SVGs there. */
function withoutThinking(reply: string): string {
  const closed = reply.replace(/<think>[\s\S]*?<\/think>/gi, '');
  const open = closed.search(/<think>/i);
  return open >= 0 ? closed.slice(0, open) : closed;
}

/** Bodies of Markdown code fences, the last one possibly unclosed (a cut-off reply). */
function fenceBodies(text: string): string[] {
  const bodies: string[] = [];
  const fence = /(^|\n)[ \t]*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)(?:\n[ \t]*\2[ \t]*(?=\n|$)|$)/g;
  for (const match of text.matchAll(fence)) bodies.push(match[3]);
  return bodies;
}

/** Every <svg> element in `text` in order: complete ones end at their matching </svg>; an unclosed last one runs to the end. */
function svgElements(text: string): { svg: string; truncated: boolean }[] {
  const found: { svg: string; truncated: boolean }[] = [];
  OPEN.lastIndex = 0;
  let start = OPEN.exec(text)?.index;
  while (start !== undefined) {
    TAG.lastIndex = start;
    let depth = 0;
    let end: number | undefined;
    for (let tag = TAG.exec(text); tag; tag = TAG.exec(text)) {
      const [, closing, selfClosing] = tag;
      if (closing) depth -= 1;
      else if (!selfClosing) depth += 1;
      if (depth <= 0) {
        end = tag.index + tag[0].length;
        break;
      }
    }
    if (end === undefined) {
      found.push({ svg: text.slice(start).replace(/\s*(`{3,}|~{3,})\s*$/, '').trimEnd(), truncated: true });
      break;
    }
    found.push({ svg: text.slice(start, end), truncated: false });
    OPEN.lastIndex = end;
    start = OPEN.exec(text)?.index;
  }
  return found;
}

/** Longest text kept of what a model wrote besides its SVG. */
const SAID_MAX_CHARS = 300;

/**
 * What the model wrote besides its SVG ("Here is a fox; I kept the palette warm."), on one line and
 * shortened, or '' when it wrote nothing else. Thinking blocks, code fences, SVG markup and control
 * characters are left out.
 */
export function proseAround(reply: string): string {
  const text = withoutThinking(reply)
    .replace(/(^|\n)[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n[ \t]*\2[ \t]*(?=\n|$)|$)/g, ' ')
    .replace(/<svg(?=[\s>/])[\s\S]*?(<\/svg>|$)/gi, ' ')
    .replace(/<\?xml[^>]*>/gi, ' ')
    // The model is not trusted with the user's terminal: no escape sequences, other controls or bidi overrides.
    .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= SAID_MAX_CHARS ? text : `${text.slice(0, SAID_MAX_CHARS - 1).trimEnd()}…`;
}

/**
 * The SVG a reply offers. With several, the last complete one wins: models that revise
 * ("here is a corrected version") put their final answer last. A reply cut off mid-SVG
 * gives that SVG with `truncated: true`, for repair.
 */
export function extractSvg(reply: string): Extraction {
  const text = withoutThinking(reply);
  const fenced = fenceBodies(text).filter((body) => HAS_SVG.test(body));
  const candidates = (fenced.length > 0 ? fenced : [text]).flatMap(svgElements);
  const complete = candidates.filter((candidate) => !candidate.truncated);
  if (complete.length > 0) return complete[complete.length - 1];
  if (candidates.length > 0) return candidates[0];
  if (/&lt;svg/i.test(text)) return { svg: null, reason: 'the reply contained an HTML-escaped <svg> instead of SVG markup' };
  if (text.trim() === '') return { svg: null, reason: 'the reply was empty' };
  return { svg: null, reason: 'the reply contained no <svg> element' };
}
