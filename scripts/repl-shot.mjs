// Regenerates docs/repl.txt and docs/repl.png from a real REPL session: the built svgchat runs in tmux
// (100x40, a scratch SVGCHAT_HOME, the offline composer), the pane is captured with its colours, and
// headless Chromium draws the capture as a terminal window.
//   node scripts/repl-shot.mjs [--out-dir docs]
// Needs the build (npm run build), tmux and Chromium (npm run setup).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'svgchat.js');
const outAt = process.argv.indexOf('--out-dir');
const outDir = path.resolve(outAt > 0 ? process.argv[outAt + 1] : path.join(root, 'docs'));
const COLUMNS = 100;
const ROWS = 40;
const COMMAND = ['chat', 'fox'];
/** What is typed, one line at a time, each after the reply to the one before. */
const LINES = ['a red fox in a snowy forest at dusk', 'add a moon', '/undo', 'make the fox smaller and add two owls', '/history', '/hisotry', '/fork', '/rename owls', '/exit'];

// A fixed home, so the paths in the capture stay the same from run to run; the marker says it is ours to remove.
const home = path.join(os.tmpdir(), 'svgchat-demo');
const marker = path.join(home, '.repl-shot');
if (fs.existsSync(home)) {
  if (!fs.existsSync(marker)) throw new Error(`${home} exists and was not made by this script; move it away first`);
  fs.rmSync(home, { recursive: true, force: true });
}
if (!fs.existsSync(path.join(root, 'dist', 'main.js'))) throw new Error('no build in dist/; run: npm run build');
fs.mkdirSync(home, { recursive: true });
fs.writeFileSync(marker, '');

