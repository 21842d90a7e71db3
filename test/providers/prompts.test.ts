import { describe, expect, it } from 'vitest';
import { asksForText, fitsKaggle, KAGGLE_ELEMENTS, retrieveExamples, systemPrompt, type IconSource, type PromptParser } from '../../src/providers/prompts.js';

// A small icon set in the shape of the offline composer's library: name -> body.
const icons: Record<string, string> = {
  fox: '<path fill="#f80" d="M1 1h10v10z"/>',
  'red-apple': '<circle cx="16" cy="16" r="12" fill="#f00"/>',
  moon: '<path d="M2 2a5 5 0 1 0 5 5"/>',
  castle: `<path d="${'M0 0h1'.repeat(2000)}"/>`,
  'clip-tree': '<clipPath id="c"><rect/></clipPath><rect clip-path="url(#c)"/>',
};
const library: IconSource = {
  find: (phrase) => {
    const name = Object.keys(icons).find((key) => key === phrase || key.endsWith(`-${phrase}`) || (phrase === 'tree' && key === 'clip-tree'));
    return name ? { name } : undefined;
  },
  drawing: (name) => ({ body: icons[name], width: 32, height: 32 }),
};
// Splits on "and", each object offering its words most specific first, as parsePrompt does.
const parse: PromptParser = (prompt) => ({
  objects: prompt.split(/\band\b|,/).map((part) => {
    const words = part.trim().split(/\s+/).filter((w) => !['a', 'an', 'the'].includes(w));
    return { phrases: words.map((_, i) => words.slice(i).join(' ')) };
  }),
});

describe('retrieveExamples', () => {
  it('finds one icon per object in the prompt, as an SVG with its viewBox', () => {
    const examples = retrieveExamples('a fox and an apple and the moon', library, parse, { budgetTokens: 2000 });
    expect(examples.map((e) => [e.phrase, e.name])).toEqual([['fox', 'fox'], ['apple', 'red-apple'], ['moon', 'moon']]);
    expect(examples[0].svg).toBe(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${icons.fox}</svg>`);
  });

  it('skips an icon too big for the budget, and keeps to the limit', () => {
    expect(retrieveExamples('a castle and a fox', library, parse, { budgetTokens: 500 }).map((e) => e.name)).toEqual(['fox']);
    expect(retrieveExamples('a fox and an apple and the moon', library, parse, { budgetTokens: 2000, limit: 2 })).toHaveLength(2);
  });

  it('skips icons the profile forbids', () => {
    expect(retrieveExamples('a tree and a fox', library, parse, { budgetTokens: 2000, allow: fitsKaggle }).map((e) => e.name)).toEqual(['fox']);
  });

  it('tolerates a parser whose output has another shape', () => {
    const odd = (() => ({ things: [] })) as unknown as PromptParser;
    expect(retrieveExamples('a fox', library, odd, { budgetTokens: 2000 })).toEqual([]);
  });
});

describe('systemPrompt', () => {
  const base = { width: 384, height: 256, prompt: 'a fox', examples: [] };
  it('asks for one SVG with the viewBox of the requested size and no text', () => {
    const text = systemPrompt({ ...base, profile: 'default' });
    expect(text).toMatch(/exactly one complete SVG/);
    expect(text).toContain('viewBox="0 0 384 256"');
    expect(text).toMatch(/No text or lettering/);
    expect(text).not.toMatch(/kaggle/i);
  });

  it('allows the text that was asked for, except under kaggle', () => {
    expect(systemPrompt({ ...base, profile: 'default', prompt: 'a sign that says "OPEN"' })).toMatch(/Only the text the user asks for/);
    expect(systemPrompt({ ...base, profile: 'kaggle', prompt: 'a sign that says "OPEN"' })).toMatch(/No text or lettering/);
  });

  it('spells out the kaggle rules', () => {
    const text = systemPrompt({ ...base, profile: 'kaggle' });
    expect(text).toContain('10000 bytes');
    expect(text).toContain(KAGGLE_ELEMENTS);
    expect(text).toMatch(/No text, image, style, script, clipPath, mask/);
  });

  it('offers the retrieved icons as reference drawings', () => {
    const examples = [{ phrase: 'fox', name: 'fox', svg: '<svg viewBox="0 0 32 32"><path d="M1 1"/></svg>' }];
    const text = systemPrompt({ ...base, profile: 'default', examples });
    expect(text).toContain('"fox" (icon fox):\n<svg viewBox="0 0 32 32"><path d="M1 1"/></svg>');
  });

  it.each([
    ['a sign that says hello', true],
    ['the word LOVE in red', true],
    ['a poster titled "Summer"', true],
    ['a red fox in the snow', false],
    ['a textured stone wall', false],
  ])('asksForText(%j) = %s', (prompt, expected) => {
    expect(asksForText(prompt)).toBe(expected);
  });
});
