import { describe, expect, it } from 'vitest';
import { buildConversation, estimateTokens, messagesTokens } from '../../src/providers/context.js';

const svg = (n: number) => `<svg viewBox="0 0 10 10"><rect width="${n}"/>${'<circle r="1"/>'.repeat(20)}</svg>`;
const history = [1, 2, 3, 4].map((n) => ({ prompt: `prompt ${n}`, svg: svg(n) }));

describe('buildConversation', () => {
  it('sends system, every turn as user prompt + assistant SVG, then the new prompt', () => {
    const { messages, droppedTurns } = buildConversation({ system: 'rules', history, prompt: 'now a moon', budgetTokens: 100_000 });
    expect(droppedTurns).toBe(0);
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(messages[1]).toEqual({ role: 'user', content: 'prompt 1' });
    expect(messages[2]).toEqual({ role: 'assistant', content: svg(1) });
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'now a moon' });
  });

  it('drops the oldest turns first to fit the budget, and stays within it', () => {
    const full = buildConversation({ system: 'rules', history, prompt: 'p', budgetTokens: 100_000 });
    const perTurn = messagesTokens(full.messages.slice(1, 3));
    const budget = messagesTokens([full.messages[0], full.messages.at(-1)!]) + 2 * perTurn + 5;
    const { messages, droppedTurns } = buildConversation({ system: 'rules', history, prompt: 'p', budgetTokens: budget });
    expect(droppedTurns).toBe(2);
    expect(messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['prompt 3', 'prompt 4', 'p']);
    expect(messagesTokens(messages)).toBeLessThanOrEqual(budget);
  });

  it('reads no SVG older than the first turn that does not fit', () => {
    const reads: number[] = [];
    const lazy = Array.from({ length: 50 }, (_, n) => ({
      prompt: `prompt ${n}`,
      get svg() {
        reads.push(n);
        return svg(n);
      },
    }));
    const perTurn = messagesTokens([{ role: 'user', content: 'prompt 49' }, { role: 'assistant', content: svg(49) }]);
    const { droppedTurns } = buildConversation({ system: 's', history: lazy, prompt: 'p', budgetTokens: 3 * perTurn + 20 });
    expect(droppedTurns).toBe(47);
    expect(reads).toEqual([49, 48, 47, 46]);
  });

  it('leaves out turns that failed (no SVG)', () => {
    const { messages } = buildConversation({ system: 's', history: [{ prompt: 'broken' }, history[0]], prompt: 'p', budgetTokens: 100_000 });
    expect(messages.map((m) => m.content)).not.toContain('broken');
    expect(messages).toHaveLength(4);
  });

  it('always keeps the system prompt and the new prompt', () => {
    const { messages, droppedTurns } = buildConversation({ system: 's', history, prompt: 'p', budgetTokens: 1 });
    expect(messages).toEqual([{ role: 'system', content: 's' }, { role: 'user', content: 'p' }]);
    expect(droppedTurns).toBe(4);
  });

  it('estimates four characters a token', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
  });
});
