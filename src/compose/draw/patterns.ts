// Abstract prompts drawn from primitives: rings, spirals, stripes, checks, a gradient sunset, a mandala.
import type { Random } from '../random.js';
import type { PatternSpec } from '../types.js';
import { n } from './numbers.js';
import { shade } from './palette.js';
import { shapePath } from './primitives.js';

export const DEFAULT_PALETTE = ['#ef476f', '#ffd166', '#06d6a0', '#118ab2', '#7b5cd6'];

export function drawPattern(pattern: PatternSpec, width: number, height: number, random: Random): { defs: string; body: string } {
  const colors = pattern.colors.length > 0 ? pattern.colors : DEFAULT_PALETTE;
  const c = (i: number) => colors[((i % colors.length) + colors.length) % colors.length];
  const cx = width / 2;
  const cy = height / 2;
  const size = Math.min(width, height);
  const background = colors.length === 1 ? shade(colors[0], 1.35, 0.35) : '#fbf8f1';
  let defs = '';
  let body = `<rect width="${width}" height="${height}" fill="${background}"/>`;
  const symbol = `<symbol id="kshape" viewBox="0 0 100 100"><path d="${shapePath(pattern.shape)}"/></symbol>`;
  switch (pattern.kind) {
    case 'concentric': {
      defs += symbol;
      for (let i = 0; i < 8; i++) {
        const s = size * 0.92 * (1 - i / 8);
        body += `<use href="#kshape" x="${n(cx - s / 2)}" y="${n(cy - s / 2)}" width="${n(s)}" height="${n(s)}" fill="${i % 2 === 1 && colors.length === 1 ? background : c(i)}"/>`;
      }
      break;
    }
    case 'spiral': {
      defs += symbol;
      for (let i = 0; i < 44; i++) {
        const angle = i * 0.52;
        const radius = 6 + i * size * 0.0102;
        const s = 8 + i * size * 0.0022;
        const x = cx + Math.cos(angle) * radius - s / 2;
        const y = cy + Math.sin(angle) * radius - s / 2;
        body += `<use href="#kshape" x="${n(x)}" y="${n(y)}" width="${n(s)}" height="${n(s)}" fill="${c(i)}"/>`;
      }
      break;
    }
    case 'stripes': {
      const count = 10;
      const vertical = pattern.direction !== 'horizontal';
      const span = (pattern.direction === 'diagonal' ? Math.hypot(width, height) : vertical ? width : height) / count;
      let stripes = '';
      for (let i = 0; i < count; i++) {
        stripes += vertical || pattern.direction === 'diagonal'
          ? `<rect x="${n(i * span)}" width="${n(span + 0.5)}" height="${n(Math.hypot(width, height))}" fill="${c(i)}"/>`
          : `<rect y="${n(i * span)}" width="${width}" height="${n(span + 0.5)}" fill="${c(i)}"/>`;
      }
      body += pattern.direction === 'diagonal' ? `<g transform="rotate(-45 ${n(cx)} ${n(cy)}) translate(${n(-(Math.hypot(width, height) - width) / 2)} ${n(-(Math.hypot(width, height) - height) / 2)})">${stripes}</g>` : stripes;
      break;
    }
    case 'checkerboard': {
      const cell = size / 8;
      const [a, b] = colors.length >= 2 ? [c(0), c(1)] : colors.length === 1 && pattern.colors.length > 0 ? [c(0), '#ffffff'] : ['#222222', '#f4f1ea'];
      defs += `<pattern id="kcheck" width="${n(cell * 2)}" height="${n(cell * 2)}" patternUnits="userSpaceOnUse"><rect width="${n(cell * 2)}" height="${n(cell * 2)}" fill="${b}"/><path d="M0 0h${n(cell)}v${n(cell)}H0zM${n(cell)} ${n(cell)}h${n(cell)}v${n(cell)}h-${n(cell)}z" fill="${a}"/></pattern>`;
      body = `<rect width="${width}" height="${height}" fill="url(#kcheck)"/>`;
      break;
    }
    case 'dots': {
      const cell = size / 7;
      defs += `<pattern id="kdots" width="${n(cell)}" height="${n(cell)}" patternUnits="userSpaceOnUse"><circle cx="${n(cell / 2)}" cy="${n(cell / 2)}" r="${n(cell * 0.28)}" fill="${c(0)}"/></pattern>`;
      body = `<rect width="${width}" height="${height}" fill="${colors.length > 1 ? c(1) : background}"/><rect width="${width}" height="${height}" fill="url(#kdots)"/>`;
      break;
    }
    case 'grid': {
      defs += symbol;
      const cells = 6;
      const step = size / cells;
      for (let row = 0; row < cells; row++) {
        for (let col = 0; col < cells; col++) body += `<use href="#kshape" x="${n(col * step + step * 0.1)}" y="${n(row * step + step * 0.1)}" width="${n(step * 0.8)}" height="${n(step * 0.8)}" fill="${c(row + col)}"/>`;
      }
      break;
    }
    case 'waves': {
      for (let i = 0; i < 9; i++) {
        const y = (i + 0.5) * (height / 9);
        body += `<path d="M0 ${n(y)}q${n(width / 16)} -18 ${n(width / 8)} 0t${n(width / 8)} 0t${n(width / 8)} 0t${n(width / 8)} 0t${n(width / 8)} 0t${n(width / 8)} 0t${n(width / 8)} 0t${n(width / 8)} 0" fill="none" stroke="${c(i)}" stroke-width="10" stroke-linecap="round"/>`;
      }
      break;
    }
    case 'gradient': {
      const stops = colors.length >= 2 ? colors : [c(0), shade(c(0), 0.45)];
      defs += `<linearGradient id="kgrad" x1="0" y1="0" x2="1" y2="1">${stops.map((color, i) => `<stop offset="${n(i / (stops.length - 1))}" stop-color="${color}"/>`).join('')}</linearGradient>`;
      body = `<rect width="${width}" height="${height}" fill="url(#kgrad)"/>`;
      break;
    }
    case 'sunset': {
      const horizon = height * 0.62;
      const stops = pattern.colors.length >= 2 ? pattern.colors : ['#2d2a6e', '#b9467c', '#ff7e47', '#ffc65c'];
      defs += `<linearGradient id="kgrad" x1="0" y1="0" x2="0" y2="1">${stops.map((color, i) => `<stop offset="${n(i / (stops.length - 1))}" stop-color="${color}"/>`).join('')}</linearGradient>`;
      const r = size * 0.22;
      body = `<rect width="${width}" height="${n(horizon)}" fill="url(#kgrad)"/><circle cx="${n(cx)}" cy="${n(horizon)}" r="${n(r)}" fill="#ffe27a"/>`;
      body += `<rect y="${n(horizon)}" width="${width}" height="${n(height - horizon)}" fill="#3a2a5e"/>`;
      for (let i = 0; i < 6; i++) {
        const w = r * 2 * (1 - i * 0.14);
        body += `<rect x="${n(cx - w / 2)}" y="${n(horizon + 8 + i * 16)}" width="${n(w)}" height="5" rx="2.5" fill="#ff9e5e" opacity="${n(0.9 - i * 0.12)}"/>`;
      }
      break;
    }
    case 'mandala': {
      const rings = 4;
      for (let ring = rings; ring >= 1; ring--) {
        const petals = 6 + ring * 2;
        const radius = (ring / rings) * size * 0.36;
        const petal = `M${n(cx)} ${n(cy - radius - size * 0.08)}q${n(size * 0.05)} ${n(size * 0.08)} 0 ${n(size * 0.16)}q-${n(size * 0.05)} -${n(size * 0.08)} 0 -${n(size * 0.16)}z`;
        defs += `<path id="kp${ring}" d="${petal}"/>`;
        let uses = '';
        for (let k = 0; k < petals; k++) uses += `<use href="#kp${ring}" transform="rotate(${n((k * 360) / petals + ring * 9)} ${n(cx)} ${n(cy)})"/>`;
        body += `<g fill="${c(ring)}">${uses}</g>`;
      }
      body += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(size * 0.07)}" fill="${c(0)}"/><circle cx="${n(cx)}" cy="${n(cy)}" r="${n(size * 0.43)}" fill="none" stroke="${c(2)}" stroke-width="3"/>`;
      break;
    }
    default:
      void random;
  }
  return { defs, body };
}
