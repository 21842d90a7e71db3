// The list of sessions beside (or above) the conversation; the one shown is marked aria-current.
import type { SessionSummary } from './types.mjs';

export function renderSessionList(list: HTMLElement, sessions: SessionSummary[], currentId: string | undefined, pick: (id: string) => void): void {
  list.replaceChildren(...sessions.map((session) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `?session=${encodeURIComponent(session.id)}`;
    link.textContent = session.title || session.name;
    link.title = session.name;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(session.turnCount);
    count.title = `${session.turnCount} turn${session.turnCount === 1 ? '' : 's'}`;
    link.append(count);
    if (session.id === currentId) link.setAttribute('aria-current', 'page');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      pick(session.id);
    });
    item.append(link);
    return item;
  }));
}
