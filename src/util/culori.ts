// culori through its tree-shakable entry (culori/fn): only the colour spaces svgchat uses are registered,
// so the bundle carries those few instead of all thirty. The one-file build took ~10 ms to load on every
// `gen`, twice when both the composer and the scorer needed it.
import {
  colorsNamed,
  converter,
  differenceCiede2000,
  formatHex,
  modeHsl,
  modeHwb,
  modeLab,
  modeLab65,
  modeLch,
  modeLrgb,
  modeOklab,
  modeOklch,
  modeRgb,
  modeXyz65,
  parse,
  useMode,
} from 'culori/fn';

// rgb first: conversions between other spaces go through it. The rest are what CSS colours in SVGs and
// prompts are written in (hex, names, rgb(), hsl(), hwb(), lab(), lch(), oklab(), oklch()), plus what the
// composer (OKLCH) and the scorer (CIELAB D65) compute in.
useMode(modeRgb);
for (const mode of [modeHsl, modeHwb, modeLab, modeLch, modeOklab, modeLrgb, modeXyz65, modeLab65]) useMode(mode);
export const oklch = useMode(modeOklch);

export { colorsNamed, converter, differenceCiede2000, formatHex, parse };
export type { Color, Lab65, Oklch, Rgb } from 'culori';
