// culori from its one-file CommonJS bundle, loaded with require(): the ESM entry points load ~150
// modules (~90 ms at startup), and importing the bundle from ESM makes Node scan all 137 KB of it
// for export names first; require() does neither, and offline `gen` must start about as fast as `--version`.
import { createRequire } from 'node:module';
import type * as Culori from 'culori';

const culori = createRequire(import.meta.url)('culori/require') as typeof Culori;

export const { formatHex, oklch, parse } = culori;
export type { Oklch, Color } from 'culori';
