// `svgchat view [session] [-o FILE] [--no-open]`: the session's turns as a self-contained HTML gallery.
import path from 'node:path';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { galleryHtml } from '../pages/gallery.js';
import type { Session, Turn } from '../store/schema.js';
import { SessionStore } from '../store/sessionStore.js';
import { readSvgBytes } from '../store/svgFiles.js';
import { sanitizeSvg } from '../svg/sanitize.js';
import { createReporter } from '../ui/output.js';
import { openInViewer } from '../ui/viewer.js';
import { writeUserFile } from '../util/writeUserFile.js';

export interface ViewOptions {
  output?: string;
  /** commander's --no-open: false when given. */
  open?: boolean;
  quiet?: boolean;
}

/**
 * The gallery page of a session, for `view` and `sessions export --format html` alike. Stored SVGs were
 * cleaned when they were made; they are cleaned again here in case a file was changed since.
 */
export function sessionGallery(store: SessionStore, session: Session, warn: (message: string) => void): string {
  const imageOf = (turn: Turn): string | undefined => {
    if (!turn.svg) return undefined;
    try {
      const clean = sanitizeSvg(readSvgBytes(store.dir, turn.svg)).svg;
      return `data:image/svg+xml;base64,${Buffer.from(clean, 'utf8').toString('base64')}`;
    } catch (error) {
      warn(`turn ${turn.id}: ${(error as Error).message}; shown without its image`);
      return undefined;
    }
  };
  return galleryHtml(session, imageOf);
}

/** Where a gallery goes without -o: beside the sessions, never inside a session's own folder. */
export function defaultGalleryPath(home: string, sessionName: string): string {
  return path.join(home, 'views', `${sessionName}.html`);
}

export async function viewCommand(ctx: Context, ref: string | undefined, options: ViewOptions): Promise<void> {
  const reporter = createReporter(ctx, { quiet: options.quiet });
  const store = new SessionStore(ctx.home, { onWarning: (message) => reporter.warn(message) });
  const session = ref === undefined ? store.list()[0] : store.get(ref);
  if (!session) throw new UsageError('there are no sessions yet', 'make one with: svgchat gen "a red fox"');

  const html = sessionGallery(store, session, (message) => reporter.warn(message));
  const file = options.output ? path.resolve(ctx.cwd, options.output) : defaultGalleryPath(ctx.home, session.name);
  writeUserFile(file, html);
  ctx.stdout.write(`${file}\n`);
  if (options.open !== false) await openInViewer(ctx, file);
}