const socket = `svgchat-shot-${process.pid}`;
function tmux(args, env) {
  const result = spawnSync('tmux', ['-u', '-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: env ?? { PATH: process.env.PATH, LANG: 'C.UTF-8' } });
  if (result.error) throw new Error(`cannot run tmux (${result.error.message}); run: npm run setup`);
  if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

/** The environment of a person trying svgchat: none of this shell's svgchat or OpenAI settings, no viewer. */
function sessionEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(OPENAI_|SVGCHAT_|TMUX|TERM_PROGRAM|NO_COLOR|FORCE_)/.test(key)) env[key] = value;
  return { ...env, SVGCHAT_HOME: home, HOME: home, SVGCHAT_VIEWER: 'true', TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
}

const quote = (word) => `'${word.replace(/'/g, `'\\''`)}'`;
/** The pane's text, wrapped lines joined, trailing blanks gone. */
const screen = () => tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', '0']).replace(/[ \t]+$/gm, '').trimEnd();
const promptLines = (text) => text.split('\n').filter((line) => /^\S+ ›( |$)/.test(line)).length;

async function waitFor(done, what) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const text = screen();
    if (done(text)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function recordSession() {
  // The shell sleeps after svgchat leaves, so the pane (and its last lines) stays until captured.
  const command = `${[process.execPath, bin, ...COMMAND].map(quote).join(' ')}; sleep 600`;
  tmux(['new-session', '-d', '-x', String(COLUMNS), '-y', String(ROWS), '-c', home, command, ';', 'set-option', '-g', 'status', 'off'], sessionEnv());
  await waitFor((text) => promptLines(text) === 1, 'the first prompt');
  for (const [index, line] of LINES.entries()) {
    tmux(['send-keys', '-t', '0', '-l', line]);
    tmux(['send-keys', '-t', '0', 'Enter']);
    if (line === '/exit') await waitFor((text) => text.includes('Resume it with'), 'the goodbye line');
    else await waitFor((text) => promptLines(text) === index + 2, `the reply to ${line}`);
  }
  const plain = screen();
  // Rows as the terminal shows them (long lines wrapped), with SGR colour codes.
  const coloured = tmux(['capture-pane', '-p', '-e', '-S', '-', '-t', '0']).replace(/(\s|\x1b\[[0-9;]*m)+$/, '');
  return { plain, coloured };
}

// The VS Code terminal's palette: 8 colours, then their bright forms.
const PALETTE = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5', '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];
const FOREGROUND = '#e5e5e5';
const BACKGROUND = '#1e1e1e';

function colour256(n) {
  if (n < 16) return PALETTE[n];
  if (n >= 232) return `rgb(${8 + (n - 232) * 10} ${8 + (n - 232) * 10} ${8 + (n - 232) * 10})`;
  const level = (v) => (v === 0 ? 0 : 55 + v * 40);
  const i = n - 16;
  return `rgb(${level(Math.floor(i / 36))} ${level(Math.floor(i / 6) % 6)} ${level(i % 6)})`;
}

/** Applies one SGR sequence's parameters ("1;36", "38;5;208", "" = reset) to the pen. */
function applySgr(pen, params) {
  const codes = params === '' ? [0] : params.split(';').map(Number);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0) Object.assign(pen, { fg: undefined, bg: undefined, bold: false, dim: false, italic: false, underline: false, inverse: false });
    else if (code === 1) pen.bold = true;
    else if (code === 2) pen.dim = true;
    else if (code === 3) pen.italic = true;
    else if (code === 4) pen.underline = true;
    else if (code === 7) pen.inverse = true;
    else if (code === 22) pen.bold = pen.dim = false;
    else if (code === 23) pen.italic = false;
    else if (code === 24) pen.underline = false;
    else if (code === 27) pen.inverse = false;
    else if (code >= 30 && code <= 37) pen.fg = PALETTE[code - 30];
    else if (code >= 90 && code <= 97) pen.fg = PALETTE[code - 90 + 8];
    else if (code >= 40 && code <= 47) pen.bg = PALETTE[code - 40];
    else if (code >= 100 && code <= 107) pen.bg = PALETTE[code - 100 + 8];
    else if (code === 39) pen.fg = undefined;
    else if (code === 49) pen.bg = undefined;
    else if (code === 38 || code === 48) {
      const colour = codes[i + 1] === 5 ? colour256(codes[i + 2]) : `rgb(${codes[i + 2]} ${codes[i + 3]} ${codes[i + 4]})`;
      i += codes[i + 1] === 5 ? 2 : 4;
      if (code === 38) pen.fg = colour;
      else pen.bg = colour;
    }
  }
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Terminal text with SGR codes -> HTML spans; any other escape sequence is dropped. */
function ansiToHtml(text) {
  const pen = {};
  let html = '';
  const clean = text.replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '').replace(/\x1b\[[0-9;?]*[A-Za-ln-z]/g, '');
  for (const part of clean.split(/(\x1b\[[0-9;]*m)/)) {
    const sgr = /^\x1b\[([0-9;]*)m$/.exec(part);
    if (sgr) applySgr(pen, sgr[1]);
    else if (part) {
      let [fg, bg] = [pen.fg ?? FOREGROUND, pen.bg];
      if (pen.inverse) [fg, bg] = [bg ?? BACKGROUND, fg];
      const style = [
        `color:${pen.dim ? `color-mix(in srgb, ${fg} 55%, ${BACKGROUND})` : fg}`,
        bg && `background:${bg}`,
        pen.bold && 'font-weight:bold',
        pen.italic && 'font-style:italic',
        pen.underline && 'text-decoration:underline',
      ].filter(Boolean);
      html += `<span style="${style.join(';')}">${escapeHtml(part)}</span>`;
    }
  }
  return html;
}

function page(coloured, title) {
  return `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; background: transparent; }
  .window { display: inline-block; background: ${BACKGROUND}; border-radius: 10px; overflow: hidden; border: 1px solid #3c3c3c; }
  .bar { position: relative; height: 30px; background: #2f2f2f; color: #a8a8a8; font: 13px/30px 'DejaVu Sans', sans-serif; text-align: center; }
  .lights { position: absolute; left: 12px; top: 9px; display: flex; gap: 8px; }
  .lights i { width: 12px; height: 12px; border-radius: 50%; }
  pre { margin: 0; padding: 10px 14px 14px; width: ${COLUMNS}ch; color: ${FOREGROUND}; font: 14px/1.4 'DejaVu Sans Mono', monospace; white-space: pre; }
</style>
<div class="window"><div class="bar"><span class="lights"><i style="background:#ff5f57"></i><i style="background:#febc2e"></i><i style="background:#28c840"></i></span>${escapeHtml(title)}</div><pre>${ansiToHtml(coloured)}</pre></div>`;
}

async function render(coloured, file) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1.5 });
    await tab.setContent(page(coloured, `svgchat ${COMMAND.join(' ')}`));
    await tab.evaluate(() => document.fonts.ready);
    await tab.locator('.window').screenshot({ path: file, omitBackground: true });
  } finally {
    await browser.close();
  }
}

try {
  const { plain, coloured } = await recordSession();
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'repl.txt'), `${plain}\n`);
  await render(coloured, path.join(outDir, 'repl.png'));
  console.error(`repl-shot: wrote ${path.join(outDir, 'repl.txt')} and ${path.join(outDir, 'repl.png')}`);
} finally {
  const socketPath = spawnSync('tmux', ['-L', socket, 'display-message', '-p', '#{socket_path}'], { encoding: 'utf8' }).stdout.trim();
  spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
  if (socketPath.endsWith(socket)) fs.rmSync(socketPath, { force: true });
  fs.rmSync(home, { recursive: true, force: true });
}
