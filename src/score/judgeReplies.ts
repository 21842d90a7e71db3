// Reading what a vision model replied, whatever shape it came in: JSON (fenced or not, single quotes,
// trailing commas), a letter ("B", "(b)", "Answer: B."), the choice's own words, or prose around them.
// Pure. Anything unreadable becomes null, never a throw: the caller decides what a gap means.

/** The first balanced {...} in the text, parsed leniently; null when there is none. */
export function extractJson(text: string): unknown {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return parseLenient(text.slice(start, i + 1));
  }
  return null;
}

function parseLenient(candidate: string): unknown {
  for (const attempt of [candidate, candidate.replace(/,\s*([}\]])/g, '$1'), candidate.replace(/'/g, '"').replace(/,\s*([}\]])/g, '$1')]) {
    try {
      return JSON.parse(attempt);
    } catch {
      // next attempt
    }
  }
  return null;
}

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Which choice (index) a reply picks, or null. */
export function parseChoice(reply: unknown, choices: string[]): number | null {
  if (typeof reply === 'number' && Number.isInteger(reply)) return reply >= 1 && reply <= choices.length ? reply - 1 : null;
  if (reply && typeof reply === 'object') {
    const record = reply as Record<string, unknown>;
    const inner = record.answer ?? record.choice ?? record.letter ?? record.option;
    return inner === undefined ? null : parseChoice(inner, choices);
  }
  if (typeof reply !== 'string') return null;
  const json = reply.includes('{') ? extractJson(reply) : null;
  if (json !== null) return parseChoice(json, choices);
  const text = reply.replace(/[*_`]/g, '').trim();
  const letters = choices.map((_, i) => String.fromCharCode(65 + i));
  const byLetter = (letter: string | undefined) => {
    const index = letter ? letters.indexOf(letter.toUpperCase()) : -1;
    return index >= 0 ? index : null;
  };
  const whole = normalise(text);
  const exact = choices.findIndex((choice) => normalise(choice) === whole);
  if (exact >= 0) return exact;
  const patterns = [
    /^\(?([a-z])\)?[.):]?$/i, // "B", "(b)", "B."
    /\b(?:answer|option|choice)\s*(?:is)?\s*[:\-]?\s*\(?([a-z])\b\)?/i, // "Answer: B", "the answer is (C)"
    /^\(?([a-z])[).:]\s/i, // "B) a red apple"
    /\(([a-z])\)/i, // "... (C) ..."
  ];
  for (const pattern of patterns) {
    const index = byLetter(pattern.exec(text)?.[1]);
    if (index !== null) return index;
  }
  // The choice's own words somewhere in the reply; the longest wins ("dark red" over "red").
  const contained = choices
    .map((choice, index) => ({ index, words: normalise(choice) }))
    .filter(({ words }) => words && ` ${whole} `.includes(` ${words} `))
    .sort((a, b) => b.words.length - a.words.length);
  if (contained[0]) return contained[0].index;
  // A short reply that is part of exactly one choice ("beach" for "on a beach").
  const within = choices.map((choice, index) => ({ index, words: normalise(choice) })).filter(({ words }) => whole && ` ${words} `.includes(` ${whole} `));
  return within.length === 1 ? within[0].index : null;
}

/** A 1-10 rating from "7", "7/10", "Rating: 7.5", {"aesthetic": 7}; null when none is in range. */
export function parseRating(reply: unknown): number | null {
  if (typeof reply === 'number') return reply >= 1 && reply <= 10 ? reply : null;
  if (reply && typeof reply === 'object') {
    const record = reply as Record<string, unknown>;
    const inner = record.aesthetic ?? record.rating ?? record.score;
    return inner === undefined ? null : parseRating(inner);
  }
  if (typeof reply !== 'string') return null;
  const labelled = /(?:aesthetic|rating|score)\W{0,20}?(\d+(?:\.\d+)?)/i.exec(reply) ?? /(\d+(?:\.\d+)?)\s*(?:\/|out of)\s*10\b/i.exec(reply) ?? /^\s*(\d+(?:\.\d+)?)\s*$/.exec(reply);
  return labelled ? parseRating(Number(labelled[1])) : null;
}

export interface TextCheck {
  present: boolean;
  letters: number;
}

/** Letters assumed when the judge says there is text but not how much: one over the free four. */
export const UNCOUNTED_LETTERS = 5;

/** {"present": true, "letters": 5}, "yes, 5 letters", "Yes: it says \"HELLO\"", "no"; null when unreadable. */
export function parseTextCheck(reply: unknown): TextCheck | null {
  if (typeof reply === 'boolean') return { present: reply, letters: reply ? UNCOUNTED_LETTERS : 0 };
  if (reply && typeof reply === 'object') {
    const record = reply as Record<string, unknown>;
    const present = record.present ?? record.text ?? record.contains_text ?? record.hasText;
    const rawLetters = record.letters ?? record.characters ?? record.count;
    const yes = typeof present === 'boolean' ? present : typeof present === 'string' ? parseYesNo(present) : null;
    if (yes === null) return null;
    const letters = typeof rawLetters === 'number' && rawLetters >= 0 ? Math.round(rawLetters) : typeof rawLetters === 'string' && /^\d+$/.test(rawLetters.trim()) ? Number(rawLetters) : null;
    return { present: yes && letters !== 0, letters: yes ? (letters ?? UNCOUNTED_LETTERS) : 0 };
  }
  if (typeof reply !== 'string') return null;
  const yes = parseYesNo(reply);
  if (yes === null) return null;
  if (!yes) return { present: false, letters: 0 };
  const counted = /(\d+)\s*(?:letters?|characters?|chars?)/i.exec(reply);
  const quoted = /["“']([^"”']+)["”']/.exec(reply);
  const letters = counted ? Number(counted[1]) : quoted ? quoted[1].replace(/[^\p{L}\p{N}]/gu, '').length : UNCOUNTED_LETTERS;
  return { present: letters > 0, letters };
}

function parseYesNo(text: string): boolean | null {
  const first = /\b(yes|no|true|false|none)\b/i.exec(text)?.[1].toLowerCase();
  if (first === undefined) return null;
  return first === 'yes' || first === 'true';
}

export interface JudgeReply {
  /** Index of the picked choice per question, null where unreadable. */
  picks: (number | null)[];
  rating: number | null;
  text: TextCheck | null;
}

/**
 * The one combined reply: JSON {"answers": [...], "aesthetic": n, "text": {...}} when the model
 * complied; otherwise numbered lines ("1. B", "Q2: the red one"), "aesthetic: 7" and "text: no".
 */
export function readJudgeReply(reply: string, questions: { choices: string[] }[]): JudgeReply {
  const json = extractJson(reply);
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const record = json as Record<string, unknown>;
    const answers = record.answers ?? record.answer;
    const list = Array.isArray(answers) ? answers : answers && typeof answers === 'object' ? Object.values(answers) : [];
    return {
      picks: questions.map((q, i) => parseChoice(list[i], q.choices)),
      rating: parseRating(record.aesthetic ?? record.rating ?? record.score ?? null),
      text: parseTextCheck(record.text ?? record.ocr ?? null),
    };
  }
  const lines = reply.split('\n');
  const lineAfter = (pattern: RegExp) => lines.map((line) => pattern.exec(line)?.[1]).find((rest) => rest !== undefined);
  return {
    picks: questions.map((q, i) => {
      const rest = lineAfter(new RegExp(`^\\W*(?:q(?:uestion)?\\s*)?${i + 1}\\s*[.):\\-]\\s*(.+)$`, 'i'));
      return rest === undefined ? null : parseChoice(rest, q.choices);
    }),
    rating: parseRating(lineAfter(/(?:aesthetic|rating)\W*(.+)$/i)?.replace(/^/, 'rating ') ?? null),
    text: parseTextCheck(lineAfter(/\btext\b\W*(.+)$/i) ?? null),
  };
}
