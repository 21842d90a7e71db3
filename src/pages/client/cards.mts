// The grid of cards, built with DOM calls (never innerHTML: prompts are user text). Same classes as the
// `view` gallery (src/pages/gallery.ts), so both share one stylesheet (src/pages/theme.ts).
import { scoreBand, shortTime } from './cardShape.mjs';
import type { TurnCard } from './types.mjs';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}


function card(turn: TurnCard): HTMLLIElement {
  const item = element('li', ['card', turn.isHead ? 'head' : '', turn.branch ? 'branch' : ''].filter(Boolean).join(' '));
  item.id = turn.id;
  item.dataset.turn = turn.id;
  if (turn.svgUrl) {
    const image = element('img', 'image');
    image.src = turn.svgUrl;
    image.alt = `turn ${turn.id}: ${turn.prompt.slice(0, 200)}`;
    image.width = 512;
    image.height = 512;
    image.decoding = 'async';
    item.append(image);
  } else {
    item.append(element('div', 'image missing', turn.error?.message ?? 'no image'));
  }
  const body = element('div', 'body');
  const tags = element('div', 'tags');
  tags.append(element('span', 'turn-id', turn.id));
  if (turn.isHead) tags.append(element('span', 'tag head', 'head'));
  if (turn.branch) {
    const branch = element('span', 'tag branch', turn.branch.label);
    branch.title = 'not on the current path';
    tags.append(branch);
  }
  const badge = element('span', `badge ${scoreBand(turn.score)}`, turn.score === null ? 'no score' : turn.score.toFixed(2));
  badge.title = 'score (0-1)';
  tags.append(badge);
  const prompt = element('p', 'prompt', turn.prompt);
  prompt.title = turn.prompt;
  const meta = element('div', 'meta');
  const time = element('time', undefined, shortTime(turn.at));
  time.dateTime = turn.at;
  meta.append(time, element('span', undefined, `${turn.provider} ${turn.model}`), element('span', undefined, `${turn.durationMs} ms`));
  if (turn.seed !== null) meta.append(element('span', undefined, `seed ${turn.seed}`));
  body.append(tags, prompt, meta);
  item.append(body);
  return item;
}

/** Replaces the grid's cards; cards whose turn is unchanged keep their node (no image reload, no flicker). */
export function renderCards(list: HTMLElement, turns: TurnCard[]): void {
  const existing = new Map([...list.children].map((node) => [(node as HTMLElement).dataset.key ?? '', node]));
  const nodes = turns.map((turn) => {
    const key = JSON.stringify([turn.id, turn.isHead, turn.branch?.label ?? '', turn.score, turn.svgUrl]);
    const kept = existing.get(key);
    if (kept) return kept;
    const fresh = card(turn);
    fresh.dataset.key = key;
    return fresh;
  });
  list.replaceChildren(...nodes);
}
