import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASPECT_FLAT, aspect, aspectRows, cellSizesM, hillshade, hillshadeRows, slope, slopeRows } from '../../../src/core/grid/terrain';
import { readGeoTiff } from '../../../src/io/geotiff';
import type { Grid, RasterArray } from '../../../src/core/types';

const DIR = new URL('../../fixtures/grid/terrain/', import.meta.url);
/** What gdaldem writes for nodata (and for flat cells in aspect). */
const GDAL_NODATA = -9999;

async function fixture(name: string): Promise<Grid<RasterArray>> {
  const bytes = readFileSync(new URL(name, DIR));
  const result = await readGeoTiff(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** Largest |ours − gdal| over cells where gdal has a value; NaN in ours there counts as a failure. */
function maxDifference(ours: ArrayLike<number>, gdal: ArrayLike<number>): { max: number; compared: number } {
  let max = 0;
  let compared = 0;
  for (let i = 0; i < gdal.length; i++) {
    if (gdal[i] === GDAL_NODATA) continue;
    const d = Math.abs(ours[i] - gdal[i]);
    max = Number.isNaN(d) ? Infinity : Math.max(max, d);
    compared++;
  }
  return { max, compared };
}

/** Bit-for-bit equality (NaN included), far faster than toEqual on large arrays. */
function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function countWhere(values: ArrayLike<number>, test: (v: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (test(values[i])) n++;
  return n;
}

describe('cellSizesM', () => {
  it('is the transform for projected grids, signed so north-up is positive', () => {
    const { widthM, heightM } = cellSizesM({ height: 3, transform: [500000, 30, 0, 3150000, 0, -30] }, false);
    expect([...widthM]).toEqual([30, 30, 30]);
    expect([...heightM]).toEqual([30, 30, 30]);
  });

  it('gives the WGS84 metres of a degree at the equator and at 45°', () => {
    // One-degree cells centred on 0° and 45°N: the textbook lengths of a degree.
    const equator = cellSizesM({ height: 1, transform: [0, 1, 0, 0.5, 0, -1] }, true);
    expect(equator.widthM[0]).toBeCloseTo(111319.49, 1);
    expect(equator.heightM[0]).toBeCloseTo(110574.27, 1);
    const mid = cellSizesM({ height: 1, transform: [0, 1, 0, 45.5, 0, -1] }, true);
    expect(mid.widthM[0]).toBeCloseTo(78846.81, 1);
    expect(mid.heightM[0]).toBeCloseTo(111131.75, 1);
  });
});

describe('slope vs gdaldem slope (EPSG:4549, 30 m)', () => {
  it('matches -compute_edges everywhere, within 0.1° (nodata → NaN)', async () => {
    const dem = await fixture('dem-4549.tif');
    const gdal = (await fixture('dem-4549.slope-edges.tif')).data;
    const ours = slope(dem);
    const { max, compared } = maxDifference(ours, gdal);
    expect(compared).toBe(dem.width * dem.height - 33);
    expect(max).toBeLessThan(0.1);
    // What is left is gdaldem summing the window in float32.
    expect(max).toBeLessThan(1e-3);
    let nanMismatches = 0;
    for (let i = 0; i < gdal.length; i++) if (Number.isNaN(ours[i]) !== (gdal[i] === GDAL_NODATA)) nanMismatches++;
    expect(nanMismatches).toBe(0);
  });

  it('matches plain gdaldem (no -compute_edges) wherever it writes a value', async () => {
    const dem = await fixture('dem-4549.tif');
    const { width, height, data } = dem;
    const gdal = (await fixture('dem-4549.slope.tif')).data;
    const ours = slope(dem);
    expect(maxDifference(ours, gdal).max).toBeLessThan(1e-3);
    // Plain gdaldem leaves empty the border and every window holding nodata; we fill those
    // (but nodata centres) as -compute_edges does.
    let mismatches = 0;
    let empties = 0;
    let filled = 0;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        let empty = r === 0 || c === 0 || r === height - 1 || c === width - 1;
        for (let dr = -1; dr <= 1 && !empty; dr++) for (let dc = -1; dc <= 1; dc++) if (data[(r + dr) * width + c + dc] === -9999) empty = true;
        const i = r * width + c;
        if (empty !== (gdal[i] === GDAL_NODATA)) mismatches++;
        if (empty) empties++;
        if (empty && !Number.isNaN(ours[i])) filled++;
      }
    }
    expect(mismatches).toBe(0);
    expect(empties).toBeGreaterThan(2 * (width + height));
    expect(filled).toBe(empties - 33);
  });
});

describe('slope vs gdaldem on a geographic DEM (EPSG:4490, 1″ cells at 28.45°N)', () => {
  it('is within 0.1° of gdaldem run on a metric copy (see the fixtures README)', async () => {
    const dem = await fixture('dem-4490.tif');
    expect(dem.crs).toBe('EPSG:4490');
    const gdal = (await fixture('dem-4490.slope-edges.tif')).data;
    const { max, compared } = maxDifference(slope(dem), gdal);
    expect(compared).toBe(dem.width * dem.height);
    expect(max).toBeLessThan(0.1);
    // The copy's one cell size is exact only at the centre latitude; the README bounds the
    // error this leaves on the outer rows by 0.0060°, plus gdaldem's float rounding (~1e-4°).
    expect(max).toBeLessThan(0.0065);
  });

  it('differs from treating the degrees as square cells', async () => {
    const dem = await fixture('dem-4490.tif');
    const gdal = (await fixture('dem-4490.slope-edges.tif')).data;
    // Square cells of the latitude spacing: x is 13% too short at 28.45°N.
    const square = slope({ ...dem, crs: 'EPSG:4549', transform: [0, 30.785, 0, 0, 0, -30.785] });
    expect(maxDifference(square, gdal).max).toBeGreaterThan(1);
  });
});

describe('aspect vs gdaldem aspect -compute_edges', () => {
  it('agrees within 0.1° (mod 360) where slope > 1°, and on which cells are flat', async () => {
    const dem = await fixture('dem-4549.tif');
    const gdal = (await fixture('dem-4549.aspect-edges.tif')).data;
    const steep = slope(dem);
    const ours = aspect(dem);
    let max = 0;
    let compared = 0;
    let flat = 0;
    let mismatches = 0;
    for (let i = 0; i < gdal.length; i++) {
      if (Number.isNaN(ours[i]) || ours[i] === ASPECT_FLAT) {
        if (gdal[i] !== GDAL_NODATA) mismatches++;
        if (ours[i] === ASPECT_FLAT) flat++;
        continue;
      }
      if (!(ours[i] >= 0 && ours[i] < 360) || gdal[i] === GDAL_NODATA) mismatches++;
      if (!(steep[i] > 1)) continue;
      const d = Math.abs(ours[i] - gdal[i]) % 360;
      max = Math.max(max, Math.min(d, 360 - d));
      compared++;
    }
    expect(mismatches).toBe(0);
    expect(flat).toBeGreaterThan(1000);
    expect(compared).toBeGreaterThan(25_000);
    expect(max).toBeLessThan(0.1);
  });
});

describe('hillshade vs gdaldem hillshade -compute_edges (azimuth 315°, altitude 45°)', () => {
  // Tolerance: 1 grey level anywhere (gdaldem divides by an approximate square root, SSE
  // rsqrt plus one Newton step, which can move a value across a rounding boundary), and
  // the same level on at least 99% of cells.
  for (const name of ['dem-4549', 'dem-4490']) {
    it(`${name}: within 1 grey level everywhere, equal on ≥ 99% of cells`, async () => {
      const dem = await fixture(`${name}.tif`);
      const gdal = (await fixture(`${name}.hillshade-edges.tif`)).data;
      const ours = hillshade(dem);
      let max = 0;
      let equal = 0;
      for (let i = 0; i < gdal.length; i++) {
        const d = Math.abs(ours[i] - gdal[i]);
        max = Math.max(max, d);
        if (d === 0) equal++;
      }
      expect(max).toBeLessThanOrEqual(1);
      expect(equal / gdal.length).toBeGreaterThanOrEqual(0.99);
    });
  }
});

describe('row bands', () => {
  it('running the kernels over bands fills exactly what one run does', async () => {
    const dem = await fixture('dem-4549.tif');
    const { width, height, data, nodata } = dem;
    const cells = cellSizesM(dem, false);
    const bands = [0, 1, 2, 37, 61, 62, 65, 100, 159, height];
    const whole = new Float32Array(width * height);
    const banded = new Float32Array(width * height).fill(12345);
    slopeRows(data, width, height, cells, nodata, whole, 0, height);
    for (let b = 0; b + 1 < bands.length; b++) slopeRows(data, width, height, cells, nodata, banded, bands[b], bands[b + 1]);
    expect(sameBytes(banded, whole)).toBe(true);

    aspectRows(data, width, height, cells, nodata, whole, 0, height);
    for (let b = bands.length - 2; b >= 0; b--) aspectRows(data, width, height, cells, nodata, banded, bands[b], bands[b + 1]);
    expect(sameBytes(banded, whole)).toBe(true);

    const shadeWhole = new Uint8Array(width * height);
    const shadeBanded = new Uint8Array(width * height);
    hillshadeRows(data, width, height, cells, nodata, shadeWhole, 0, height);
    for (let b = 0; b + 1 < bands.length; b++) hillshadeRows(data, width, height, cells, nodata, shadeBanded, bands[b], bands[b + 1]);
    expect(sameBytes(shadeBanded, shadeWhole)).toBe(true);
  });
});

describe('planes and nodata', () => {
  /** A w×h plane rising `east` metres per metre eastwards and `north` northwards, 10 m cells. */
  function plane(w: number, h: number, east: number, north: number): Grid<Float32Array> {
    const data = new Float32Array(w * h);
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) data[r * w + c] = 500 + east * 10 * c - north * 10 * r;
    return { width: w, height: h, data, transform: [0, 10, 0, 0, 0, -10], crs: 'EPSG:4549', nodata: null };
  }
  const corners = (w: number, h: number) => [0, w - 1, (h - 1) * w, h * w - 1];

  it('gives the exact slope and aspect of a plane on every cell but the four corners', () => {
    // Gradient (0.3, −0.4): |g| = 0.5, slope atan(0.5); downhill (−0.3, 0.4) faces 323.13°.
    const w = 7;
    const h = 5;
    const dem = plane(w, h, 0.3, -0.4);
    const s = slope(dem);
    const a = aspect(dem);
    const expectedSlope = (Math.atan(0.5) * 180) / Math.PI;
    const expectedAspect = 360 + (Math.atan2(-0.3, 0.4) * 180) / Math.PI;
    for (let i = 0; i < w * h; i++) {
      if (corners(w, h).includes(i)) continue;
      expect(s[i]).toBeCloseTo(expectedSlope, 4);
      expect(a[i]).toBeCloseTo(expectedAspect, 4);
    }
    // gdaldem -compute_edges replicates the corner's own column sideways there: half dz/dx.
    const cornerSlope = (Math.atan(Math.hypot(0.15, 0.4)) * 180) / Math.PI;
    for (const i of corners(w, h)) expect(s[i]).toBeCloseTo(cornerSlope, 4);
  });

  it('faces each compass direction', () => {
    const cases: [number, number, number][] = [
      [0, -1, 0], // falls to the north
      [-1, 0, 90], // falls to the east
      [0, 1, 180],
      [1, 0, 270],
    ];
    for (const [east, north, azimuth] of cases) {
      expect(aspect(plane(5, 5, east, north))[12]).toBeCloseTo(azimuth, 6);
      expect(slope(plane(5, 5, east, north))[12]).toBeCloseTo(45, 6);
    }
    expect(aspect(plane(5, 5, 0, 0))[12]).toBe(ASPECT_FLAT);
    expect(slope(plane(5, 5, 0, 0))[12]).toBe(0);
  });

  it('accounts for geographic cells: a plane in metres is exact in degrees too', () => {
    // 1″ cells at 28.45°N: 27.21 m × 30.79 m; the plane rises 0.2 m per metre eastwards.
    const w = 6;
    const h = 6;
    const transform: Grid['transform'] = [119.9, 1 / 3600, 0, 28.47, 0, -1 / 3600];
    const { widthM } = cellSizesM({ height: h, transform }, true);
    const data = new Float32Array(w * h);
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) data[r * w + c] = 0.2 * widthM[r] * c;
    const s = slope({ width: w, height: h, data, transform, crs: 'EPSG:4490', nodata: null });
    expect(s[2 * w + 3]).toBeCloseTo((Math.atan(0.2) * 180) / Math.PI, 4);
    const a = aspect({ width: w, height: h, data, transform, crs: 'EPSG:4490', nodata: null });
    expect(a[2 * w + 3]).toBeCloseTo(270, 3);
  });

  it('reads a south-up grid (positive pixel height) the right way round', () => {
    const northUp = plane(5, 5, 0.3, -0.4);
    const data = new Float32Array(25);
    for (let r = 0; r < 5; r++) data.set(northUp.data.subarray((4 - r) * 5, (5 - r) * 5), r * 5);
    const southUp: Grid<Float32Array> = { ...northUp, data, transform: [0, 10, 0, -50, 0, 10] };
    expect(aspect(southUp)[12]).toBeCloseTo(aspect(northUp)[12], 4);
    expect(slope(southUp)[12]).toBeCloseTo(slope(northUp)[12], 5);
  });

  it('writes NaN (hillshade 0) for nodata and NaN cells, and uses the centre for nodata neighbours', () => {
    const dem = plane(5, 5, 0.3, 0);
    dem.nodata = -9999;
    dem.data[12] = -9999;
    dem.data[6] = NaN;
    const s = slope(dem);
    const shade = hillshade(dem);
    expect(s[12]).toBeNaN();
    expect(s[6]).toBeNaN();
    expect(shade[12]).toBe(0);
    expect(shade[6]).toBe(0);
    expect(countWhere(s, Number.isNaN)).toBe(2);
    // Cell 13's west neighbour (12) is nodata and takes 13's own value (509 for 506):
    // dz/dx = (4·512 − 2·506 − 2·509) / 80 = 0.225 instead of 0.3.
    expect(s[13]).toBeCloseTo((Math.atan(0.225) * 180) / Math.PI, 4);
  });

  it('matches a Float32 nodata that is not exactly representable', () => {
    const dem = plane(4, 4, 0.3, 0);
    dem.nodata = -9999.9;
    dem.data[5] = -9999.9; // stored as fround(−9999.9)
    expect(slope(dem)[5]).toBeNaN();
  });

  it('matches gdaldem -compute_edges on grids with no interior (2×3 and 3×2)', () => {
    // z[i] = 100 + 3·i^1.7, 10 m cells; expected values from GDAL 3.6.2's gdaldem slope.
    const grid = (w: number, h: number): Grid<Float32Array> => ({
      width: w,
      height: h,
      data: Float32Array.from({ length: w * h }, (_, i) => 100 + 3 * i ** 1.7),
      transform: [0, 10, 0, 0, 0, -10],
      crs: 'EPSG:4549',
      nodata: null,
    });
    const expected: [number, number, number[]][] = [
      [2, 3, [49.0233, 56.0027, 61.3879, 66.9736, 67.6154, 69.4286]],
      [3, 2, [65.3414, 70.8134, 73.9366, 66.1109, 72.3053, 74.1954]],
    ];
    for (const [w, h, gdal] of expected) {
      const ours = slope(grid(w, h));
      for (let i = 0; i < gdal.length; i++) expect(ours[i]).toBeCloseTo(gdal[i], 3);
    }
  });

  it('gives NaN for grids less than 2 cells wide or high, as gdaldem', () => {
    expect(countWhere(slope(plane(1, 4, 0.3, 0)), Number.isNaN)).toBe(4);
    expect(countWhere(slope(plane(4, 1, 0.3, 0)), Number.isNaN)).toBe(4);
    expect(countWhere(slope(plane(2, 2, 0.3, 0)), Number.isNaN)).toBe(0);
  });

  it('reads Int16 DEMs like Float32 ones', () => {
    const f = plane(6, 5, 0.3, -0.4);
    const i16: Grid<Int16Array> = { ...f, data: Int16Array.from(f.data) };
    expect(slope(i16)).toEqual(slope(f));
  });
});
