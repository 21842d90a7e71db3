// The shell of the `svgchat serve` page: markup only. Its script and stylesheet come from the server's own
// origin (the CSP allows nothing else: no inline script, no inline style), and the script fills it from the API.

export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const CHAT_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>svgchat</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.mjs"></script>
</head>
<body>
<div class="app">
  <aside class="sidebar" aria-label="sessions">
    <h1>svgchat</h1>
    <button type="button" id="new-session" class="primary">New session</button>
    <ul class="sessions" id="sessions"></ul>
  </aside>
  <main class="main">
    <div class="title-row">
      <h2 id="session-title">Start by describing a picture</h2>
      <div class="actions">
        <button type="button" id="reset" disabled title="start a fresh branch from the beginning; every turn is kept">Reset</button>
        <button type="button" id="delete" class="danger" disabled>Delete</button>
      </div>
    </div>
    <form class="composer" id="composer" autocomplete="off">
      <textarea id="prompt" name="prompt" rows="2" required aria-label="prompt" placeholder="a red fox in a snowy forest at dusk"></textarea>
      <button type="submit" class="primary" id="send">Draw</button>
      <button type="button" id="stop" hidden>Stop</button>
    </form>
    <div class="status" id="status" role="status" aria-live="polite"></div>
    <ol class="cards" id="cards"></ol>
  </main>
</div>
</body>
</html>
`;

/** The tab icon: a tiny drawing, served from the page's own origin like everything else. */
export const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f5fd6"/><circle cx="12" cy="13" r="5" fill="#ffd54f"/><path d="M4 26l8-8 5 5 4-4 7 7z" fill="#fff"/></svg>';
