// Render metrics over raw RGBA pixels and complexity over SVG text. Pure: no I/O, no renderer.
// What a person would notice at a glance: is anything drawn, how much, in how many colours, how legibly.

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

export interface Complexity {
  elements: number;
  pathCommands: number;
  bytes: number;
}

/** One entry of the image's quantised palette: mean colour (0..255) and share of pixels. */
export interface PaletteEntry {
  r: number;
  g: number;
  b: number;
  share: number;
}

const BUCKETS = 4096;
const BLANK_COVERAGE = 0.005;
const MIN_COLOR_SHARE = 0.001;
const PALETTE_MIN_SHARE = 0.0001;
/** Largest per-channel difference still counted as "the background" (anti-aliasing, dithering). */
const BACKGROUND_TOLERANCE = 12;

interface Histogram {
  counts: Uint32Array;
  sums: Float64Array;
  border: Uint32Array;
  /** The image composited onto white, RGB only. */
  rgb: Uint8Array;
  lumaSum: number;
  lumaSquares: number;
  total: number;
}

/** Composites onto white (what a viewer shows) and collects the per-bucket statistics every metric needs. */
function histogram(image: RgbaImage): Histogram {
  const { width, height, pixels } = image;
  const total = width * height;
  const counts = new Uint32Array(BUCKETS);
  const sums = new Float64Array(BUCKETS * 3);
  const border = new Uint32Array(BUCKETS);
  const rgb = new Uint8Array(total * 3);
  let lumaSum = 0;
  let lumaSquares = 0;
  for (let i = 0; i < total; i++) {
    const alpha = pixels[i * 4 + 3];
    // Premultiplied, so over white is c + 255 * (1 - a).
    const r = Math.min(255, pixels[i * 4] + 255 - alpha);
    const g = Math.min(255, pixels[i * 4 + 1] + 255 - alpha);
    const b = Math.min(255, pixels[i * 4 + 2] + 255 - alpha);
    rgb[i * 3] = r;
    rgb[i * 3 + 1] = g;
    rgb[i * 3 + 2] = b;
    const bucket = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    counts[bucket]++;
    sums[bucket * 3] += r;
    sums[bucket * 3 + 1] += g;
    sums[bucket * 3 + 2] += b;
    const x = i % width;
    const y = (i - x) / width;
    if (x === 0 || y === 0 || x === width - 1 || y === height - 1) border[bucket]++;
    const luma = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    lumaSum += luma;
    lumaSquares += luma * luma;
  }
  return { counts, sums, border, rgb, lumaSum, lumaSquares, total };
}

function hex(value: number): string {
  return Math.round(value).toString(16).padStart(2, '0');
}

function meanOf(h: Histogram, bucket: number): [number, number, number] {
  const n = h.counts[bucket] || 1;
  return [h.sums[bucket * 3] / n, h.sums[bucket * 3 + 1] / n, h.sums[bucket * 3 + 2] / n];
}

const WHITE_BUCKET = BUCKETS - 1;

/** The commonest border colour; on a tie, white (the bare canvas) wins. */
function backgroundOf(border: Uint32Array): number {
  let best = WHITE_BUCKET;
  for (let i = 0; i < border.length; i++) if (border[i] > border[best]) best = i;
  return best;
}

export interface ImageAnalysis {
  metrics: RenderMetrics;
  /** Quantised colours with their shares (at least 0.01% each), commonest first: input for colour adherence. */
  palette: PaletteEntry[];
}

export function renderMetrics(image: RgbaImage): RenderMetrics {
  return analyzeImage(image).metrics;
}

/** One pass over the pixels for every metric and the palette. */
export function analyzeImage(image: RgbaImage): ImageAnalysis {
  const h = histogram(image);
  if (h.total === 0) return { metrics: { blank: true, coverage: 0, colors: 0, contrast: 0, background: '#ffffff' }, palette: [] };
  const backgroundBucket = backgroundOf(h.border);
  const [br, bg, bb] = meanOf(h, backgroundBucket);
  let covered = 0;
  for (let i = 0; i < h.total; i++) {
    const d = Math.max(Math.abs(h.rgb[i * 3] - br), Math.abs(h.rgb[i * 3 + 1] - bg), Math.abs(h.rgb[i * 3 + 2] - bb));
    if (d > BACKGROUND_TOLERANCE) covered++;
  }
  let colors = 0;
  const minCount = Math.max(1, Math.ceil(h.total * MIN_COLOR_SHARE));
  for (let bucket = 0; bucket < BUCKETS; bucket++) if (bucket !== backgroundBucket && h.counts[bucket] >= minCount) colors++;
  const coverage = covered / h.total;
  const mean = h.lumaSum / h.total;
  const contrast = Math.sqrt(Math.max(0, h.lumaSquares / h.total - mean * mean));
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

const PATH_DATA = /\sd\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Counted on the SVG text: elements (start tags), path commands (letters in `d` attributes), UTF-8 bytes. */
export function complexity(svg: string): Complexity {
  const withoutComments = svg.replace(/<!--[\s\S]*?-->/g, '');
  const elements = withoutComments.match(/<[A-Za-z][\w:.-]*/g)?.length ?? 0;
  let pathCommands = 0;
  for (const match of withoutComments.matchAll(PATH_DATA)) pathCommands += (match[2] ?? match[3] ?? '').match(/[MmZzLlHhVvCcSsQqTtAa]/g)?.length ?? 0;
  return { elements, pathCommands, bytes: Buffer.byteLength(svg, 'utf8') };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
