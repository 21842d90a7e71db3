// Follow-ups that edit the previous scene ("make the fox blue", "add a moon", "two more cats",
// "move the dog to the left", "at night"). Anything that is not recognisably an edit is a new scene.
import { colorFromWords, isColorWord } from '../parse/colors.js';
import { COLOR_MODIFIERS, NUMBERS, RELATIONS, SIZES, type RelationKind } from '../parse/lexicon.js';
import { parsePrompt, type ParsedPrompt } from '../parse/parse.js';
import { splitQuoted, words as toWords } from '../parse/tokens.js';

export type Direction = 'left' | 'right' | 'up' | 'down' | 'center';

export type EditOp =
  | { op: 'color'; target: string; color: string }
  /** `near`: "add a dog next to it": placed so of the thing in focus. */
  | { op: 'add'; parsed: ParsedPrompt; near?: RelationKind }
  | { op: 'remove'; target: string }
  | { op: 'more'; target: string; n: number }
  | { op: 'resize'; target: string; factor: number }
  | { op: 'move'; target: string; direction: Direction; amount: number }
  /** "move the cat to the right of the tree", "put the ball under the table": where it goes is said of another thing. */
  | { op: 'place'; target: string; kind: RelationKind; anchor: string }
  | { op: 'replace'; target: string; parsed: ParsedPrompt }
  | { op: 'flip'; target: string }
  | { op: 'scene'; parsed: ParsedPrompt };

/** "it", "them" and a missing target mean the thing the conversation is about. */
export const FOCUS = '';

const ADD = /^(add|put|place|include|insert|also|plus|and|with|draw|give)$/;
const REMOVE = /^(remove|delete|erase|drop|hide|without|no|lose|ditch)$/;
const MOVE = /^(move|shift|push|slide|put|place|bring)$/;
const RECOLOR = /^(make|turn|paint|color|colour|recolor|recolour|change|set|dye|replace|swap|substitute|exchange)$/;
const REPLACE_LINK = /^(into|to|with|for)$/;
const PRONOUN = /^(it|them|they|everything|all|him|her|this|that|those|these|one|ones|picture|image|scene|whole|things|thing|the|a|an|some|its|so|more|much|way|bit|little|slightly|lot)$/;
const GROW: Record<string, number> = { bigger: 1.3, larger: 1.3, huger: 1.5, taller: 1.3, smaller: 0.75, tinier: 0.6, shorter: 0.8, double: 2, half: 0.5, twice: 2 };
const DIRECTIONS: Record<string, Direction> = { left: 'left', right: 'right', up: 'up', higher: 'up', top: 'up', down: 'down', lower: 'down', bottom: 'down', center: 'center', centre: 'center', middle: 'center' };

function targetOf(words: string[]): string {
  return words.filter((w) => !PRONOUN.test(w) && !isColorWord(w) && !COLOR_MODIFIERS[w] && !GROW[w] && !SIZES[w] && !DIRECTIONS[w] && !/^(to|of|on|in|at|as|is|be|should|look|looks|color|colour|a|bit|little|slightly|side|please|now|instead|too|make|very|much|more|than|and)$/.test(w)).join(' ');
}

function colorIn(words: string[]): string | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    if (!isColorWord(words[i])) continue;
    const modifier = COLOR_MODIFIERS[words[i - 1]] ? words[i - 1] : undefined;
    return colorFromWords(modifier, words[i]);
  }
  return undefined;
}

function sceneOnly(parsed: ParsedPrompt): boolean {
  return parsed.objects.length === 0 && (parsed.time !== undefined || parsed.setting !== undefined || parsed.weather !== undefined || parsed.style.length > 0);
}

const INTERJECTION = /^(no|yes|ok|okay|now|please|great|nice|cool|good|hmm|then|thanks|perfect|wow|oh)$/;
const VERB_START = /^(make|turn|paint|colou?r|change|add|put|place|remove|delete|erase|move|shift|flip|mirror|give|draw|get|take)\b/;

/** The edits a follow-up asks for, or undefined when it describes a new scene. `known` says whether a phrase names something in the scene. */
export function parseEdit(prompt: string, known: (phrase: string) => boolean): EditOp[] | undefined {
  // "make the fox blue and add a moon": each part must be an edit on its own.
  const parts = splitQuoted(prompt).text.split(/\s*(?:,|;|\band then\b|\bthen\b|\band\b(?=\s+(?:make|turn|paint|colou?r|change|add|put|place|remove|delete|erase|move|shift|flip|mirror|give|draw|get|take)\b))\s*/i).filter((part) => part.trim());
  if (parts.length > 1 && parts.slice(1).every((part) => VERB_START.test(part.trim().toLowerCase()) || /^(at|in|on)\b/i.test(part.trim()))) {
    const ops = parts.map((part) => parseEditPart(part, known));
    if (ops.every((op) => op && op.length > 0)) return ops.flat() as EditOp[];
  }
  return parseEditPart(prompt, known);
}

