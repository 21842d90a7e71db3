// "A basket of eggs" is eggs and a basket. The parser reads "X of Y" as one thing, which suits a cup of coffee
// or a bowl of rice (the icon set draws those whole); where the set has the holder and the contents apart, both
// are drawn, the contents sitting in the holder. Pure: the prompt and the icon library in, a prompt out.
import type { ParsedObject, ParsedPrompt } from './parse/parse.js';
import type { IconLibrary } from './retrieve/iconLibrary.js';
import { retrieve } from './retrieve/retrieve.js';
import { singular } from './retrieve/terms.js';

/** Containers drawn beside what they hold. Cups, glasses and bottles are not: their icons show the drink. */
const HOLDERS = new Set(['basket', 'bowl', 'plate', 'vase', 'bucket', 'jar', 'box', 'crate']);

/** Icons that already show the contents in their holder: no second holder is drawn around them. */
const COMBINED = /^icon:(steaming-bowl|cooked-rice|curry-rice|green-salad|bowl-with-spoon|pot-of-food|shallow-pan-of-food|spaghetti|honey-pot|popcorn|bento-box|canned-food|bouquet|potted-plant|hot-beverage|teacup-without-handle|cup-with-straw|ice-cream|.*bottle.*|beer-mug|.*glass.*|basket|package|amphora|bucket|jar)$/;

export function splitHolders(parsed: ParsedPrompt, library: IconLibrary, avoidFlags: number): ParsedPrompt {
  const objects = [...parsed.objects];
  const relations = [...parsed.relations];
  parsed.objects.forEach((object, index) => {
    const match = /^(\S+) of (.+)$/.exec(object.phrases[0]);
    if (!match || !HOLDERS.has(match[1])) return;
    const [, holderWord, contentsPhrase] = match;
    const contents: ParsedObject = {
      phrases: object.phrases.filter((phrase) => phrase !== object.phrases[0] && phrase !== holderWord),
      ...(object.color ? { color: object.color } : {}),
      count: saidInPlural(parsed.words, holderWord, contentsPhrase) ? 3 : 1,
      countSaid: false,
      size: 1,
    };
    const holder: ParsedObject = { phrases: [holderWord], count: object.count, countSaid: object.countSaid, size: object.size };
    const drawnContents = retrieve(contents, library, { avoidFlags });
    const drawnHolder = retrieve(holder, library, { avoidFlags });
    if (contents.phrases.length === 0 || drawnContents.fallback || drawnHolder.fallback || COMBINED.test(drawnContents.source)) return;
    objects[index] = holder;
    objects.push(contents);
    relations.push({ subject: objects.length - 1, kind: 'inside', target: index });
  });
  return { ...parsed, objects, relations };
}

/** "a basket of eggs": the word after "<holder> of" is a plural (three eggs), unlike "a bowl of rice". */
function saidInPlural(words: string[], holderWord: string, contentsPhrase: string): boolean {
  const first = contentsPhrase.split(' ')[0];
  for (let i = 0; i + 2 < words.length; i++) {
    if (singular(words[i]) === holderWord && words[i + 1] === 'of') {
      const said = words.slice(i + 2).find((word) => singular(word) === first || word === first);
      return said !== undefined && said !== first;
    }
  }
  return false;
}
