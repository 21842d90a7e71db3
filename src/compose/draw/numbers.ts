// Numbers in the SVG: one decimal is far below a pixel at the sizes svgchat draws, and keeps files small.

export function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
