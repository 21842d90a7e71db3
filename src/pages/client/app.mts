// The `svgchat serve` page: session list, prompt box, streaming status, the grid of cards, reset and delete.
// The session shown is named by ?session=<id> in the URL and remembered in a cookie for the next visit.
import { remember, rememberedId, takeToken } from './address.mjs';
import { api, ApiFailure, sendMessage } from './api.mjs';
import { renderCards } from './cards.mjs';
import { renderSessionList } from './sessionList.mjs';
import type { SessionSummary, SessionView } from './types.mjs';

const REFRESH_MS = 5000;

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

const ui = {
  sessions: byId<HTMLUListElement>('sessions'),
  newSession: byId<HTMLButtonElement>('new-session'),
  title: byId<HTMLHeadingElement>('session-title'),
  reset: byId<HTMLButtonElement>('reset'),
  remove: byId<HTMLButtonElement>('delete'),
  form: byId<HTMLFormElement>('composer'),
  prompt: byId<HTMLTextAreaElement>('prompt'),
  send: byId<HTMLButtonElement>('send'),
  stop: byId<HTMLButtonElement>('stop'),
  status: byId<HTMLDivElement>('status'),
  cards: byId<HTMLOListElement>('cards'),
};

let sessions: SessionSummary[] = [];
let current: SessionView | undefined;
let generation: AbortController | undefined;
let confirmTimer: number | undefined;

function say(message: string, isError = false): void {
  ui.status.textContent = message;
  ui.status.classList.toggle('error', isError);
}

function explain(error: unknown): string {
  if (error instanceof ApiFailure && error.status === 401) return 'This server needs its token: open the address `svgchat serve` printed (it ends in #token=...).';
  return error instanceof Error ? error.message : String(error);
}

function renderSessions(): void {
  renderSessionList(ui.sessions, sessions, current?.id, (id) => void show(id, true).catch((error: unknown) => say(explain(error), true)));
}

function renderCurrent(): void {
  ui.title.textContent = current ? current.title || current.name : 'Start by describing a picture';
  ui.reset.disabled = !current || current.head === null || generation !== undefined;
  ui.remove.disabled = !current || generation !== undefined;
  renderCards(ui.cards, current?.turns ?? []);
  document.title = current ? `${current.title || current.name} · svgchat` : 'svgchat';
  renderSessions();
}

async function refreshList(): Promise<void> {
  sessions = await api.list();
  renderSessions();
}

/**
 * Bumped whenever what the page shows changes hands: an answer that arrives for an older choice (the
 * periodic refresh racing a click on "New session") is dropped instead of undoing the newer one.
 */
let selection = 0;

/** Shows this session from now on (the caller has its fresh state already). */
function adopt(view: SessionView | undefined, push: boolean): void {
  selection++;
  current = view;
  remember(view?.id, push);
  renderCurrent();
}

/** Shows a session; an id that is gone (deleted elsewhere) falls back to the most recent one. */
async function show(id: string | undefined, push = false): Promise<void> {
  const ticket = ++selection;
  // A remembered session that is not in the list any more (removed from a terminal) is not asked for.
  const known = (wanted: string) => sessions.some((s) => s.id.startsWith(wanted.toLowerCase()) || s.name.toLowerCase() === wanted.toLowerCase());
  let view: SessionView | undefined;
  try {
    view = id && known(id) ? await api.get(id) : undefined;
  } catch (error) {
    if (!(error instanceof ApiFailure && error.status === 404)) throw error;
  }
  if (!view && sessions.length > 0 && sessions[0].id !== id) view = await api.get(sessions[0].id);
  if (ticket !== selection) return;
  adopt(view, push);
}

async function draw(prompt: string): Promise<void> {
  let target = current;
  if (!target) {
    target = await api.start();
    adopt(target, true);
    await refreshList();
  }
  generation = new AbortController();
  ui.send.disabled = true;
  ui.stop.hidden = false;
  renderCurrent();
  say('drawing…');
  try {
    const result = await sendMessage(target.id, prompt, (event) => say(event.type === 'tokens' ? `drawing… ${event.count} tokens` : `${event.message ?? 'working'}…`), generation.signal);
    say(`drew ${result.turn} in ${result.durationMs} ms · score ${result.score === null ? '-' : result.score.toFixed(2)}${result.said ? ` · model: ${result.said}` : ''}${result.notes.length ? ` · ${result.notes[0]}` : ''}`);
    ui.prompt.value = '';
  } catch (error) {
    if (generation.signal.aborted) say('stopped');
    else say(explain(error), true);
  } finally {
    generation = undefined;
    ui.send.disabled = false;
    ui.stop.hidden = true;
  }
  await refreshList();
  await show(target.id);
}

function guard(work: () => Promise<void>): () => void {
  return () => {
    work().catch((error: unknown) => say(explain(error), true));
  };
}

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  const prompt = ui.prompt.value.trim();
  if (prompt && !generation) guard(() => draw(prompt))();
});
ui.prompt.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.form.requestSubmit();
  }
});
ui.stop.addEventListener('click', () => generation?.abort());
ui.newSession.addEventListener('click', guard(async () => {
  const view = await api.start();
  adopt(view, true);
  await refreshList();
  say(`new session ${view.name}`);
  ui.prompt.focus();
}));
ui.reset.addEventListener('click', guard(async () => {
  if (!current) return;
  adopt(await api.reset(current.id), false);
  say('reset: the next prompt starts a fresh branch; every turn is kept');
}));
// Deleting takes a second click within a few seconds (no dialogs on this page).
ui.remove.addEventListener('click', guard(async () => {
  if (!current) return;
  if (ui.remove.dataset.armed !== 'yes') {
    ui.remove.dataset.armed = 'yes';
    ui.remove.textContent = 'Delete for good?';
    confirmTimer = window.setTimeout(() => {
      delete ui.remove.dataset.armed;
      ui.remove.textContent = 'Delete';
    }, 4000);
    return;
  }
  window.clearTimeout(confirmTimer);
  delete ui.remove.dataset.armed;
  ui.remove.textContent = 'Delete';
  const gone = current;
  await api.remove(gone.id);
  current = undefined;
  await refreshList();
  await show(undefined, true);
  say(`deleted ${gone.name}`);
}));
window.addEventListener('popstate', guard(() => show(rememberedId())));
// A CLI may add turns to the same session: look again now and then while the page is visible.
window.setInterval(() => {
  if (document.visibilityState !== 'visible' || generation) return;
  guard(async () => {
    await refreshList();
    if (current) await show(current.id);
  })();
}, REFRESH_MS);

async function start(): Promise<void> {
  const token = takeToken();
  if (token) await api.signIn(token);
  await refreshList();
  await show(rememberedId());
}

// Tests (and anyone curious) can tell when the first load is over, and how it went.
start().then(
  () => (document.documentElement.dataset.ready = 'yes'),
  (error: unknown) => {
    say(explain(error), true);
    document.documentElement.dataset.ready = 'failed';
  },
);
