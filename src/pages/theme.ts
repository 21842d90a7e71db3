// The look shared by the `view` gallery and the `serve` page: colours for light and dark, and the grid of
// cards. Grid columns have one width (1fr each) and a row's cards start on one line, whatever their text;
// nothing in a card can push the page wider than the screen (long words wrap, images scale).

export const THEME_CSS = `
:root{color-scheme:light dark;--bg:#f6f5f2;--fg:#1f2328;--muted:#59636e;--card:#fff;--line:#d6d9de;--accent:#1f5fd6;--accent-fg:#fff;--canvas:#fff;--high:#116329;--high-bg:#dafbe1;--mid:#7d4e00;--mid-bg:#fff1c7;--low:#a40e26;--low-bg:#ffebe9;--none:#59636e;--none-bg:#eaeef2;--focus:#1f5fd6}
@media (prefers-color-scheme:dark){:root{--bg:#0f1116;--fg:#e6e8eb;--muted:#9ba4ae;--card:#181b22;--line:#2f3540;--accent:#5b8def;--accent-fg:#0b0d12;--canvas:#f4f4f2;--high:#7ee2a0;--high-bg:#12331f;--mid:#f2cc60;--mid-bg:#3a2c07;--low:#ff9a9a;--low-bg:#3d1417;--none:#9ba4ae;--none-bg:#262b33;--focus:#8fb1ff}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;overflow-wrap:anywhere}
a{color:var(--accent)}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,220px),1fr));gap:16px;margin:0;padding:0;list-style:none;align-items:stretch}
.card{display:flex;flex-direction:column;min-width:0;margin:0;background:var(--card);border:1px solid var(--line);border-radius:12px;overflow:hidden}
.card.head{border-color:var(--accent);box-shadow:0 0 0 1px var(--accent)}
.card.branch{border-style:dashed}
.card .image{display:block;flex:none;width:100%;height:auto;aspect-ratio:1/1;object-fit:contain;background:var(--canvas);border-bottom:1px solid var(--line)}
.card .missing{display:flex;align-items:center;justify-content:center;padding:16px;text-align:center;color:var(--low);background:var(--low-bg)}
.card .body{display:flex;flex-direction:column;gap:8px;flex:1;padding:10px 12px 12px;min-width:0}
.card .tags{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:12px}
.card .turn-id{font-weight:650}
.card .prompt{margin:0;white-space:pre-wrap;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:5;overflow:hidden}
.card .meta{display:flex;flex-wrap:wrap;gap:4px 10px;margin-top:auto;font-size:12px;color:var(--muted)}
.tag{display:inline-block;padding:1px 8px;border-radius:999px;border:1px solid var(--line);color:var(--muted);white-space:nowrap}
.tag.head{border-color:var(--accent);color:var(--accent)}
.tag.branch{border-style:dashed}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-weight:650;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge.high{color:var(--high);background:var(--high-bg)}
.badge.mid{color:var(--mid);background:var(--mid-bg)}
.badge.low{color:var(--low);background:var(--low-bg)}
.badge.none{color:var(--none);background:var(--none-bg)}
.empty{color:var(--muted);padding:24px 0}
`;

/** The gallery page around the cards. */
export const GALLERY_CSS = `${THEME_CSS}
header{padding:24px clamp(12px,4vw,32px) 8px}
h1{margin:0 0 4px;font-size:22px;line-height:1.25}
header p{margin:0;color:var(--muted)}
main{padding:16px clamp(12px,4vw,32px) 32px}
`;

/** The chat page: session list beside the conversation on wide screens, above it on narrow ones. */
export const PAGE_CSS = `${THEME_CSS}
.app{display:grid;grid-template-columns:minmax(0,1fr);min-height:100vh}
@media (min-width:900px){.app{grid-template-columns:260px minmax(0,1fr)}}
.sidebar{padding:16px;border-bottom:1px solid var(--line);background:var(--card);min-width:0}
@media (min-width:900px){.sidebar{border-bottom:0;border-right:1px solid var(--line)}}
.sidebar h1{margin:0 0 12px;font-size:18px}
.sessions{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-direction:column;gap:2px;max-height:40vh;overflow-y:auto}
@media (min-width:900px){.sessions{max-height:none}}
.sessions a{display:block;padding:6px 8px;border-radius:8px;text-decoration:none;color:var(--fg)}
.sessions a[aria-current="page"]{background:var(--accent);color:var(--accent-fg)}
.sessions .count{color:inherit;opacity:.7;font-size:12px;margin-left:6px}
.main{padding:16px clamp(12px,3vw,32px) 32px;min-width:0;display:flex;flex-direction:column;gap:16px}
.title-row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between}
.title-row h2{margin:0;font-size:20px;min-width:0}
.actions{display:flex;gap:8px;flex-wrap:wrap}
button{font:inherit;padding:6px 14px;border-radius:8px;border:1px solid var(--line);background:var(--card);color:var(--fg);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-fg)}
button.danger{color:var(--low)}
button:disabled{opacity:.55;cursor:default}
.composer{display:flex;gap:8px;flex-wrap:wrap}
.composer textarea{flex:1 1 240px;min-width:0;min-height:44px;resize:vertical;font:inherit;padding:8px 10px;border-radius:8px;border:1px solid var(--line);background:var(--card);color:var(--fg)}
.status{min-height:1.5em;color:var(--muted);font-size:14px}
.status.error{color:var(--low)}
`;
