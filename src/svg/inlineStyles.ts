// For profiles without CSS (kaggle): <style> rules and style attributes become presentation attributes,
// so the drawing keeps its look after the CSS itself is removed. Every piece of CSS is reported (the SVG as given
// does not comply, SPEC §6), and so are rules too complex to inline.
import { filterDeclarations, parseDeclarations, parseStylesheet, type CssRemoval, type Declaration } from './css.js';
import type { FindingLog } from './findings.js';
import { clip } from './clean.js';
import { isElement, type SvgElement } from './parse.js';

interface SimpleSelector {
  tag?: string;
  id?: string;
  classes: string[];
  specificity: number;
}
interface InlineRule {
  selector: SimpleSelector;
  declarations: Declaration[];
  order: number;
}

const COMPOUND = /^(\*|[A-Za-z][\w-]*)?((?:[.#][A-Za-z_][\w-]*)*)$/;

const NO_CSS = 'the profile allows no CSS';

/** Rule applications allowed in one document: CSS crafted to match everything everywhere stops here. */
const MAX_APPLICATIONS = 200_000;

export function inlineStyles(root: SvgElement, log: FindingLog): void {
  const rules: InlineRule[] = [];
  collectRules(root, rules, log);
  const budget = { left: MAX_APPLICATIONS };
  apply(root, indexRules(rules), log, budget);
  if (budget.left < 0) log.add({ rule: 'profile', message: `stopped inlining CSS after ${MAX_APPLICATIONS.toLocaleString('en-US')} rule applications: the stylesheet is too large to inline`, element: 'style' });
}

function collectRules(element: SvgElement, rules: InlineRule[], log: FindingLog): void {
  for (const child of element.children) {
    // Nothing of another namespace applies (a <style> there is no stylesheet); the clean removes it after.
    if (!isElement(child) || child.foreignNamespace !== undefined) continue;
    if (child.name !== 'style') {
      collectRules(child, rules, log);
      continue;
    }
    const removed: CssRemoval[] = [];
    const css = child.children.map((node) => (isElement(node) ? '' : node.text)).join('');
    for (const rule of parseStylesheet(css, removed)) {
      for (const part of rule.selector.split(',')) {
        const selector = parseSelector(part.trim());
        if (selector) rules.push({ selector, declarations: rule.declarations, order: rules.length });
        else log.add({ rule: 'profile', message: `could not inline CSS rule "${clip(part.trim())}": only tag, .class and #id selectors can be inlined`, element: 'style' });
      }
    }
    for (const { what, reason } of removed) log.add({ rule: 'css', message: `removed CSS "${clip(what)}": ${reason}`, element: 'style' });
    log.add({ rule: 'profile', message: `inlined <style> as presentation attributes: ${NO_CSS}`, element: 'style' });
  }
}

function parseSelector(text: string): SimpleSelector | undefined {
  const match = COMPOUND.exec(text);
  if (!match || text === '') return undefined;
  const parts = match[2].match(/[.#][\w-]+/g) ?? [];
  const ids = parts.filter((part) => part.startsWith('#')).map((part) => part.slice(1));
  if (ids.length > 1) return undefined;
  const classes = parts.filter((part) => part.startsWith('.')).map((part) => part.slice(1));
  const tag = match[1] && match[1] !== '*' ? match[1] : undefined;
  return { tag, id: ids[0], classes, specificity: (ids.length ? 10_000 : 0) + classes.length * 100 + (tag ? 1 : 0) };
}

function matches(selector: SimpleSelector, element: SvgElement): boolean {
  if (selector.tag && selector.tag !== element.name) return false;
  if (selector.id && selector.id !== element.attributes.id) return false;
  const classes = new Set((element.attributes.class ?? '').split(/\s+/));
  return selector.classes.every((name) => classes.has(name));
}

/** Rules filed under the one name an element must have for them to match: its tag, an id, a class, or '*'. */
type RuleIndex = Map<string, InlineRule[]>;

function indexRules(rules: InlineRule[]): RuleIndex {
  const index: RuleIndex = new Map();
  for (const rule of rules) {
    const { id, classes, tag } = rule.selector;
    const key = id !== undefined ? `#${id}` : classes.length > 0 ? `.${classes[0]}` : tag !== undefined ? tag : '*';
    const list = index.get(key) ?? [];
    list.push(rule);
    index.set(key, list);
  }
  return index;
}

function candidates(index: RuleIndex, element: SvgElement): InlineRule[] {
  const keys = ['*', element.name, ...(element.attributes.id !== undefined ? [`#${element.attributes.id}`] : []), ...(element.attributes.class ?? '').split(/\s+/).filter(Boolean).map((name) => `.${name}`)];
  const found = new Set<InlineRule>();
  for (const key of keys) for (const rule of index.get(key) ?? []) found.add(rule);
  return [...found].sort((a, b) => a.selector.specificity - b.selector.specificity || a.order - b.order);
}

function apply(element: SvgElement, rules: RuleIndex, log: FindingLog, budget: { left: number }): void {
  const matching = budget.left > 0 ? candidates(rules, element).filter((rule) => matches(rule.selector, element)) : [];
  budget.left -= matching.length;
  const declarations = matching.flatMap((rule) => rule.declarations);
  if (element.attributes.style !== undefined) {
    const removed: CssRemoval[] = [];
    declarations.push(...filterDeclarations(parseDeclarations(element.attributes.style), removed));
    for (const { what, reason } of removed) log.add({ rule: 'css', message: `removed style "${clip(what)}": ${reason}`, element: element.name, attribute: 'style' });
    delete element.attributes.style;
    log.add({ rule: 'profile', message: `inlined the style attribute of <${element.name}> as presentation attributes: ${NO_CSS}`, element: element.name, attribute: 'style' });
  }
  for (const { property, value } of declarations) {
    const attributeValue = asAttributeValue(property, value.replace(/\s*!important\s*$/i, ''));
    if (attributeValue === undefined) log.add({ rule: 'profile', message: `could not inline ${property}: ${clip(value)}`, element: element.name, attribute: property });
    else element.attributes[property] = attributeValue;
  }
  if (element.attributes.class !== undefined) delete element.attributes.class;
  element.children = element.children.filter((child) => !isElement(child) || child.name !== 'style' || child.foreignNamespace !== undefined);
  for (const child of element.children) if (isElement(child) && child.foreignNamespace === undefined) apply(child, rules, log, budget);
}

/** CSS transforms use units that the transform attribute does not: deg and px are dropped, others cannot be inlined. */
function asAttributeValue(property: string, value: string): string | undefined {
  if (property !== 'transform') return value;
  const plain = value.replace(/(\d)(deg|px)\b/gi, '$1');
  return /\d[a-z%]/i.test(plain.replace(/[a-z]+\(/gi, '(')) ? undefined : plain;
}
