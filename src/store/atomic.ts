// Atomic file writes: temp file in the same directory, fsync, then rename (replace) or link (create only).
// A crash, even SIGKILL or power loss, leaves either the old file or the new one, never half of one.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

function writeTemp(file: string, data: string | Uint8Array): string {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return temp;
}

/** Makes a rename or link in `dir` survive power loss. Not every platform can open a directory; that is fine. */
function syncDirectory(dir: string): void {
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
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
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
