// Render metrics over raw RGBA pixels. Pure: no I/O, no renderer.
// What a person would notice at a glance: is anything drawn, how much, in how many colours, how legibly.
import { round } from './formula.js';

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA as resvg returns it: premultiplied alpha, 4 bytes per pixel, row-major. */
  pixels: Uint8Array;
}

export interface RenderMetrics {
  /** Fewer than 0.5% of pixels differ from the background: nothing to see. */
  blank: boolean;
  /** Share of pixels that differ from the background colour, 0..1. */
  coverage: number;
  /** Distinct colours other than the background (4 bits per channel), each covering at least 0.1% of the image. */
  colors: number;
  /** RMS contrast: standard deviation of luma (0..1 scale), so 0..0.5. */
  contrast: number;
  /** The background colour: the commonest colour along the border, as #rrggbb. */
  background: string;
}


/** One entry of the image's quantised palette: mean colour (0..255) and share of pixels. */
export interface PaletteEntry {
  r: number;
  g: number;
  b: number;
  share: number;
}

const BUCKETS = 4096;
const WHITE_BUCKET = BUCKETS - 1;
const BLANK_COVERAGE = 0.005;
const MIN_COLOR_SHARE = 0.001;
const PALETTE_MIN_SHARE = 0.0001;
/** Largest per-channel difference still counted as "the background" (anti-aliasing, dithering). */
const BACKGROUND_TOLERANCE = 12;
/** RGB distance from the line between two colours within which a third counts as their blend. */
const BLEND_TOLERANCE = 10;

interface Histogram {
  counts: Uint32Array;
  /** Per bucket, the sums of red, green and blue (fits: 255 x 147,456 pixels is far below 2^32). */
  sums: Uint32Array;
  backgroundBucket: number;
  /** Mean colour of the background bucket along the border. */
  background: Rgb;
  /** Pixels farther than BACKGROUND_TOLERANCE (in any channel) from the background colour. */
  covered: number;
  /** How many pixels have each luma value 0..255 (Rec. 709 weights). */
  luma: Uint32Array;
  total: number;
}

/** Rec. 709 luma weights in 1/65536ths (they sum to exactly 65536), so white is 255 and the loop stays in integers. */
const LUMA_R = 13933;
const LUMA_G = 46871;
const LUMA_B = 4732;

/** Pixel p (byte offset) composited onto white as 0xRRGGBB: premultiplied, so over white is c + 255 * (1 - a). */
function compositeAt(pixels: Uint8Array, p: number): number {
  const under = 255 - pixels[p + 3];
  return (Math.min(255, pixels[p] + under) << 16) | (Math.min(255, pixels[p + 1] + under) << 8) | Math.min(255, pixels[p + 2] + under);
}

const bucketOf = (c: number) => ((c >> 12) & 0xf00) | ((c >> 8) & 0xf0) | ((c >> 4) & 0xf);

