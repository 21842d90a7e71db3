// Clickable file links (OSC 8) in terminals known to support them; plain text everywhere else.
// The check is conservative on purpose: an unsupported terminal would print escape garbage.
import os from 'node:os';
import { pathToFileURL } from 'node:url';

interface Terminal {
  isTTY?: boolean;
}

const KNOWN_PROGRAMS = new Set(['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper', 'Tabby']);

/** Whether `stream` is a terminal that turns OSC 8 sequences into links. FORCE_HYPERLINK=1/0 decides when set. */
export function supportsHyperlinks(stream: Terminal, env: Record<string, string | undefined>): boolean {
  const forced = env.FORCE_HYPERLINK;
  if (forced !== undefined && forced !== '') return forced !== '0' && forced.toLowerCase() !== 'false';
  if (!stream.isTTY) return false;
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  const term = env.TERM ?? '';
  if (term === '' || term === 'dumb' || env.CI) return false;
  // Multiplexers pass OSC 8 on only when configured to; the terminal outside cannot be known.
  if (env.TMUX || term.startsWith('screen')) return false;
  if (env.TERM_PROGRAM && KNOWN_PROGRAMS.has(env.TERM_PROGRAM)) return true;
  if (env.WT_SESSION || env.KONSOLE_VERSION || env.KITTY_WINDOW_ID || env.DOMTERM) return true;
  if (term === 'xterm-kitty' || term === 'alacritty' || term.startsWith('foot') || term === 'xterm-ghostty') return true;
  // GNOME Terminal, Tilix, Terminator and others built on VTE 0.50+.
  return Number(env.VTE_VERSION ?? 0) >= 5000;
}

/** `text` as a link to `url` (OSC 8), or `text` alone when links are not supported. */
export function hyperlink(text: string, url: string, supported: boolean): string {
  if (!supported) return text;
  return `\x1b]8;;${url}\x1b\\${text}\x1b]8;;\x1b\\`;
}

/** A file path shown as itself, linked to its file:// URL (with the host, as the OSC 8 notes advise). */
export function fileLink(file: string, supported: boolean): string {
  const url = pathToFileURL(file);
  url.hostname = os.hostname();
  return hyperlink(file, url.href, supported);
}
