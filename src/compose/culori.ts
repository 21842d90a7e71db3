// culori from its one-file bundle: the ESM entry points load ~150 modules (~90 ms at startup),
// the bundle ~8 ms, and offline `gen` must start about as fast as `--version`.
import culori from 'culori/require';

export const { formatHex, oklch, parse, wcagContrast } = culori;
export type { Oklch, Color } from 'culori';