/** The background: the commonest colour along the border (white, the bare canvas, on a tie), as its mean. */
function borderBackground(image: RgbaImage): { bucket: number; colour: Rgb } {
  const { width, height, pixels } = image;
  const counts = new Map<number, { n: number; r: number; g: number; b: number }>();
  const add = (x: number, y: number) => {
    const c = compositeAt(pixels, (y * width + x) * 4);
    const bucket = bucketOf(c);
    const entry = counts.get(bucket) ?? { n: 0, r: 0, g: 0, b: 0 };
    entry.n++;
    entry.r += c >> 16;
    entry.g += (c >> 8) & 255;
    entry.b += c & 255;
    counts.set(bucket, entry);
  };
  for (let x = 0; x < width; x++) {
    add(x, 0);
    if (height > 1) add(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    add(0, y);
    if (width > 1) add(width - 1, y);
  }
  let bucket = WHITE_BUCKET;
  let best = counts.get(WHITE_BUCKET)?.n ?? 0;
  for (const [candidate, entry] of counts) if (entry.n > best) [bucket, best] = [candidate, entry.n];
  const entry = counts.get(bucket);
  return { bucket, colour: entry ? [entry.r / entry.n, entry.g / entry.n, entry.b / entry.n] : [255, 255, 255] };
}

/** One pass: per-bucket counts and sums, the luma histogram and coverage against the border's background. */
function histogram(image: RgbaImage): Histogram {
  const { width, height, pixels } = image;
  const total = width * height;
  const counts = new Uint32Array(BUCKETS);
  const sums = new Uint32Array(BUCKETS * 3);
  const luma = new Uint32Array(256);
  const { bucket: backgroundBucket, colour: background } = total > 0 ? borderBackground(image) : { bucket: WHITE_BUCKET, colour: [255, 255, 255] as Rgb };
  const [br, bg, bb] = background;
  let covered = 0;
  // A tight loop in integers: this runs for every file scored, 147,456 pixels at 384x384.
  for (let p = 0, end = total * 4; p < end; p += 4) {
    const under = 255 - pixels[p + 3];
    let r = pixels[p] + under;
    let g = pixels[p + 1] + under;
    let b = pixels[p + 2] + under;
    if (r > 255) r = 255;
    if (g > 255) g = 255;
    if (b > 255) b = 255;
    const bucket = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    counts[bucket]++;
    const k = bucket * 3;
    sums[k] += r;
    sums[k + 1] += g;
    sums[k + 2] += b;
    luma[(LUMA_R * r + LUMA_G * g + LUMA_B * b) >> 16]++;
    const dr = r - br;
    const dg = g - bg;
    const db = b - bb;
    if (dr > BACKGROUND_TOLERANCE || dr < -BACKGROUND_TOLERANCE || dg > BACKGROUND_TOLERANCE || dg < -BACKGROUND_TOLERANCE || db > BACKGROUND_TOLERANCE || db < -BACKGROUND_TOLERANCE) covered++;
  }
  return { counts, sums, backgroundBucket, background, covered, luma, total };
}

/** RMS contrast: the standard deviation of luma on a 0..1 scale. */
function rmsContrast(luma: Uint32Array, total: number): number {
  let sum = 0;
  let squares = 0;
  for (let v = 0; v < 256; v++) {
    sum += (v / 255) * luma[v];
    squares += (v / 255) ** 2 * luma[v];
  }
  const mean = sum / total;
  return Math.sqrt(Math.max(0, squares / total - mean * mean));
}

type Rgb = [number, number, number];

/** How far `c` is from the segment a-b in RGB: small when c is an anti-aliased blend of a and b. */
function distanceToBlend(c: Rgb, a: Rgb, b: Rgb): number {
  const ab = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const length = ab[0] ** 2 + ab[1] ** 2 + ab[2] ** 2;
  const t = length === 0 ? 0 : Math.min(1, Math.max(0, ((c[0] - a[0]) * ab[0] + (c[1] - a[1]) * ab[1] + (c[2] - a[2]) * ab[2]) / length));
  return Math.hypot(c[0] - a[0] - t * ab[0], c[1] - a[1] - t * ab[1], c[2] - a[2] - t * ab[2]);
}

/**
 * Colours other than the background that cover at least 0.1% of the image, leaving out edge fringes:
 * a colour that is a blend of two larger ones (a shape's anti-aliased border) is not a colour of its own.
 */
function distinctColors(h: Histogram, backgroundBucket: number): number {
  const minCount = Math.max(1, Math.ceil(h.total * MIN_COLOR_SHARE));
  const candidates: number[] = [];
  for (let bucket = 0; bucket < BUCKETS; bucket++) if (h.counts[bucket] >= minCount || bucket === backgroundBucket) candidates.push(bucket);
  candidates.sort((a, b) => h.counts[b] - h.counts[a]);
  const kept: Rgb[] = [];
  let colors = 0;
  for (const bucket of candidates) {
    const colour = meanOf(h, bucket);
    let blend = false;
    // Blends of the largest colours are what edges make; checking the top dozen keeps this cheap for gradients.
    const parents = Math.min(kept.length, 12);
    for (let i = 0; i < parents && !blend; i++) for (let j = i + 1; j < parents && !blend; j++) blend = distanceToBlend(colour, kept[i], kept[j]) <= BLEND_TOLERANCE;
    if (blend) continue;
    kept.push(colour);
    if (bucket !== backgroundBucket) colors++;
  }
  return colors;
}

function hex(value: number): string {
  return Math.round(value).toString(16).padStart(2, '0');
}

function meanOf(h: Histogram, bucket: number): Rgb {
  const n = h.counts[bucket] || 1;
  return [h.sums[bucket * 3] / n, h.sums[bucket * 3 + 1] / n, h.sums[bucket * 3 + 2] / n];
}


export interface ImageAnalysis {
  metrics: RenderMetrics;
  /** Quantised colours with their shares (at least 0.01% each), commonest first: input for colour adherence. */
  palette: PaletteEntry[];
}

export function renderMetrics(image: RgbaImage): RenderMetrics {
  return analyzeImage(image).metrics;
}

/** One pass over the pixels (and one round the border) for every metric and the palette. */
export function analyzeImage(image: RgbaImage): ImageAnalysis {
  const h = histogram(image);
  if (h.total === 0) return { metrics: { blank: true, coverage: 0, colors: 0, contrast: 0, background: '#ffffff' }, palette: [] };
  const { backgroundBucket } = h;
  const [br, bg, bb] = h.background;
  const colors = distinctColors(h, backgroundBucket);
  const coverage = h.covered / h.total;
  const contrast = rmsContrast(h.luma, h.total);
  const metrics = {
    blank: coverage < BLANK_COVERAGE,
    coverage: round(coverage),
    colors,
    contrast: round(contrast),
    background: `#${hex(br)}${hex(bg)}${hex(bb)}`,
  };
  const palette: PaletteEntry[] = [];
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    const share = h.counts[bucket] / h.total;
    if (share >= PALETTE_MIN_SHARE) palette.push({ ...rgbOf(meanOf(h, bucket)), share });
  }
  return { metrics, palette: palette.sort((a, b) => b.share - a.share) };
}

function rgbOf([r, g, b]: [number, number, number]) {
  return { r, g, b };
}

