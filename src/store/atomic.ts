// Atomic file writes: temp file in the same directory, fsync, then rename (replace) or link (create only).
// A crash, even SIGKILL or power loss, leaves either the old file or the new one, never half of one.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** What can be written: text, bytes, or byte chunks (written with writev, never joined in memory). */
export type FileData = string | Uint8Array | Uint8Array[];

function writeAll(fd: number, data: FileData): void {
  if (!Array.isArray(data)) {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    return;
  }
  for (let start = 0; start < data.length; start += 512) {
    const chunk = data.slice(start, start + 512);
    const expected = chunk.reduce((sum, part) => sum + part.byteLength, 0);
    const written = fs.writevSync(fd, chunk);
    // A regular file takes all of it; if not, finish the chunk one piece at a time.
    if (written < expected) {
      let skip = written;
      for (const part of chunk) {
        if (skip >= part.byteLength) {
          skip -= part.byteLength;
          continue;
        }
        fs.writeSync(fd, part.subarray(skip));
        skip = 0;
      }
    }
  }
}

/** Folders this process has made or found: a batch writes thousands of files into the same one. */
const knownDirs = new Set<string>();

function makeDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  knownDirs.add(dir);
}

/** Opens a new file, making its folder first when it is not known to exist (or has gone since). */
function openNew(file: string): number {
  const dir = path.dirname(file);
  if (!knownDirs.has(dir)) makeDir(dir);
  try {
    return fs.openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    makeDir(dir);
    return fs.openSync(file, 'wx', 0o644);
  }
}

/** Runs `fill` on `fd`, a file just created at `file`, then closes it; if `fill` fails, the half-made file goes. */
export function fillNewFile(file: string, fd: number, fill: (fd: number) => void): void {
  try {
    fill(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
}

function writeTemp(file: string, data: FileData): string {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  fillNewFile(temp, openNew(temp), (fd) => {
    writeAll(fd, data);
    fs.fsyncSync(fd);
  });
  return temp;
}

/** Makes a rename or link in `dir` survive power loss. Not every platform can open a directory; that is fine. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows and some network file systems refuse; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Replaces `file` atomically. */
export function writeFileAtomic(file: string, data: FileData): void {
  const temp = writeTemp(file, data);
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
}

/** Creates `file` atomically, never replacing an existing one: returns false if it already exists. */
export function createFileAtomic(file: string, data: string | Uint8Array): boolean {
  const temp = writeTemp(file, data);
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // No hard links here (some network or FAT file systems): check, then rename. The caller holds the lock.
    if (fs.existsSync(file)) return false;
    fs.renameSync(temp, file);
    syncDirectory(path.dirname(file));
    return true;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  syncDirectory(path.dirname(file));
  return true;
}
