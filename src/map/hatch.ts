/**
 * Diagonal hatch images for constraint zones (MapLibre `fill-pattern`), drawn in code so
 * the offline basemap needs no sprite files.
 */
export function hatchImage(color: string, size = 12): { width: number; height: number; data: Uint8Array } {
  const [r, g, b] = [1, 3, 5].map((k) => parseInt(color.slice(k, k + 2), 16));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // A 2-pixel-wide diagonal line that tiles seamlessly; the rest is a faint tint.
      const onLine = (x + y) % size < 2;
      const o = (y * size + x) * 4;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = onLine ? 150 : 30;
    }
  }
  return { width: size, height: size, data };
}
