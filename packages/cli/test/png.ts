import { inflateSync } from 'node:zlib';

/** The size of a PNG and how many distinct pixel colours it has (8-bit RGBA, as resvg writes). */
export function inspectPng(png: Buffer): { width: number; height: number; colours: number } {
  expect8BitRgba(png);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  // Undo the per-row filters (None, Sub, Up, Average, Paeth) to read the real pixels.
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const colours = new Set<number>();
  for (let n = 0; n < pixels.length; n += 4) colours.add(pixels.readUInt32BE(n));
  return { width, height, colours: colours.size };
}

function expect8BitRgba(png: Buffer) {
  if (png.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  if (png[24] !== 8 || png[25] !== 6)
    throw new Error(`not 8-bit RGBA: depth ${png[24]}, colour type ${png[25]}`);
}
