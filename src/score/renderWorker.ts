// The child process behind src/score/render.ts: renders one SVG at a time with resvg, never trusting its input.
// Each job is sanitized here first (no external hrefs can reach resvg's file loader), pinned to the requested
// size, and drawn with only the bundled font. A panic or runaway job takes down this process, never svgchat.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { serializeSvg } from '../svg/serialize.js';
import { sanitizeToTree } from '../svg/sanitize.js';
import { analyzeImage } from './metrics.js';
import { WARM_FLAG, type RenderJob, type RenderReply } from './renderProtocol.js';

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

/** A small scene with what drawings hold (gradient, symbol and use, shapes, a group transform). */
const WARM_UP_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><defs><linearGradient id="g"><stop offset="0" stop-color="#fc0"/><stop offset="1" stop-color="#f60"/></linearGradient>' +
  '<symbol id="s" viewBox="0 0 8 8"><path d="M1 1h6v6z" fill="#0a0"/></symbol></defs><rect width="64" height="40" fill="url(#g)"/><circle cx="20" cy="30" r="9" fill="#36c" opacity=".8"/>' +
  '<use href="#s" x="30" y="30" width="20" height="20"/><g transform="translate(4 4)"><ellipse cx="40" cy="12" rx="8" ry="4" fill="#fff" stroke="#333"/></g></svg>';

if (process.send) {
  process.on('message', (job: RenderJob) => process.send?.(handle(job)));
  // The parent went away: nothing left to render for.
  process.on('disconnect', () => process.exit(0));
  // Started ahead of a job (gen): one throwaway job first, so the real one finds the sanitizer, the font and the
  // pixel analysis already compiled and loaded (a cold first job takes ~45 ms, a warm one ~17 ms).
  if (process.argv.includes(WARM_FLAG)) handle({ id: 0, svg: WARM_UP_SVG, width: 96, height: 96, format: 'analysis' });
  process.send({ ready: true });
}
