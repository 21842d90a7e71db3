// Sessions as the API shows them: the header, and each turn as a card (pages/turnCards.ts) with the URL
// of its SVG. Raw provider replies and scenes stay on disk; the page has no use for them.
import type { Session } from '../store/schema.js';
import { turnCards } from '../pages/turnCards.js';

export function svgUrl(session: Pick<Session, 'id'>, turnId: string): string {
  return `/api/sessions/${encodeURIComponent(session.id)}/turns/${encodeURIComponent(turnId)}/svg`;
}

export function sessionSummary(session: Session) {
  const { id, name, title, createdAt, updatedAt, settings, head } = session;
  return { id, name, title, createdAt, updatedAt, settings, head, turnCount: session.turns.length };
}

export function sessionView(session: Session) {
  return {
    ...sessionSummary(session),
    forkedFrom: session.forkedFrom,
    turns: turnCards(session).map((card) => ({ ...card, svgUrl: card.bytes === null ? null : svgUrl(session, card.id) })),
  };
}
