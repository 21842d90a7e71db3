// The conversation sent to the model: system prompt, the session's path root to head (each turn
// as the user's prompt and the SVG it got), then the new prompt; oldest turns go first when it
// would not fit the token budget. Pure.
import type { HistoryTurn } from './types.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** No tokenizer for every model out there: four characters a token is close enough for a budget. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function messagesTokens(messages: ChatMessage[]): number {
  // A few tokens of framing per message, as chat templates add them.
  return messages.reduce((sum, message) => sum + estimateTokens(message.content) + 4, 0);
}

export interface Conversation {
  messages: ChatMessage[];
  /** How many of the oldest turns were left out to fit the budget. */
  droppedTurns: number;
}

export function buildConversation(options: { system: string; history: HistoryTurn[]; prompt: string; budgetTokens: number }): Conversation {
  const head: ChatMessage[] = [{ role: 'system', content: options.system }];
  const tail: ChatMessage[] = [{ role: 'user', content: options.prompt }];
  let available = options.budgetTokens - messagesTokens(head) - messagesTokens(tail);
  const kept: ChatMessage[][] = [];
  let droppedTurns = 0;
  // Newest first, so the turn the new prompt most likely refers to is the last to go. A turn's SVG may be
  // read from disk on access, so nothing older than the first turn that does not fit is touched.
  for (let i = options.history.length - 1; i >= 0; i--) {
    const turn = options.history[i];
    const svg = turn.svg;
    // Turns that failed (no SVG) carry nothing the model should build on.
    if (!svg) continue;
    const pair: ChatMessage[] = [
      { role: 'user', content: turn.prompt },
      { role: 'assistant', content: svg },
    ];
    const cost = messagesTokens(pair);
    if (cost > available) {
      droppedTurns = i + 1;
      break;
    }
    kept.unshift(pair);
    available -= cost;
  }
  return { messages: [...head, ...kept.flat(), ...tail], droppedTurns };
}
