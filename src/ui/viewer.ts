// Opening a file for a person: $SVGCHAT_VIEWER if set (tests set a harmless command), else the system viewer.
import { spawn } from 'node:child_process';
import type { Context } from '../context.js';
import { RuntimeFailure } from '../errors.js';

export async function openInViewer(ctx: Context, file: string): Promise<void> {
  const viewer = ctx.env.SVGCHAT_VIEWER;
  try {
    if (viewer) {
      // A command line: the viewer's own words first, the file last; no shell, so no quoting surprises.
      const [command, ...args] = viewer.split(/\s+/).filter(Boolean);
      await new Promise<void>((resolve, reject) => {
        const child = spawn(command, [...args, file], { stdio: 'ignore', detached: true });
        child.once('error', reject);
        child.once('spawn', () => {
          child.unref();
          resolve();
        });
      });
      return;
    }
    const { default: open } = await import('open');
    await open(file, { wait: false });
  } catch (error) {
    throw new RuntimeFailure(`could not open ${file}: ${(error as Error).message}`, 'set SVGCHAT_VIEWER to a program that opens SVG files', 'viewer_failed', error);
  }
}
