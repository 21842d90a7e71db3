// Prompt understanding: objects with their counts, colours and sizes, the relations between them,
// and the scene around them (setting, time of day, weather, style). Pure; no icon lookups here (wordClasses.ts
// reads the concept table's names, so that a colour inside one, "ice cream", stays part of it).
import { singular } from '../retrieve/terms.js';
import type { Setting, StyleWord, TimeOfDay, Weather } from '../types.js';
import { colorFromWords, isColorWord } from './colors.js';
import { ALWAYS_SETTINGS, AMBIGUOUS_COLORS, COLOR_MODIFIERS, CONTAINERS, HOLD_VERBS, PLURAL_ONLY, SETTING_OBJECTS, SETTINGS, SHAPES, SIZES, STOPWORDS, VERBS, type RelationKind } from './lexicon.js';
import { splitQuoted, tokenize, words as toWords, type Token } from './tokens.js';
import { COMPOUNDS, DAY_ADJECTIVES, DEPICTIONS, DETAILS, DRAWN_AS_GROUP, FULL_OF, HEADWEAR, inCompound, isFiller, isThing, LOCATIVE, MATERIALS, WORN } from './wordClasses.js';

export interface ParsedObject {
  /** Candidate phrases for this object, most specific first (e.g. ["hot air balloon", "air balloon", "balloon"]). */
  phrases: string[];
  color?: string;
  count: number;
  /** The count was said ("three cats"), not guessed from a plural ("cats"). */
  countSaid: boolean;
  /** Scale factor from size words ("big" 1.35, "tiny" 0.5). */
  size: number;
  /** Said as "a pair of": one drawing, if the thing's icon is already a pair (socks, gloves, skis). */
  pair?: boolean;
  /** A size word was said of it ("a huge whale"): the size beats the defaults of a relation. */
  sizeSaid?: boolean;
  /** The colour as said ("red" in "a red fox"), which can be part of a name. */
  colorWord?: string;
}

export interface ParsedRelation {
  subject: number;
  kind: RelationKind;
  target: number;
  /** The word said ("in", "at", "next to"), where it was said: "in the outback" names a place. */
  word?: string;
}

export interface ParsedPrompt {
  objects: ParsedObject[];
  relations: ParsedRelation[];
  setting?: Setting;
  time?: TimeOfDay;
  weather?: Weather;
  style: StyleWord[];
  /** Every colour named, in order (abstract prompts use them as the palette). */
  colors: string[];
  /** Lower-cased words, in order. */
  words: string[];
  /** Text in quotes: words to write, which are never drawn. */
  quoted: string[];
  /** A colour said of the setting ("a purple forest"): its props are drawn in it. */
  settingColor?: string;
}

function objectFrom(run: string[], count: number | undefined, color: string | undefined, size: number, colorWord?: string, keepPlural = false): ParsedObject {
  const last = run[run.length - 1];
  const asSaid = keepPlural || PLURAL_ONLY.has(last);
  const plural = !asSaid && singular(last) !== last;
  const words = [...run.slice(0, -1), asSaid ? last : singular(last)];
  const phrases: string[] = [];
  const of = words.indexOf('of');
  if (of > 0) {
    words[of - 1] = singular(words[of - 1]);
    // "cup of coffee": the whole, then the contents, then the container.
    phrases.push(words.join(' '));
    const contents = words.slice(of + 1);
    for (let start = 0; start < contents.length; start++) phrases.push(contents.slice(start).join(' '));
    const container = run[of - 1];
    phrases.push(words[of - 1]);
    return { phrases: [...new Set(phrases)], color, count: count ?? (singular(container) !== container ? 3 : 1), countSaid: count !== undefined, size };
  }
  for (let start = 0; start < words.length; start++) phrases.push(words.slice(start).join(' '));
  // Then each single word, head noun (last) first: "wooden boat" -> boat, then wooden.
  for (let i = words.length - 2; i >= 0; i--) phrases.push(words[i]);
  return { phrases: [...new Set(phrases)], color, count: count ?? (plural ? 3 : 1), countSaid: count !== undefined, size, ...(colorWord ? { colorWord } : {}) };
}

/** The prompt without the objects `drop` names (a pattern's words, a place): relations follow the objects that stay. */
export function withoutObjects(parsed: ParsedPrompt, drop: (object: ParsedObject, index: number) => boolean): ParsedPrompt {
  const kept = parsed.objects.flatMap((object, index) => (drop(object, index) ? [] : [index]));
  if (kept.length === parsed.objects.length) return parsed;
  return {
    ...parsed,
    objects: kept.map((index) => parsed.objects[index]),
    relations: parsed.relations.flatMap((relation) => {
      const [subject, target] = [kept.indexOf(relation.subject), kept.indexOf(relation.target)];
      return subject < 0 || target < 0 ? [] : [{ ...relation, subject, target }];
    }),
  };
}

