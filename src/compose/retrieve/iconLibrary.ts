// The bundled icon set and its prebuilt minisearch index. Pure: the caller hands in the parsed
// metadata and a function that reads an icon body, so this module does no I/O of its own.
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { processTerm, singular } from './terms.js';

/** [name, keywords, offset, length, width, height, emojibaseGroup] as written by scripts/build-icons.mjs. */
export type IconRow = [string, string, number, number, number, number, number];

export interface IconMeta {
  version: number;
  icons: IconRow[];
  index: AsPlainObject;
}

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

// Emojibase groups: 1 people & body, 7 objects... 8 symbols and 9 flags rarely mean the thing asked for.
const SYMBOL_GROUPS = new Set([8, 9]);

export class IconLibrary {
  private readonly search: MiniSearch;
  private readonly byName = new Map<string, IconRow>();

  constructor(private readonly meta: IconMeta, private readonly readBody: (offset: number, length: number) => string) {
    this.search = MiniSearch.loadJS(meta.index, { fields: ['name', 'keywords'], idField: 'id', processTerm });
    for (const row of meta.icons) this.byName.set(row[0], row);
  }

  get size(): number {
    return this.meta.icons.length;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The best icon for a phrase, or undefined when no icon has every word of it. */
  find(phrase: string): IconMatch | undefined {
    const wanted = phrase.toLowerCase().split(/\s+/).filter(Boolean).map(singular);
    if (wanted.length === 0) return undefined;
    const results = this.search.search(wanted.join(' '), { combineWith: 'AND', boost: { name: 4 }, prefix: false, fuzzy: false });
    let best: IconMatch | undefined;
    for (const result of results) {
      const row = this.meta.icons[result.id as number];
      const nameWords = row[0].split('-').map(singular);
      const exact = nameWords.join(' ') === wanted.join(' ');
      let score = result.score;
      if (exact) score *= 4;
      else if (wanted.every((w) => nameWords.includes(w))) score *= 1.5 + wanted.length / nameWords.length;
      // Prefer whole drawings to face-only ones ("dog" over "dog-face") unless a face was asked for.
      if (nameWords.includes('face') && !wanted.includes('face')) score *= 0.5;
      if (SYMBOL_GROUPS.has(row[6])) score *= 0.4;
      // Shorter names are more generic: "tree" beats "christmas-tree" for "tree".
      score /= 1 + 0.1 * nameWords.length;
      if (!best || score > best.score) best = { name: row[0], score, exact };
    }
    return best;
  }

  drawing(name: string): IconDrawing {
    const row = this.byName.get(name);
    if (!row) throw new Error(`no icon named ${name}`);
    return { name, body: this.readBody(row[2], row[3]), width: row[4], height: row[5] };
  }
}
