// The child process behind src/score/render.ts: renders one SVG at a time with resvg, never trusting its input.
// Each job is sanitized here first (no external hrefs can reach resvg's file loader), pinned to the requested
// size, and drawn with only the bundled font. A panic or runaway job takes down this process, never svgchat.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { serializeSvg } from '../svg/serialize.js';
import { sanitizeToTree } from '../svg/sanitize.js';
import { analyzeImage, type ImageAnalysis } from './metrics.js';

export interface RenderJob {
  id: number;
  svg: string;
  width: number;
  height: number;
  /** 'analysis': the scorer's pixel analysis is done here, so only a small summary crosses back. */
  format: 'rgba' | 'png' | 'analysis';
}

export type RenderReply =
  | { id: number; ok: true; width: number; height: number; data: Uint8Array; analysis?: ImageAnalysis }
  | { id: number; ok: false; error: string };

const FONT_FAMILY = 'Open Sans';
const fontFile = createRequire(import.meta.url).resolve('open-sans-fonts/open-sans/Regular/OpenSans-Regular.ttf');

function render(job: RenderJob): RenderReply {
  const { root } = sanitizeToTree(job.svg);
  // A fixed output size whatever the file claims (100 MB widths included): the viewBox scales into it.
  root.attributes.width = String(job.width);
  root.attributes.height = String(job.height);
  const resvg = new Resvg(serializeSvg(root), {
    fitTo: { mode: 'width', value: job.width },
    font: {
      loadSystemFonts: false,
      fontFiles: [fontFile],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
      serifFamily: FONT_FAMILY,
      monospaceFamily: FONT_FAMILY,
      cursiveFamily: FONT_FAMILY,
      fantasyFamily: FONT_FAMILY,
    },
    logLevel: 'off',
  });
  const image = resvg.render();
  if (job.format === 'analysis') {
    const pixels = new Uint8Array(image.pixels.buffer, image.pixels.byteOffset, image.pixels.byteLength);
    return { id: job.id, ok: true, width: image.width, height: image.height, data: new Uint8Array(0), analysis: analyzeImage({ width: image.width, height: image.height, pixels }) };
  }
  const data = job.format === 'png' ? image.asPng() : image.pixels;
  return { id: job.id, ok: true, width: image.width, height: image.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

function handle(job: RenderJob): RenderReply {
  try {
    return render(job);
  } catch (error) {
    return { id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

if (process.send) {
  process.on('message', (job: RenderJob) => process.send?.(handle(job)));
  // The parent went away: nothing left to render for.
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}
