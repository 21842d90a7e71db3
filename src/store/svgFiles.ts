// A session's SVGs: files in "<sessions>/<session name>/", referenced by relative path, bytes and sha256.
// A file is never overwritten: if the name is taken (left over from a session moved aside), the next free one is used.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { RuntimeFailure } from '../errors.js';
import { createFileAtomic } from './atomic.js';
import type { SvgRef } from './schema.js';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Absolute path of a stored SVG. Refs are validated by the schema to be "<name>/<file>.svg", so never outside `sessionsDir`. */
export function svgFilePath(sessionsDir: string, ref: Pick<SvgRef, 'path'>): string {
  return path.join(sessionsDir, ...ref.path.split('/'));
}

/** Writes `data` as "<folder>/<stem>.svg" (or "<stem>-2.svg", ... if taken) and returns its ref. */
export function storeSvgFile(sessionsDir: string, folder: string, stem: string, data: string | Uint8Array, known?: Pick<SvgRef, 'bytes' | 'sha256'>): SvgRef {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let attempt = 1; attempt < 1000; attempt++) {
    const name = `${stem}${attempt === 1 ? '' : `-${attempt}`}.svg`;
    if (createFileAtomic(path.join(sessionsDir, folder, name), bytes)) {
      return { path: `${folder}/${name}`, bytes: known?.bytes ?? bytes.byteLength, sha256: known?.sha256 ?? sha256(bytes) };
    }
  }
  throw new RuntimeFailure(`no free file name for ${folder}/${stem}.svg`, `tidy up ${path.join(sessionsDir, folder)}`, 'write_failed');
}

/** Reads a stored SVG's bytes; a missing file is a runtime failure naming it. */
export function readSvgBytes(sessionsDir: string, ref: Pick<SvgRef, 'path'>): Buffer {
  const file = svgFilePath(sessionsDir, ref);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new RuntimeFailure(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'read failed'}`, 'the session refers to an SVG file that is gone', 'missing_svg');
  }
}
