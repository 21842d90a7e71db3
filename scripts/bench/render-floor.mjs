// The least any scored `gen` can cost under SPEC §5 (resvg renders in a child process): a Node process that
// does nothing but fork a Node child, which loads @resvg/resvg-js and renders one circle at 512 px. No prompt,
// composer, sanitizer, store or pixel analysis. `npm run bench` times it beside `svgchat --version`.
import { fork } from 'node:child_process';

if (process.argv[2] === 'child') {
  const { Resvg } = await import('@resvg/resvg-js');
  process.on('message', (svg) => {
    const image = new Resvg(svg, { fitTo: { mode: 'width', value: 512 }, font: { loadSystemFonts: false }, logLevel: 'off' }).render();
    process.send({ bytes: image.pixels.length });
  });
  process.send({ ready: true });
} else {
  const child = fork(new URL(import.meta.url), ['child'], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: {} });
  child.on('message', (message) => {
    if (message.ready) child.send('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="red"/></svg>');
    else {
      process.stdout.write(`${message.bytes}\n`);
      process.exit(message.bytes === 512 * 512 * 4 ? 0 : 1);
    }
  });
}
