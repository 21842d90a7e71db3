// SVG path data: parsed to absolute segments (for areas when recolouring), and shrunk for the icon
// pack at build time: every point is made absolute, rounded, then written back in whichever of the
// absolute or relative forms is shorter. Relative values come from the rounded previous point, so
// rounding never accumulates along a path.

type Segment = [string, ...number[]];

const COMMAND = /[MmLlHhVvCcSsQqTtAaZz]/;
const ARITY: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };

function tokenize(d: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  let command = '';
  let argIndex = 0;
  while (i < d.length) {
    const ch = d[i];
    if (COMMAND.test(ch)) {
      out.push(ch);
      command = ch.toLowerCase();
      argIndex = 0;
      i++;
      continue;
    }
    if (/[\s,]/.test(ch)) {
      i++;
      continue;
    }
    // Arc flags are single digits that may be written without separators ("a1 1 0 011 2").
    const slot = command === 'a' ? argIndex % 7 : -1;
    if (slot === 3 || slot === 4) {
      out.push(Number(ch));
      argIndex++;
      i++;
      continue;
    }
    const match = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(d.slice(i));
    if (!match) throw new Error(`bad path data near "${d.slice(i, i + 12)}"`);
    out.push(Number(match[0]));
    argIndex++;
    i += match[0].length;
  }
  return out;
}

/** Path data -> list of [upperCaseCommand, ...absoluteArgs]. */
export function absoluteSegments(d: string): Segment[] {
  const tokens = tokenize(d);
  const segments: Segment[] = [];
  let x = 0, y = 0, startX = 0, startY = 0;
  let i = 0;
  let command = '';
  while (i < tokens.length) {
    if (typeof tokens[i] === 'string') command = tokens[i++] as string;
    const lower = command.toLowerCase();
    const relative = command === lower;
    if (lower === 'z') {
      segments.push(['Z']);
      x = startX;
      y = startY;
      continue;
    }
    const args = tokens.slice(i, i + ARITY[lower]) as number[];
    i += ARITY[lower];
    if (args.length < ARITY[lower] || args.some((a) => typeof a !== 'number')) break;
    const ox = relative ? x : 0;
    const oy = relative ? y : 0;
    let abs: Segment;
    if (lower === 'h') abs = ['L', args[0] + ox, y];
    else if (lower === 'v') abs = ['L', x, args[0] + oy];
    else if (lower === 'a') abs = ['A', args[0], args[1], args[2], args[3], args[4], args[5] + ox, args[6] + oy];
    else abs = [lower.toUpperCase(), ...args.map((a, k) => a + (k % 2 === 0 ? ox : oy))];
    segments.push(abs);
    x = abs[abs.length - 2] as number;
    y = abs[abs.length - 1] as number;
    if (lower === 'm') {
      startX = x;
      startY = y;
      command = relative ? 'l' : 'L'; // pairs after a moveto are linetos
    }
  }
  return segments;
}

function formatNumber(value: number, digits: number): string {
  const factor = 10 ** digits;
  let text = String(Math.round(value * factor) / factor);
  if (text === '-0') text = '0';
  return text.replace(/^(-?)0\./, '$1.');
}

function joinNumbers(numbers: string[]): string {
  let out = '';
  for (const n of numbers) {
    if (out === '' || n.startsWith('-') || (n.startsWith('.') && /\.\d*$/.test(out) && !/[a-zA-Z]$/.test(out))) out += n;
    else if (/[a-zA-Z]$/.test(out)) out += n;
    else out += ` ${n}`;
  }
  return out;
}

/** Rounds path data to `digits` decimals and writes it compactly. */
export function minifyPathData(d: string, digits = 1): string {
  const round = (v: number) => Math.round(v * 10 ** digits) / 10 ** digits;
  let out = '';
  let last = '';
  let x = 0, y = 0, startX = 0, startY = 0;
  for (const segment of absoluteSegments(d)) {
    const [command, ...raw] = segment as [string, ...number[]];
    if (command === 'Z') {
      out += 'z';
      last = 'z';
      x = startX;
      y = startY;
      continue;
    }
    const args = command === 'A' ? [...raw.slice(0, 5), round(raw[5]), round(raw[6])] : raw.map(round);
    const endX = args[args.length - 2];
    const endY = args[args.length - 1];
    let options: [string, number[]][];
    if (command === 'L' && endY === y) options = [['H', [endX]], ['h', [endX - x]]];
    else if (command === 'L' && endX === x) options = [['V', [endY]], ['v', [endY - y]]];
    else if (command === 'A') options = [['A', args], ['a', [...args.slice(0, 5), endX - x, endY - y]]];
    else options = [[command, args], [command.toLowerCase(), args.map((a, k) => a - (k % 2 === 0 ? x : y))]];
    let best = '';
    let bestCommand = '';
    for (const [name, values] of options) {
      const numbers = values.map((v: number, k: number) => (name.toLowerCase() === 'a' && (k === 3 || k === 4) ? String(v) : formatNumber(v, digits)));
      // A repeated command letter can be left out, except after a moveto (pairs there mean lineto).
      const implicit = name === last && name.toLowerCase() !== 'm';
      let text = implicit ? joinNumbers(numbers) : name + joinNumbers(numbers);
      if (implicit && !text.startsWith('-')) text = ` ${text}`;
      if (!best || text.length < best.length) {
        best = text;
        bestCommand = name;
      }
    }
    out += best;
    last = bestCommand;
    x = endX;
    y = endY;
    if (command === 'M') {
      startX = x;
      startY = y;
    }
  }
  return out;
}

/** Area of the box around a path's points: a cheap stand-in for how much of a drawing it covers. */
export function pathBoxArea(d: string): number {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  try {
    for (const segment of absoluteSegments(d)) {
      for (let k = segment[0] === 'A' ? 6 : 1; k + 1 < segment.length; k += 2) {
        const x = segment[k] as number;
        const y = segment[k + 1] as number;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  } catch {
    return 0;
  }
  return maxX > minX && maxY > minY ? (maxX - minX) * (maxY - minY) : 0;
}
