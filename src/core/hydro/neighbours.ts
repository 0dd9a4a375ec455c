/**
 * D8 neighbour offsets, in a fixed order (E, SE, S, SW, W, NW, N, NE) so every kernel breaks
 * ties the same way. Row 0 is north, so +1 row is south.
 */
export const D8_DCOL = new Int8Array([1, 1, 0, -1, -1, -1, 0, 1]);
export const D8_DROW = new Int8Array([0, 1, 1, 1, 0, -1, -1, -1]);
/** Distance to each neighbour in cell widths (square cells). */
export const D8_DIST = new Float64Array([1, Math.SQRT2, 1, Math.SQRT2, 1, Math.SQRT2, 1, Math.SQRT2]);
