// The bundled icon set and its prebuilt search postings. Pure: the caller hands in the parsed
// metadata and a function that reads an icon body, so this module does no I/O of its own.
import { singular } from './terms.js';

/** [name, offset, length, width, height, emojibaseGroup, emojibaseSubgroup, flags] as written by scripts/build-icons.mjs. */
export type IconRow = [string, number, number, number, number, number, number, number];

export interface IconMeta {
  version: number;
  icons: IconRow[];
  /** Emoji code points (hex, joined by "-", no FE0F) -> icon index. */
  emoji: Record<string, number>;
}

/** term -> [iconIndex, score, iconIndex, score, ...]: minisearch's result for that single term. */
export type Postings = Record<string, number[]>;

export const ICON_INDEX_VERSION = 3;
/** How an emoji in a prompt is passed to retrieval: this prefix and the icon's index ("emoji459"). */
export const EMOJI_WORD = 'emoji';
/** Row flag: the drawing uses a clipPath (the kaggle profile forbids it). */
export const USES_CLIP_PATH = 1;

export interface IconMatch {
  name: string;
  score: number;
  /** The icon's own name is exactly the phrase asked for. */
  exact: boolean;
}

export interface IconDrawing {
  name: string;
  body: string;
  width: number;
  height: number;
}

// Emojibase groups: 8 symbols and 9 flags rarely mean the thing asked for.
const SYMBOL_GROUPS = new Set([8, 9]);

export class IconLibrary {
  private readonly byName = new Map<string, IconRow>();
  private postingsCache?: Postings;

  /** `loadPostings` is called the first time a keyword search is needed, not before. */
  constructor(
    private readonly meta: IconMeta,
    private readonly readBody: (offset: number, length: number) => string,
    private readonly loadPostings: () => Postings,
  ) {
    for (const row of meta.icons) this.byName.set(row[0], row);
  }

  private get postings(): Postings {
    this.postingsCache ??= this.loadPostings();
    return this.postingsCache;
  }

  get size(): number {
    return this.meta.icons.length;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Emojibase subgroup of an icon (e.g. 34 animal-mammal, 59 sky-weather), -1 when unknown. */
  subgroup(name: string): number {
    return this.byName.get(name)?.[6] ?? -1;
  }

  flags(name: string): number {
    return this.byName.get(name)?.[7] ?? 0;
  }

  /** The icon drawn for an emoji ("🦊" -> "fox"), if the set has it. */
  emojiName(emoji: string): string | undefined {
    const index = this.emojiIndex(emoji);
    return index === undefined ? undefined : this.meta.icons[index][0];
  }

  emojiIndex(emoji: string): number | undefined {
    const key = [...emoji].map((c) => c.codePointAt(0)!.toString(16)).filter((h) => h !== 'fe0f').join('-');
    return this.meta.emoji[key];
  }

  nameAt(index: number): string | undefined {
    return this.meta.icons[index]?.[0];
  }

  /** Whether any icon is found by this one word (name or keyword). */
  knowsWord(word: string): boolean {
    return (this.postings[singular(word.toLowerCase())]?.length ?? 0) > 0;
  }

  /** The best icon for a phrase, or undefined when no icon has every word of it (whole words only: "rock" never finds "rocket"). */
  find(phrase: string): IconMatch | undefined {
    const wanted = phrase.toLowerCase().split(/\s+/).filter(Boolean).map(singular);
    if (wanted.length === 0) return undefined;
    // AND of the terms: intersect their postings, summing scores.
    let scores: Map<number, number> | undefined;
    for (const term of new Set(wanted)) {
      const posting = this.postings[term];
      if (!posting) return undefined;
      const next = new Map<number, number>();
      for (let i = 0; i < posting.length; i += 2) {
        const id = posting[i];
        if (!scores) next.set(id, posting[i + 1]);
        else if (scores.has(id)) next.set(id, scores.get(id)! + posting[i + 1]);
      }
      scores = next;
      if (scores.size === 0) return undefined;
    }
    let best: IconMatch | undefined;
    for (const [id, raw] of scores ?? []) {
      const row = this.meta.icons[id];
      const nameWords = row[0].split('-').map(singular);
      const exact = nameWords.join(' ') === wanted.join(' ');
      let score = raw;
      if (exact) score *= 4;
      else if (wanted.every((w) => nameWords.includes(w))) score *= 1.5 + wanted.length / nameWords.length;
      // Prefer whole drawings to face-only ones ("dog" over "dog-face") unless a face was asked for.
      if (nameWords.includes('face') && !wanted.includes('face')) score *= 0.5;
      if (SYMBOL_GROUPS.has(row[5])) score *= 0.4;
      // Shorter names are more generic: "tree" beats "christmas-tree" for "tree".
      score /= 1 + 0.1 * nameWords.length;
      if (!best || score > best.score || (score === best.score && row[0] < best.name)) best = { name: row[0], score, exact };
    }
    return best;
  }

  drawing(name: string): IconDrawing {
    const row = this.byName.get(name);
    if (!row) throw new Error(`no icon named ${name}`);
    return { name, body: this.readBody(row[1], row[2]), width: row[3], height: row[4] };
  }
}