function parseEditPart(prompt: string, known: (phrase: string) => boolean): EditOp[] | undefined {
  const raw = toWords(splitQuoted(prompt).text);
  while (raw.length > 1 && INTERJECTION.test(raw[0]) && (raw[1] === ',' || raw[0] !== 'no')) raw.splice(0, raw[1] === ',' ? 2 : 1);
  const list = raw.filter((w) => w !== ',');
  if (list.length === 0) return undefined;
  prompt = list.join(' ');
  const rest = (from: number) => list.slice(from).join(' ');
  const first = list[0];
  const parsed = parsePrompt(prompt);
  const grow = list.map((w) => GROW[w]).find(Boolean);
  const direction = list.map((w) => DIRECTIONS[w]).find(Boolean);
  const slight = list.some((w) => /^(bit|little|slightly|tad)$/.test(w));

  // "two more cats", "another cat", "one less dog"
  const moreAt = list.findIndex((w) => w === 'more' || w === 'less' || w === 'fewer' || w === 'another');
  if (moreAt >= 0 && !grow && (list[moreAt] === 'another' || moreAt + 1 < list.length)) {
    const target = targetOf(list.slice(moreAt + 1).filter((w) => !/^(of|the)$/.test(w)));
    const said = list.slice(0, moreAt).map((w) => (/^\d+$/.test(w) ? Number(w) : NUMBERS[w])).find((v) => v !== undefined);
    const n = (said ?? (list[moreAt + 1]?.endsWith('s') ? 2 : 1)) * (list[moreAt] === 'less' || list[moreAt] === 'fewer' ? -1 : 1);
    if (target && known(target)) return [{ op: 'more', target, n }];
    if (target && list[moreAt] !== 'less' && list[moreAt] !== 'fewer') return [{ op: 'add', parsed: parsePrompt(`${Math.max(1, n)} ${target}`) }];
  }
  if (REMOVE.test(first) || /^(get rid of|take away|take out|take off)/.test(rest(0))) {
    const skip = REMOVE.test(first) ? 1 : 3;
    return rest(skip).split(/\band\b|,/).map((part) => ({ op: 'remove' as const, target: targetOf(part.trim().split(' ')) })).filter((op) => op.target);
  }
  if (MOVE.test(first)) {
    // Relative to another thing in the picture: the relation, not a bare direction, says where.
    const said = parsePrompt(rest(1));
    const relation = said.relations.find((r) => r.subject === 0);
    if (relation && said.objects.length === 2) {
      const [target, anchor] = [said.objects[0].phrases[0], said.objects[relation.target].phrases[0]];
      if (known(target) && known(anchor)) return [{ op: 'place', target, kind: relation.kind, anchor }];
    }
  }
  if (MOVE.test(first) && direction) {
    const upTo = list.findIndex((w) => /^(to|toward|towards|up|down|left|right|higher|lower)$/.test(w));
    return [{ op: 'move', target: targetOf(list.slice(1, upTo > 0 ? upTo : undefined)), direction, amount: slight ? 0.5 : 1 }];
  }
  if (/^(flip|mirror)$/.test(first) || /\bface (the )?(other way|left|right)\b/.test(rest(0))) return [{ op: 'flip', target: targetOf(list.slice(1).filter((w) => !/^(face|faces|facing|other|way)$/.test(w))) }];
  if (ADD.test(first) && !(MOVE.test(first) && direction)) {
    // "add a dog next to it": "it" is the thing the conversation is about.
    const near = RELATIONS.find(([text]) => list.length > text.split(' ').length + 2 && rest(list.length - text.split(' ').length - 1) === `${text} ${list.at(-1)}` && /^(it|them|him|her)$/.test(list.at(-1)!));
    if (near) {
      const added = parsePrompt(list.slice(1, list.length - near[0].split(' ').length - 1).join(' '));
      if (added.objects.length > 0) return [{ op: 'add', parsed: added, near: near[1] }];
    }
    const added = parsePrompt(rest(1));
    if (added.objects.length > 0) return [{ op: 'add', parsed: added }];
    if (sceneOnly(added)) return [{ op: 'scene', parsed: added }];
  }
  if (RECOLOR.test(first) || (first === 'the' && list.some((w) => /^(should|is|are|in)$/.test(w)))) {
    // "make the dog brown and the cat grey": a colour for each thing ("make the car red and white" is one thing).
    const pieces = list.slice(first === 'the' ? 0 : 1).join(' ').split(/ and /).map((piece) => piece.split(' '));
    if (pieces.length > 1) {
      const ops = pieces.map((piece) => ({ color: colorIn(piece), target: targetOf(piece) }));
      if (ops.every((op) => op.color && op.target && known(op.target))) return ops.map(({ color, target }) => ({ op: 'color' as const, target, color: color! }));
    }
    const linkAt = list.findIndex((w, i) => i > 0 && REPLACE_LINK.test(w));
    const afterLink = linkAt > 0 ? parsePrompt(rest(linkAt + 1)) : undefined;
    if (afterLink && afterLink.objects.length > 0) return [{ op: 'replace', target: targetOf(list.slice(1, linkAt)), parsed: afterLink }];
    const color = colorIn(list);
    const target = targetOf(list.slice(first === 'the' ? 0 : 1));
    if (color && !/\bbackground\b/.test(target)) return [{ op: 'color', target, color }];
    if (grow || list.some((w) => SIZES[w])) return [{ op: 'resize', target, factor: grow ?? SIZES[list.find((w) => SIZES[w])!] }];
    if (sceneOnly(parsed) || /\bbackground\b/.test(target)) return [{ op: 'scene', parsed }];
  }
  if (grow && targetOf(list).split(' ').every((w) => !w || known(w))) return [{ op: 'resize', target: targetOf(list), factor: slight ? Math.sqrt(grow) : grow }];
  if (sceneOnly(parsed)) return [{ op: 'scene', parsed }];
  // A bare colour ("blue", "in red") recolours the thing in focus.
  if (list.every((w) => isColorWord(w) || COLOR_MODIFIERS[w] || /^(in|instead|now|please|make|it)$/.test(w))) {
    const color = colorIn(list);
    if (color) return [{ op: 'color', target: FOCUS, color }];
  }
  return undefined;
}
