// The allowlist walk: drops every element, attribute, reference and CSS declaration a profile does not allow.
import {
  ANIMATION_ELEMENTS, DEFAULT_RULES, HREF_ATTRIBUTES, NAMESPACE_DECLARATIONS, SVG_NAMESPACE, UNWRAPPED_ELEMENTS, XLINK_NAMESPACE, type ProfileRules,
} from './allowlist.js';
import { filterDeclarations, formatDeclarations, formatStylesheet, hasScriptUrl, parseDeclarations, parseStylesheet, urlsIn, type CssRemoval } from './css.js';
import { checkDataImage } from './dataImage.js';
import type { FindingLog } from './findings.js';
import { isElement, type SvgElement, type SvgNode } from './parse.js';

const LOCAL_REFERENCE = /^#[^\s'"()\\<>]+$/;
const LOCAL_URL = /^url\(\s*(['"]?)#([^\s'"()\\<>]+)\1\s*\)$/i;
/** Elements whose text content means something; elsewhere text is dropped in compact profiles. */
const TEXT_ELEMENTS = new Set(['text', 'tspan', 'textPath', 'title', 'desc', 'style']);
/** Elements that draw a raster image from their href. */
const RASTER_ELEMENTS = new Set(['image', 'feImage']);
/** Attributes an animation may never target, whatever the profile allows. */
const NEVER_ANIMATED = new Set(['href', 'xlink:href', 'style', 'class', 'id', 'attributename']);

export function clip(value: string, length = 60): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

interface Walk {
  rules: ProfileRules;
  log: FindingLog;
  removedIds: Set<string>;
}

/** Cleans the tree in place and returns it; the root is always kept (the parser guarantees it is an <svg>). */
export function cleanTree(root: SvgElement, rules: ProfileRules, log: FindingLog): SvgElement {
  const walk: Walk = { rules, log, removedIds: new Set() };
  cleanAttributes(root, walk);
  cleanChildren(root, walk);
  dropDanglingReferences(root, walk);
  setNamespaces(root);
  return root;
}

function cleanChildren(element: SvgElement, walk: Walk): void {
  const kept: SvgNode[] = [];
  for (const child of element.children) {
    if (!isElement(child)) {
      if (walk.rules.name === 'default' || TEXT_ELEMENTS.has(element.name)) kept.push(child);
      continue;
    }
    if (child.foreignNamespace !== undefined) {
      // Nothing of another namespace is drawn, nor anything inside it (a browser and resvg agree).
      walk.log.add({ rule: 'namespace', message: `removed <${child.name}>: not in SVG's namespace (${clip(child.foreignNamespace)})`, element: child.name });
      collectIds(child, walk.removedIds);
      continue;
    }
    if (UNWRAPPED_ELEMENTS.has(child.name)) {
      walk.log.add({ rule: 'link', message: `replaced link <${child.name}> by a plain group`, element: child.name });
      child.name = 'g';
      for (const name of ['href', 'xlink:href', 'target', 'download', 'ping', 'rel', 'referrerpolicy']) delete child.attributes[name];
    }
    const refusal = elementRefusal(child, walk.rules);
    if (refusal) {
      walk.log.add({ ...refusal, element: child.name });
      collectIds(child, walk.removedIds);
      continue;
    }
    cleanAttributes(child, walk);
    if (ANIMATION_ELEMENTS.has(child.name) && !isSafeAnimation(child, walk)) {
      collectIds(child, walk.removedIds);
      continue;
    }
    if (child.name === 'style') {
      if (!cleanStyleElement(child, walk)) continue;
    } else cleanChildren(child, walk);
    kept.push(child);
  }
  element.children = kept;
}

function elementRefusal(element: SvgElement, rules: ProfileRules): { rule: string; message: string } | undefined {
  if (rules.isElementAllowed(element.name)) return undefined;
  if (rules !== DEFAULT_RULES && DEFAULT_RULES.isElementAllowed(element.name)) {
    return { rule: 'profile', message: `removed <${element.name}>: not allowed in the ${rules.name} profile` };
  }
  const rule = element.name === 'script' ? 'script' : 'element';
  return { rule, message: `removed <${element.name}>: not an allowed element` };
}

function cleanAttributes(element: SvgElement, walk: Walk): void {
  const { log } = walk;
  for (const { name, namespace } of element.foreignAttributes ?? []) {
    log.add({ rule: 'attribute', message: `removed ${name} on <${element.name}>: not an SVG attribute (namespace ${clip(namespace)})`, element: element.name, attribute: name });
  }
  element.foreignAttributes = undefined; // reported; nothing writes them out
  for (const [name, value] of Object.entries(element.attributes)) {
    const remove = (rule: string, message: string) => {
      delete element.attributes[name];
      log.add({ rule, message, element: element.name, attribute: name });
    };
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      // Parsing put every SVG and XLink name under its usual form, so their declarations (any prefix) are spent.
      if (NAMESPACE_DECLARATIONS[name] === value || value === SVG_NAMESPACE || value === XLINK_NAMESPACE) delete element.attributes[name];
      else remove('namespace', `removed namespace declaration ${name}="${clip(value)}"`);
    } else if (/^on/i.test(name)) remove('event-handler', `removed event handler ${name}`);
    else if (!walk.rules.isAttributeAllowed(element.name, name)) {
      const inDefault = walk.rules !== DEFAULT_RULES && DEFAULT_RULES.isAttributeAllowed(element.name, name);
      remove(inDefault ? 'profile' : 'attribute', `removed ${name} on <${element.name}>: not allowed${inDefault ? ` in the ${walk.rules.name} profile` : ''}`);
    } else if (hasScriptUrl(value)) remove('script-url', `removed ${name}: script URL "${clip(value)}"`);
    else if (HREF_ATTRIBUTES.has(name)) {
      const reason = hrefRefusal(element, value, walk.rules);
      if (reason) remove('href', `removed ${name}="${clip(value)}": ${reason}`);
    } else if (name === 'style') {
      const removed: CssRemoval[] = [];
      const kept = filterDeclarations(parseDeclarations(value), removed);
      for (const { what, reason } of removed) log.add({ rule: 'css', message: `removed style "${clip(what)}": ${reason}`, element: element.name, attribute: 'style' });
      if (kept.length === 0) delete element.attributes.style;
      else element.attributes.style = formatDeclarations(kept);
    } else {
      const bad = urlsIn(value).find((url) => !LOCAL_URL.test(url));
      if (bad) remove('url', `removed ${name}: ${clip(bad)} is not a local #id`);
    }
  }
}

function hrefRefusal(element: SvgElement, value: string, rules: ProfileRules): string | undefined {
  const href = value.trim();
  if (LOCAL_REFERENCE.test(href)) return undefined;
  if (!/^data:/i.test(href)) return 'only local #id references are allowed';
  if (!RASTER_ELEMENTS.has(element.name)) return 'data: URLs are allowed only on <image> and <feImage>';
  if (!rules.allowDataImages) return `data: URLs are not allowed in the ${rules.name} profile`;
  return checkDataImage(href);
}

function isSafeAnimation(element: SvgElement, walk: Walk): boolean {
  const target = (element.attributes.attributeName ?? '').trim();
  let reason: string | undefined;
  if (element.name !== 'animateMotion' && !target) reason = 'it names no attribute';
  else if (target && (/^on/i.test(target) || NEVER_ANIMATED.has(target.toLowerCase()) || target.includes(':') || !walk.rules.isAttributeAllowed('*', target))) {
    reason = `it animates ${target}`;
  }
  if (!reason) return true;
  walk.log.add({ rule: 'animation', message: `removed <${element.name}>: ${reason}`, element: element.name, attribute: 'attributeName' });
  return false;
}

/** Rewrites a <style> element's text to only its allowed rules; false when nothing is left. */
function cleanStyleElement(element: SvgElement, walk: Walk): boolean {
  const text = element.children.map((child) => (isElement(child) ? '' : child.text)).join('');
  const removed: CssRemoval[] = [];
  const rules = parseStylesheet(text, removed);
  for (const { what, reason } of removed) walk.log.add({ rule: 'css', message: `removed CSS "${clip(what)}": ${reason}`, element: 'style' });
  if (element.children.some(isElement)) walk.log.add({ rule: 'element', message: 'removed markup inside <style>', element: 'style' });
  element.children = rules.length > 0 ? [{ text: formatStylesheet(rules) }] : [];
  return rules.length > 0;
}

function collectIds(element: SvgElement, ids: Set<string>): void {
  if (element.attributes.id) ids.add(element.attributes.id);
  for (const child of element.children) if (isElement(child)) collectIds(child, ids);
}

/** A reference to an element this walk removed would now point nowhere: drop it too. */
function dropDanglingReferences(root: SvgElement, walk: Walk): void {
  if (walk.removedIds.size === 0) return;
  const kept = new Set<string>();
  collectIds(root, kept);
  const visit = (element: SvgElement) => {
    for (const [name, value] of Object.entries(element.attributes)) {
      const ids = HREF_ATTRIBUTES.has(name) ? [value.trim().slice(1)] : urlsIn(value).map((url) => LOCAL_URL.exec(url)?.[2] ?? '');
      if (ids.some((id) => walk.removedIds.has(id) && !kept.has(id))) {
        delete element.attributes[name];
        walk.log.add({ rule: 'reference', message: `removed ${name}: it pointed to a removed element`, element: element.name, attribute: name });
      }
    }
    for (const child of element.children) if (isElement(child)) visit(child);
  };
  visit(root);
}

/** The root declares exactly the SVG namespace (and xlink when used), so no other vocabulary can sneak in. */
function setNamespaces(root: SvgElement): void {
  const usesXlink = (element: SvgElement): boolean =>
    Object.keys(element.attributes).some((name) => name.startsWith('xlink:')) || element.children.some((child) => isElement(child) && usesXlink(child));
  const rest = Object.entries(root.attributes).filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'));
  const declarations: [string, string][] = [['xmlns', NAMESPACE_DECLARATIONS.xmlns]];
  if (usesXlink(root)) declarations.push(['xmlns:xlink', NAMESPACE_DECLARATIONS['xmlns:xlink']]);
  root.attributes = Object.assign(Object.create(null), Object.fromEntries([...declarations, ...rest]));
}
