// An SVG's bytes as `sanitize` and `score` read them: a file or stdin ("-"), as bytes (so gzip and UTF-16 are
// recognised by the parser), never more than the size cap plus one byte.
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { SvgInputError } from '../svg/errors.js';
import { DEFAULT_MAX_BYTES } from '../svg/parse.js';

/**
 * The bytes of `file`. A file over the cap is an SvgInputError before it is read; stdin stops one byte past the
 * cap (the parser then refuses it). Synchronous for files: SVGs are small, and the promise API costs more per
 * file than the read (`score` reads hundreds). Other failures are the file system's own errors.
 */
export async function readSvgInput(ctx: Context, file: string): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of ctx.stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(bytes);
      total += bytes.byteLength;
      if (total > DEFAULT_MAX_BYTES) break;
      if (ctx.signal.aborted) break;
    }
    return Buffer.concat(chunks);
  }
  const full = path.resolve(ctx.cwd, file);
  const size = fs.statSync(full).size;
  if (size > DEFAULT_MAX_BYTES) throw new SvgInputError(`invalid SVG: ${size.toLocaleString('en-US')} bytes is over the ${DEFAULT_MAX_BYTES.toLocaleString('en-US')}-byte limit`, 'simplify the drawing, or use a smaller file');
  return fs.readFileSync(full);
}

/** Why a file could not be read, in words: "no such file", "it is a directory", or the error code. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'read failed';
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code;
}