export function parsePrompt(prompt: string): ParsedPrompt {
  const { text, quoted } = splitQuoted(prompt);
  const list = toWords(text);
  const tokens = tokenize(list);
  const result: ParsedPrompt = { objects: [], relations: [], style: [], colors: [], words: list.filter((w) => w !== ','), quoted };
  const isTarget = new Set<number>();
  let run: string[] = [];
  let count: number | undefined;
  let color: string | undefined;
  let colorWord: string | undefined;
  let pair = false;
  /** "a bunch of", "a stack of": several, unless the thing's drawing is already the bunch (grapes, pancakes). */
  let group = false;
  let size = 1;
  let relation: { kind: RelationKind; word: string } | undefined;
  /** Objects said as one list ("a boy and a girl", "a cat, a dog"): a relation after the list holds for each. */
  let said: number[] = [];
  /** An "and" or a comma came since the last object, so the next one joins its list. */
  let joined = false;
  /** The next object is what a verb acts on ("holding a kite"): it heads no list. */
  let acted = false;

  const flush = () => {
    if (run.length === 1 && DAY_ADJECTIVES.has(run[0])) run = [];
    // "pants with patch pockets and silver buttons": details of a thing already named are not drawn apart.
    if (run.length > 0 && result.objects.length > 0 && DETAILS.has(singular(run[run.length - 1]))) run = [];
    // "a sunflower field", "a rose garden": the setting, full of the thing named.
    const last = run.at(-1);
    const fullOf = run.length >= 2 && last !== undefined && FULL_OF.has(last) && !SETTINGS[run[run.length - 2]];
    if (fullOf) {
      result.setting ??= SETTINGS[last];
      run = run.slice(0, -1);
    }
    if (run.length === 0) return;
    // "a pair of glasses" is one pair; "a pair of shoes" two shoes; "a bunch of grapes" is one bunch.
    const drawnAsGroup = group && DRAWN_AS_GROUP.has(run[run.length - 1]);
    const one = (pair && PLURAL_ONLY.has(run[run.length - 1])) || drawnAsGroup;
    // "a stack of books" is the icon "books" (a stack), so the plural stays as said.
    const object = objectFrom(run, one ? 1 : count, color, size, colorWord, drawnAsGroup);
    if (size !== 1) object.sizeSaid = true;
    if (pair && !one) object.pair = true;
    if (fullOf && count === undefined) object.count = 3; // several, though no number was said
    result.objects.push(object);
    const index = result.objects.length - 1;
    if (relation) {
      let subject = -1;
      for (let i = index - 1; i >= 0; i--) if (!isTarget.has(i)) { subject = i; break; }
      if (subject >= 0 && WORN.has(relation.word) && HEADWEAR.has(object.phrases[0].split(' ').at(-1)!)) {
        // "a dog wearing a hat": the hat is on the dog (said the other way round), and smaller than it.
        result.relations.push({ subject: index, kind: 'on', target: subject });
        object.size *= 0.4;
        isTarget.add(index);
      } else if (subject >= 0 && relation.kind === 'hold') {
        // "a boy holding a balloon": the balloon is placed by the boy's hand (said the other way round).
        result.relations.push({ subject: index, kind: 'hold', target: subject, word: relation.word });
        isTarget.add(index);
      } else if (subject >= 0 && WORN.has(relation.word)) {
        // Anything else worn (a scarf, sunglasses) is drawn beside its wearer: a verb, not a place.
        result.relations.push({ subject, kind: 'beside', target: index });
        isTarget.add(index);
      } else if (subject >= 0) {
        const subjects = said.length > 1 && said.at(-1) === subject ? said : [subject];
        for (const each of subjects) result.relations.push({ subject: each, kind: relation.kind, target: index, word: relation.word });
        isTarget.add(index);
      }
      relation = undefined;
      said = [];
    } else {
      said = acted ? [] : joined && said.at(-1) === index - 1 ? [...said, index] : [index];
    }
    joined = false;
    acted = false;
    run = [];
    count = undefined;
    color = undefined;
    colorWord = undefined;
    pair = false;
    group = false;
    size = 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token: Token = tokens[i];
    const next = tokens[i + 1];
    const nextWord = next?.type === 'word' && !STOPWORDS.has(next.word) && !VERBS.has(next.word) && !isFiller(next.word) ? next.word : undefined;
    if (token.type === 'break') {
      flush();
      relation = undefined;
      joined = true;
    } else if (token.type === 'count') {
      flush();
      count = Math.max(count === undefined ? 0 : count, token.n);
      pair = token.pair === true;
      group = token.group === true;
    } else if (token.type === 'relation') {
      flush();
      relation = { kind: token.kind, word: token.word };
    } else if (token.type === 'setting') {
      flush();
      result.setting ??= token.setting;
      relation = undefined;
    } else if (token.type === 'time') result.time ??= token.time;
    else if (token.type === 'weather') result.weather ??= token.weather;
    else if (token.type === 'style') result.style.includes(token.style) || result.style.push(token.style);
    else {
      const word = token.word;
      if (COLOR_MODIFIERS[word] && next?.type === 'word' && isColorWord(next.word)) {
        color = colorFromWords(word, next.word);
        if (color) result.colors.push(color);
        i++;
      } else if (isColorWord(word) && (!AMBIGUOUS_COLORS.has(word) || (nextWord !== undefined && !SETTINGS[nextWord])) && !inCompound(run.at(-1), word, nextWord)) {
        const hex = colorFromWords(undefined, word);
        if (hex) result.colors.push(hex);
        // A colour after its object ("an apple, red", "a cat red") belongs to that object.
        if (!nextWord && (run.length > 0 || result.objects.length > 0)) {
          flush();
          const last = result.objects.at(-1)!;
          last.color ??= hex;
        } else if (color === undefined) {
          // "a red and white lighthouse": the first colour named is the thing's colour.
          color = hex;
          colorWord = word;
        }
      } else if (SIZES[word] && nextWord && !COMPOUNDS.has(`${word} ${nextWord}`)) size *= SIZES[word];
      else if (SIZES[word] && (run.length > 0 || result.objects.length > 0)) {
        flush();
        result.objects.at(-1)!.size *= SIZES[word];
        result.objects.at(-1)!.sizeSaid = true;
      }
      else if (DEPICTIONS.has(singular(word)) && tokens[i + 1]?.type === 'word' && (tokens[i + 1] as { word: string }).word === 'of' && tokens[i + 2] !== undefined) {
        // "a neon sign of a pizza": the sign is how the pizza is shown, as "a photo of a cat" is; the pizza is drawn.
        flush();
        i++;
      } else if (ALWAYS_SETTINGS.has(word)) {
        flush();
        result.setting ??= SETTINGS[word];
      } else if (CONTAINERS.has(singular(word)) && tokens[i + 1]?.type === 'word' && (tokens[i + 1] as { word: string }).word === 'of' && tokens[i + 2]?.type === 'word') {
        // "a cup of coffee": one thing; the words after "of" join the run ("cup of coffee").
        run.push(word, 'of');
        i++;
      } else if (FULL_OF.has(word) && relation && LOCATIVE.has(relation.word) && run.length > 0 && run.every(isThing)) {
        // "in a mushroom forest": the setting, full of the things named (flush makes them); nothing is inside them.
        relation = undefined;
        run.push(word);
        flush();
      } else if (SETTINGS[word] && (relation && LOCATIVE.has(relation.word) || run.length === 0 && relation === undefined && isSettingHead(tokens, i))) {
        // "in a forest": the setting, not an object; adjectives before it ("a snowy forest") go with it.
        if (relation) run = [];
        else flush();
        // "a purple forest": the colour is the setting's (its trees), not the next thing's.
        if (color !== undefined && result.setting === undefined) result.settingColor = color;
        color = undefined;
        colorWord = undefined;
        result.setting ??= SETTINGS[word];
        relation = undefined;
      } else if (nextWord !== undefined && COMPOUNDS.has(`${word} ${nextWord}`)) run.push(word); // "a flying saucer", "a running shoe"
      else if (HOLD_VERBS.has(word) && (next?.type === 'word' || next?.type === 'count') && (run.length > 0 || result.objects.length > 0)) {
        // "a girl holding a red balloon": what follows is in her hands.
        flush();
        relation = { kind: 'hold', word };
      } else if (VERBS.has(word)) {
        // "a boy holding a kite and a girl": what a verb acts on starts no list with what follows.
        flush();
        acted = true;
      } else if (STOPWORDS.has(word)) {
        flush();
        if (word === 'and') joined = true;
      }
      else if (isFiller(word)) {
        if (word.endsWith('ing')) flush();
      } else if (!MATERIALS.has(word) || nextWord === undefined) run.push(word);
    }
  }
  flush();
  return result;
}

/** A setting word with no preposition ("a forest", "city at night") is the setting when nothing else is named before it. */
function isSettingHead(tokens: Token[], at: number): boolean {
  const word = (tokens[at] as { word: string }).word;
  if (SETTING_OBJECTS.has(word)) return false;
  const nextWord = tokens[at + 1];
  return !(nextWord?.type === 'word' && !STOPWORDS.has(nextWord.word) && !VERBS.has(nextWord.word));
}

export { isColorWord, colorFromWords, SHAPES };
