// A self-contained HTML page of a session: SVGs as <img> data URIs (no script in them can run), a strict
// Content-Security-Policy, no external resources.
import type { Session } from './schema.js';
import type { SessionStore } from './sessionStore.js';
import { svgDataUri, turnFacts } from './exportSession.js';
import { readSvgBytes } from './svgFiles.js';

export const EXPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f6f5f2;color:#222}
header{padding:24px 32px 8px}h1{margin:0 0 4px;font-size:22px}header p{margin:0;color:#666}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px;padding:16px 32px 32px}
figure{margin:0;background:#fff;border:1px solid #ddd;border-radius:10px;overflow:hidden;display:flex;flex-direction:column}
figure.head{border-color:#2a6df4;box-shadow:0 0 0 2px #2a6df455}
figure img,figure .missing{width:100%;height:auto;aspect-ratio:1;object-fit:contain;background:#fff;display:block}
figure .missing{display:flex;align-items:center;justify-content:center;color:#a33;padding:12px;box-sizing:border-box}
figcaption{padding:10px 12px;border-top:1px solid #eee}figcaption .id{font-weight:600;margin-right:6px}
figcaption .prompt{white-space:pre-wrap}figcaption .facts{color:#777;font-size:12px;margin-top:4px}`;

export function exportHtml(store: SessionStore, session: Session): string {
  const cards = session.turns.map((turn) => {
    const image = turn.svg
      ? `<img src="${svgDataUri(readSvgBytes(store.dir, turn.svg))}" alt="turn ${turn.id}" width="512" height="512">`
      : `<div class="missing">${escapeHtml(turn.error?.message ?? 'no image')}</div>`;
    const place = turn.parent === null ? 'new branch' : `follows ${turn.parent}`;
    return `<figure class="${turn.id === session.head ? 'head' : 'turn'}" id="${turn.id}">${image}<figcaption><span class="id">${turn.id}</span><span class="prompt">${escapeHtml(turn.prompt)}</span><div class="facts">${escapeHtml([place, ...turnFacts(turn)].join(' · '))}${turn.id === session.head ? ' · head' : ''}</div></figcaption></figure>`;
  });
  const title = escapeHtml(session.title || session.name);
  const about = escapeHtml(`${session.name} · ${session.turns.length} turns · ${session.settings.provider} ${session.settings.model} · ${session.settings.size}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · svgchat</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${title}</h1><p>${about}</p></header>
<main>
${cards.join('\n')}
</main>
</body>
</html>
`;
}
