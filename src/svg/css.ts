// CSS from style attributes and <style> elements, checked property by property: only presentation properties,
// only values built from plain tokens and known functions, url() only to a local #id, no escapes, no at-rules.
import { PRESENTATION } from './allowlist.js';

export interface Declaration {
  property: string;
  value: string;
}
export interface CssRemoval {
  what: string;
  reason: string;
}
export interface StyleRule {
  selector: string;
  declarations: Declaration[];
}

/** CSS functions a presentation value may use; anything else (image-set, element, expression, ...) is refused. */
const FUNCTIONS = new Set(
  `url rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix calc min max clamp var env
   matrix matrix3d translate translatex translatey translate3d scale scalex scaley rotate skew skewx skewy
   blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia path`.split(/\s+/),
);

const LOCAL_URL = /^url\(\s*(['"]?)#[^\s'"()\\<>]+\1\s*\)$/i;

/** Whitespace and control characters removed, lower-cased: how a browser's URL parser would see a scheme. */
export function squash(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]+/g, '').toLowerCase();
}

export function hasScriptUrl(value: string): boolean {
  return /(javascript|vbscript|livescript):/.test(squash(value));
}

/** Every url(...) in a value, as written. */
export function urlsIn(value: string): string[] {
  return value.match(/url\s*\([^)]*\)?/gi) ?? [];
}

/** Why a value may not stay, or undefined when it may. */
export function unsafeValueReason(value: string): string | undefined {
  if (value.includes('\\')) return 'CSS escapes are not accepted';
  if (/[<>{};@]/.test(value)) return 'markup or rule syntax inside a value';
  if (hasScriptUrl(value)) return 'script URL';
  for (const url of urlsIn(value)) if (!LOCAL_URL.test(url)) return `url() to something other than a local #id: ${url}`;
  for (const match of value.matchAll(/([a-z_-][\w-]*)\s*\(/gi)) {
    if (!FUNCTIONS.has(match[1].toLowerCase())) return `CSS function ${match[1]}() is not allowed`;
  }
  return undefined;
}

export function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ');
}

/** Splits `a: b; c: d` respecting quotes and parentheses. */
export function parseDeclarations(text: string): Declaration[] {
  const declarations: Declaration[] = [];
  for (const part of splitTopLevel(stripComments(text), ';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).trim();
    if (property && value) declarations.push({ property, value });
  }
  return declarations;
}

export function filterDeclarations(declarations: Declaration[], removed: CssRemoval[]): Declaration[] {
  return declarations.filter(({ property, value }) => {
    const reason = !PRESENTATION.has(property) ? 'not a presentation property' : unsafeValueReason(value.replace(/\s*!important\s*$/i, ''));
    if (reason) removed.push({ what: `${property}: ${value}`, reason });
    return !reason;
  });
}

export function formatDeclarations(declarations: Declaration[]): string {
  return declarations.map(({ property, value }) => `${property}:${value}`).join(';');
}

/** Rules of a stylesheet with only allowed declarations; at-rules and odd selectors dropped (reported in removed). */
export function parseStylesheet(css: string, removed: CssRemoval[]): StyleRule[] {
  const text = stripComments(css).replace(/<!--|-->/g, ' ');
  const rules: StyleRule[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{', at);
    const end = open < 0 ? text.length : open;
    const head = text.slice(at, end).trim();
    // A statement at-rule (@import ...;) ends at its semicolon, before any block. Searched only up to the next
    // brace, so a long stylesheet is read once, not once per rule.
    const semicolon = head.startsWith('@') ? text.slice(at, end).indexOf(';') : -1;
    if (semicolon >= 0) {
      removed.push({ what: text.slice(at, at + semicolon).trim(), reason: 'at-rules are not accepted' });
      at += semicolon + 1;
      continue;
    }
    if (open < 0) {
      if (head) removed.push({ what: head, reason: head.startsWith('@') ? 'at-rules are not accepted' : 'unterminated CSS' });
      break;
    }
    const close = matchingBrace(text, open);
    const body = text.slice(open + 1, close < 0 ? text.length : close);
    at = close < 0 ? text.length : close + 1;
    if (head.startsWith('@')) removed.push({ what: head, reason: 'at-rules are not accepted' });
    else if (body.includes('{')) removed.push({ what: head, reason: 'nested CSS rules are not accepted' });
    else if (!head || /[\\<@{};]/.test(head) || hasScriptUrl(head)) removed.push({ what: head, reason: 'selector not accepted' });
    else {
      const declarations = filterDeclarations(parseDeclarations(body), removed);
      if (declarations.length > 0) rules.push({ selector: head.replace(/\s+/g, ' '), declarations });
    }
  }
  return rules;
}

export function formatStylesheet(rules: StyleRule[]): string {
  return rules.map((rule) => `${rule.selector}{${formatDeclarations(rule.declarations)}}`).join('');
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
