// Which session the page shows: ?session=<id> in the address (so a link or a reload keeps it), and a cookie
// so that opening / again comes back to it. The cookie is not a secret (the auth cookie is HttpOnly).

const SESSION_COOKIE = 'svgchat_session';

export function rememberedId(): string | undefined {
  const fromUrl = new URL(location.href).searchParams.get('session');
  if (fromUrl) return fromUrl;
  const cookie = document.cookie.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1)) : undefined;
}

/** `push`: a new entry in the browser's history (the user chose it), else the current entry is replaced. */
export function remember(id: string | undefined, push: boolean): void {
  const url = new URL(location.href);
  if (id) url.searchParams.set('session', id);
  else url.searchParams.delete('session');
  if (url.href !== location.href) (push ? history.pushState : history.replaceState).call(history, null, '', url);
  document.cookie = id ? `${SESSION_COOKIE}=${encodeURIComponent(id)}; path=/; SameSite=Strict; max-age=31536000` : `${SESSION_COOKIE}=; path=/; SameSite=Strict; max-age=0`;
}

/** The token from a #token=... address, removed from the address bar (and history) once read. */
export function takeToken(): string | undefined {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token ?? undefined;
}
