// Writing a file the user named (-o, --out-dir, exports): its folder is made, and a failure is one
// clear line with exit 1 instead of a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { RuntimeFailure } from '../errors.js';

export function writeUserFile(file: string, data: string | Uint8Array): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  } catch (error) {
    throw new RuntimeFailure(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? 'write failed'}`, 'check the directory exists and is writable', 'write_failed');
  }
}
