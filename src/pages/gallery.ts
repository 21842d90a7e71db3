// The `svgchat view` gallery: one self-contained HTML file (no network when it is opened). Each SVG is an
// <img> with a data: URI, where no script in it can run (SPEC §5), and the Content-Security-Policy allows
// nothing but those images and the one stylesheet, pinned by its hash. Pure: the caller reads the SVGs.
import { createHash } from 'node:crypto';
import type { Session, Turn } from '../store/schema.js';
import { GALLERY_CSS } from './theme.js';
import { scoreBand, shortTime, turnCards, type TurnCard } from './turnCards.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

export function galleryCsp(css: string): string {
  return `default-src 'none'; img-src data:; style-src ${styleHash(css)}; base-uri 'none'; form-action 'none'`;
}

/** "2025-05-01 14:03 UTC" */

function cardHtml(card: TurnCard, image: string | undefined): string {
  const classes = ['card', card.isHead ? 'head' : '', card.branch ? 'branch' : ''].filter(Boolean).join(' ');
  const picture = image
    ? `<img class="image" src="${image}" alt="${escapeHtml(`turn ${card.id}: ${card.prompt.slice(0, 200)}`)}" width="512" height="512">`
    : `<div class="image missing">${escapeHtml(card.error?.message ?? 'no image')}</div>`;
  const tags = [
    `<span class="turn-id">${card.id}</span>`,
    card.isHead ? '<span class="tag head">head</span>' : '',
    card.branch ? `<span class="tag branch" title="not on the current path">${escapeHtml(card.branch.label)}</span>` : '',
    `<span class="badge ${scoreBand(card.score)}" title="score (0-1)">${card.score === null ? 'no score' : card.score.toFixed(2)}</span>`,
  ].join('');
  const meta = [
    `<time datetime="${escapeHtml(card.at)}">${escapeHtml(shortTime(card.at))}</time>`,
    `<span>${escapeHtml(`${card.provider} ${card.model}`)}</span>`,
    `<span>${card.durationMs} ms</span>`,
    ...(card.seed === null ? [] : [`<span>seed ${card.seed}</span>`]),
  ].join('');
  return `<li class="${classes}" id="${card.id}" data-turn="${card.id}">${picture}<div class="body"><div class="tags">${tags}</div><p class="prompt" title="${escapeHtml(card.prompt)}">${escapeHtml(card.prompt)}</p><div class="meta">${meta}</div></div></li>`;
}

/** The page; `imageOf` gives a turn's SVG as a data: URI, or undefined when it has none (or it is gone). */
export function galleryHtml(session: Session, imageOf: (turn: Turn) => string | undefined, generatedAt = new Date().toISOString()): string {
  const cards = turnCards(session);
  const byId = new Map(session.turns.map((turn) => [turn.id, turn]));
  const items = cards.map((card) => cardHtml(card, imageOf(byId.get(card.id)!)));
  const title = escapeHtml(session.title || session.name);
  const branches = new Set(cards.flatMap((card) => (card.branch ? [card.branch.letter] : []))).size;
  const about = [
    session.name,
    `${session.turns.length} turn${session.turns.length === 1 ? '' : 's'}`,
    ...(branches > 0 ? [`${branches} branch${branches === 1 ? '' : 'es'} off the current path`] : []),
    `${session.settings.provider} ${session.settings.model}`,
    session.settings.size,
    `made ${shortTime(generatedAt)}`,
  ].join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${galleryCsp(GALLERY_CSS)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · svgchat</title>
<style>${GALLERY_CSS}</style>
</head>
<body>
<header><h1>${title}</h1><p>${escapeHtml(about)}</p></header>
<main>
${items.length === 0 ? '<p class="empty">This session has no turns yet.</p>' : `<ol class="cards">\n${items.join('\n')}\n</ol>`}
</main>
</body>
</html>
`;
}
