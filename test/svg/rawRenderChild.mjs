// Test-only child process: renders pairs of SVGs in-process with resvg, unsanitized, and says whether their
// pixels match. It exists so a file that panics resvg takes down this child, not the test run.
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';

const digest = (svg) => createHash('sha1').update(new Resvg(svg, { fitTo: { mode: 'width', value: 160 }, font: { loadSystemFonts: false }, logLevel: 'off' }).render().pixels).digest('hex');

process.on('message', ({ id, before, after }) => {
  try {
    process.send({ id, same: digest(before) === digest(after) });
  } catch (error) {
    process.send({ id, error: String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
