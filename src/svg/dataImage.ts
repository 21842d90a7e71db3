// Raster data: URLs on <image>: only PNG, JPEG, GIF and WebP in base64, and no image whose header promises
// more pixels than any drawing needs (a decompression bomb for whoever renders it).
const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp)(;[a-z-]+=[\w.-]+)*;base64,([A-Za-z0-9+/=\s]*)$/i;
const MAX_PIXELS = 40_000_000;

/** Why this data: URL may not stay, or undefined when it may. */
export function checkDataImage(href: string): string | undefined {
  const match = DATA_IMAGE.exec(href.trim());
  if (!match) return 'only base64 PNG, JPEG, GIF or WebP data: images are allowed';
  const size = headerSize(match[1].toLowerCase(), match[3].replace(/\s+/g, ''));
  if (size && size.width * size.height > MAX_PIXELS) return `the image claims ${size.width}x${size.height} pixels`;
  return undefined;
}

function headerSize(kind: string, base64: string): { width: number; height: number } | undefined {
  // The first 48 characters decode to 36 bytes: past both formats' size fields.
  const head = base64.slice(0, 48);
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(head.slice(0, head.length - (head.length % 4))), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
  const view = new DataView(bytes.buffer);
  if (kind === 'png' && bytes.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (kind === 'gif' && bytes.length >= 10) return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  return undefined;
}
