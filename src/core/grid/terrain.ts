/**
 * Terrain kernels: slope, aspect and hillshade by Horn's method, for projected and geographic
 * DEMs, matching `gdaldem slope|aspect|hillshade -compute_edges` (GDAL's gdaldem_lib.cpp).
 *
 * Horn's 3×3 window around cell e, row r−1 to the north:
 * ```
 *   a b c      dz/dx (east)  = ((c + 2f + i) − (a + 2d + g)) / (8 · widthM[r])
 *   d e f      dz/dy (north) = ((a + 2b + c) − (g + 2h + i)) / (8 · heightM[r])
 *   g h i
 * ```
 * Cell sizes are per row (`cellSizesM`) so a geographic grid gets the true metres of a degree
 * at each row's latitude; GDAL 3.6's `gdaldem` has one scale for both axes and cannot.
 *
 * Edges and nodata follow `gdaldem -compute_edges` exactly:
 * - a neighbour above the first row (below the last) is extrapolated from its column,
 *   `2·z[0][c'] − z[1][c']`, with c' clamped into the grid, so the corners of the first and
 *   last rows replicate their own column sideways;
 * - on the other rows, a neighbour left of the first column (right of the last) is
 *   extrapolated along its row, `2·z[r'][0] − z[r'][1]`;
 * - a nodata neighbour, or an extrapolation from a nodata cell, takes the centre's value;
 * - a nodata centre gives NaN (hillshade: 0, the value gdaldem writes for nodata);
 * - a grid narrower or shorter than 2 cells gives NaN everywhere (gdaldem writes nodata).
 * NaN cells always count as nodata, whatever `nodata` says.
 *
 * Every row is computed from the DEM alone, so running a kernel over row bands
 * [0, k), [k, m), … fills `out` exactly as one run over [0, height) does.
 */
import type { GeoTransform, Grid, RasterArray } from '../types';
import { isGeographic } from '../crs';

/** Metres per cell of each row, signed as the grid runs: positive for a west-to-east, north-up grid. */
export interface CellSizesM {
  /** East–west size of a cell of row r, in metres. */
  widthM: Float64Array;
  /** North–south size of a cell of row r, in metres (positive when row r+1 is south of row r). */
  heightM: Float64Array;
}

/** Aspect written for a flat cell (zero gradient): gdaldem's `-9999`, distinct from nodata (NaN). */
export const ASPECT_FLAT = -9999;

/** Options of {@link hillshadeRows}, defaults as `gdaldem hillshade`. */
export interface HillshadeOptions {
  /** Direction the light comes from, degrees clockwise from north; default 315 (north-west). */
  azimuthDeg?: number;
  /** Height of the light above the horizon, degrees; default 45. */
  altitudeDeg?: number;
  /** Vertical exaggeration (elevation units per metre); default 1. */
  zFactor?: number;
}

// WGS84 ellipsoid; CGCS2000's GRS80 flattening differs by 2e-11, far below any DEM's precision.
const A_M = 6378137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const DEG = Math.PI / 180;

/**
 * Metres per cell, per row (x and y), for a grid: constant for projected CRSs (the transform's
 * units are taken as metres), by each row's centre latitude for geographic ones, where a degree
 * of longitude is (π/180)·N(φ)·cos φ metres and a degree of latitude (π/180)·M(φ), N and M
 * being the prime-vertical and meridional radii of curvature of the WGS84 ellipsoid.
 * Rotation terms of the transform are ignored, as gdaldem does.
 */
export function cellSizesM(grid: { height: number; transform: GeoTransform }, geographic: boolean): CellSizesM {
  const { height, transform } = grid;
  const pixelWidth = transform[1];
  const pixelHeight = transform[5];
  const widthM = new Float64Array(height);
  const heightM = new Float64Array(height);
  for (let r = 0; r < height; r++) {
    if (!geographic) {
      widthM[r] = pixelWidth;
      heightM[r] = -pixelHeight;
      continue;
    }
    const phi = (transform[3] + (r + 0.5) * pixelHeight) * DEG;
    const sin = Math.sin(phi);
    const w = 1 - E2 * sin * sin;
    const primeVerticalM = A_M / Math.sqrt(w);
    const meridionalM = (A_M * (1 - E2)) / (w * Math.sqrt(w));
    widthM[r] = pixelWidth * DEG * primeVerticalM * Math.cos(phi);
    heightM[r] = -pixelHeight * DEG * meridionalM;
  }
  return { widthM, heightM };
}

/**
 * Slope in degrees (0–90) of rows [row0, row1) into `out` (length width·height, row-major).
 * `zFactor` (default 1) scales elevations to metres. Nodata centres give NaN.
 */
export function slopeRows(
  dem: ArrayLike<number>,
  width: number,
  height: number,
  cell: CellSizesM,
  nodata: number | null,
  out: Float32Array,
  row0: number,
  row1: number,
  zFactor = 1,
): void {
  const gx = new Float64Array(width);
  const gy = new Float64Array(width);
  const rows = new RowWalker(dem, width, height, nodata);
  const last = width - 1;
  for (let r = row0; r < row1; r++) {
    const kx = zFactor / (8 * cell.widthM[r]);
    const ky = zFactor / (8 * cell.heightM[r]);
    const mid = r * width;
    if (!rows.isCleanInterior(r)) {
      rows.gradient(r, kx, ky, gx, gy);
      for (let c = 0; c < width; c++) out[mid + c] = slopeDegrees(gx[c], gy[c]);
      continue;
    }
    // The sliding loop of RowWalker.gradient, fused with the slope (see there). aspectRows and
    // hillshadeRows repeat this loop with their own per-cell function on purpose: a shared
    // walker that fills gradient rows and maps them after measured 10–50 % slower on 4,000²
    // (an extra store and load per cell), and these kernels have speed targets.
    const up = mid - width;
    const down = mid + width;
    let sumLeft = dem[up] + 2 * dem[mid] + dem[down];
    let diffLeft = dem[up] - dem[down];
    let sumHere = dem[up + 1] + 2 * dem[mid + 1] + dem[down + 1];
    let diffHere = dem[up + 1] - dem[down + 1];
    for (let c = 1; c < last; c++) {
      const top = dem[up + c + 1];
      const bottom = dem[down + c + 1];
      const sumRight = top + 2 * dem[mid + c + 1] + bottom;
      const diffRight = top - bottom;
      out[mid + c] = slopeDegrees((sumRight - sumLeft) * kx, (diffLeft + 2 * diffHere + diffRight) * ky);
      sumLeft = sumHere;
      sumHere = sumRight;
      diffLeft = diffHere;
      diffHere = diffRight;
    }
    rows.edgeColumns(r, kx, ky, gx, gy);
    out[mid] = slopeDegrees(gx[0], gy[0]);
    out[mid + last] = slopeDegrees(gx[last], gy[last]);
  }
}

/**
 * Aspect of rows [row0, row1) into `out`: the azimuth the slope faces (its downhill
 * direction), degrees clockwise from north in [0, 360), as `gdaldem aspect`. Flat cells give
 * {@link ASPECT_FLAT} (−9999, as gdaldem), nodata centres NaN. Unlike gdaldem, which ignores
 * the cell size, non-square cells (geographic grids) are accounted for.
 */
export function aspectRows(
  dem: ArrayLike<number>,
  width: number,
  height: number,
  cell: CellSizesM,
  nodata: number | null,
  out: Float32Array,
  row0: number,
  row1: number,
): void {
  const gx = new Float64Array(width);
  const gy = new Float64Array(width);
  const rows = new RowWalker(dem, width, height, nodata);
  const last = width - 1;
  for (let r = row0; r < row1; r++) {
    const kx = 1 / (8 * cell.widthM[r]);
    const ky = 1 / (8 * cell.heightM[r]);
    const mid = r * width;
    if (!rows.isCleanInterior(r)) {
      rows.gradient(r, kx, ky, gx, gy);
      for (let c = 0; c < width; c++) out[mid + c] = aspectDegrees(gx[c], gy[c]);
      continue;
    }
    const up = mid - width;
    const down = mid + width;
    let sumLeft = dem[up] + 2 * dem[mid] + dem[down];
    let diffLeft = dem[up] - dem[down];
    let sumHere = dem[up + 1] + 2 * dem[mid + 1] + dem[down + 1];
    let diffHere = dem[up + 1] - dem[down + 1];
    for (let c = 1; c < last; c++) {
      const top = dem[up + c + 1];
      const bottom = dem[down + c + 1];
      const sumRight = top + 2 * dem[mid + c + 1] + bottom;
      const diffRight = top - bottom;
      out[mid + c] = aspectDegrees((sumRight - sumLeft) * kx, (diffLeft + 2 * diffHere + diffRight) * ky);
      sumLeft = sumHere;
      sumHere = sumRight;
      diffLeft = diffHere;
      diffHere = diffRight;
    }
    rows.edgeColumns(r, kx, ky, gx, gy);
    out[mid] = aspectDegrees(gx[0], gy[0]);
    out[mid + last] = aspectDegrees(gx[last], gy[last]);
  }
}

/**
 * Shaded relief of rows [row0, row1) into `out`, grey levels 1–255 as `gdaldem hillshade`:
 * 1 + 254 · max(0, cos of the angle between the light and the surface normal), rounded
 * half up as GDAL stores it in a Byte band. Nodata centres give 0, gdaldem's nodata.
 */
export function hillshadeRows(
  dem: ArrayLike<number>,
  width: number,
  height: number,
  cell: CellSizesM,
  nodata: number | null,
  out: Uint8Array,
  row0: number,
  row1: number,
  options: HillshadeOptions = {},
): void {
  const azimuth = (options.azimuthDeg ?? 315) * DEG;
  const altitude = (options.altitudeDeg ?? 45) * DEG;
  const zFactor = options.zFactor ?? 1;
  // The light's unit vector (east, north, up) = (cos alt · sin az, cos alt · cos az, sin alt), × 254.
  const lightE = 254 * Math.cos(altitude) * Math.sin(azimuth);
  const lightN = 254 * Math.cos(altitude) * Math.cos(azimuth);
  const lightUp = 254 * Math.sin(altitude);
  const gx = new Float64Array(width);
  const gy = new Float64Array(width);
  const rows = new RowWalker(dem, width, height, nodata);
  const last = width - 1;
  for (let r = row0; r < row1; r++) {
    const kx = zFactor / (8 * cell.widthM[r]);
    const ky = zFactor / (8 * cell.heightM[r]);
    const mid = r * width;
    if (!rows.isCleanInterior(r)) {
      rows.gradient(r, kx, ky, gx, gy);
      for (let c = 0; c < width; c++) out[mid + c] = shadeLevel(gx[c], gy[c], lightE, lightN, lightUp);
      continue;
    }
    const up = mid - width;
    const down = mid + width;
    let sumLeft = dem[up] + 2 * dem[mid] + dem[down];
    let diffLeft = dem[up] - dem[down];
    let sumHere = dem[up + 1] + 2 * dem[mid + 1] + dem[down + 1];
    let diffHere = dem[up + 1] - dem[down + 1];
    for (let c = 1; c < last; c++) {
      const top = dem[up + c + 1];
      const bottom = dem[down + c + 1];
      const sumRight = top + 2 * dem[mid + c + 1] + bottom;
      const diffRight = top - bottom;
      out[mid + c] = shadeLevel((sumRight - sumLeft) * kx, (diffLeft + 2 * diffHere + diffRight) * ky, lightE, lightN, lightUp);
      sumLeft = sumHere;
      sumHere = sumRight;
      diffLeft = diffHere;
      diffHere = diffRight;
    }
    rows.edgeColumns(r, kx, ky, gx, gy);
    out[mid] = shadeLevel(gx[0], gy[0], lightE, lightN, lightUp);
    out[mid + last] = shadeLevel(gx[last], gy[last], lightE, lightN, lightUp);
  }
}

const RAD_TO_DEG = 180 / Math.PI;

/** Slope in degrees of gradient (x, y). */
function slopeDegrees(x: number, y: number): number {
  return atanNonNegative(Math.sqrt(x * x + y * y)) * RAD_TO_DEG;
}

/** Azimuth in degrees of the downhill direction −(x, y); ASPECT_FLAT for a zero gradient, NaN for NaN. */
function aspectDegrees(x: number, y: number): number {
  if (x === 0 && y === 0) return ASPECT_FLAT;
  // Fold −(x, y) into the first quadrant, measure from north, then unfold.
  const east = Math.abs(x);
  const north = Math.abs(y);
  let azimuth = east <= north ? atanNonNegative(east / north) : HALF_PI - atanNonNegative(north / east);
  if (y > 0) azimuth = Math.PI - azimuth;
  if (x > 0) azimuth = 2 * Math.PI - azimuth;
  // As gdaldem: a value that rounds to 360 in float32 is 0.
  const degrees = Math.fround(azimuth * RAD_TO_DEG);
  return degrees === 360 ? 0 : degrees;
}

/** Grey level 1–255 of gradient (x, y) under a light of unit vector (lightE, lightN, lightUp) / 254; 0 for NaN. */
function shadeLevel(x: number, y: number, lightE: number, lightN: number, lightUp: number): number {
  // light · the surface normal (−x, −y, 1) / √(1 + x² + y²).
  const shade254 = (lightUp - x * lightE - y * lightN) / Math.sqrt(1 + x * x + y * y);
  if (shade254 !== shade254) return 0;
  return shade254 <= 0 ? 1 : (1.5 + shade254) | 0;
}

/** Options of the whole-grid kernels. */
export interface TerrainOptions<T> {
  /** Treat the transform as degrees of latitude/longitude; default: from `dem.crs` (EPSG:4326, 4490). */
  geographic?: boolean;
  /** Where to write; default a new array of width·height. */
  out?: T;
}

/** Slope in degrees of a whole grid (see {@link slopeRows}). */
export function slope(dem: Grid<RasterArray>, options: TerrainOptions<Float32Array> & { zFactor?: number } = {}): Float32Array {
  const out = options.out ?? new Float32Array(dem.width * dem.height);
  slopeRows(dem.data, dem.width, dem.height, gridCells(dem, options.geographic), dem.nodata, out, 0, dem.height, options.zFactor);
  return out;
}

/** Aspect in degrees clockwise from north of a whole grid (see {@link aspectRows}). */
export function aspect(dem: Grid<RasterArray>, options: TerrainOptions<Float32Array> = {}): Float32Array {
  const out = options.out ?? new Float32Array(dem.width * dem.height);
  aspectRows(dem.data, dem.width, dem.height, gridCells(dem, options.geographic), dem.nodata, out, 0, dem.height);
  return out;
}

/** Shaded relief of a whole grid (see {@link hillshadeRows}). */
export function hillshade(dem: Grid<RasterArray>, options: TerrainOptions<Uint8Array> & HillshadeOptions = {}): Uint8Array {
  const out = options.out ?? new Uint8Array(dem.width * dem.height);
  hillshadeRows(dem.data, dem.width, dem.height, gridCells(dem, options.geographic), dem.nodata, out, 0, dem.height, options);
  return out;
}

const HALF_PI = Math.PI / 2;
const TAN_PI_8 = Math.SQRT2 - 1;
const TAN_3PI_8 = Math.SQRT2 + 1;

/**
 * atan(x) for x ≥ 0 (NaN stays NaN) within 1e-8 rad (6e-7°, below a Float32 ulp of the
 * results): Cephes' atanf reduction to |x| ≤ tan(π/8) and its degree-9 odd polynomial. In V8
 * it takes about half the time of `Math.atan`, which dominated the slope kernel.
 */
function atanNonNegative(x: number): number {
  let base = 0;
  if (x > TAN_3PI_8) {
    base = HALF_PI;
    x = -1 / x;
  } else if (x > TAN_PI_8) {
    base = HALF_PI / 2;
    x = (x - 1) / (x + 1);
  }
  const z = x * x;
  return base + ((((8.05374449538e-2 * z - 1.38776856032e-1) * z + 1.99777106478e-1) * z - 3.33329491539e-1) * z * x + x);
}

function gridCells(dem: Grid<RasterArray>, geographic: boolean | undefined): CellSizesM {
  return cellSizesM(dem, geographic ?? isGeographic(dem.crs));
}

/**
 * Computes Horn's gradient row by row. Interior cells go through a sliding-column loop, with
 * nodata checks only on rows near nodata; the first and last rows and columns, and windows
 * holding nodata, go cell by cell through `cellGradient`, which applies gdaldem's rules.
 */
class RowWalker {
  private readonly dem: ArrayLike<number>;
  private readonly width: number;
  private readonly height: number;
  /** The nodata value as the DEM stores it (NaN when there is none: then only NaN cells are nodata). */
  private readonly nodata: number;
  /** Whether row r holds nodata, for the last rows asked; -1 = not yet scanned. */
  private readonly dirtyRow = new Int32Array(3).fill(-1);
  private readonly dirtyValue = new Uint8Array(3);
  private readonly mayHoldNodata: boolean;

  constructor(dem: ArrayLike<number>, width: number, height: number, nodata: number | null) {
    this.dem = dem;
    this.width = width;
    this.height = height;
    // A Float32 DEM holds its nodata rounded to float, as GDAL compares it.
    this.nodata = nodata === null ? NaN : dem instanceof Float32Array ? Math.fround(nodata) : nodata;
    const integer = !(dem instanceof Float32Array || dem instanceof Float64Array) && ArrayBuffer.isView(dem);
    this.mayHoldNodata = nodata !== null || !integer;
  }

  /** Fills gx (dz/dx east) and gy (dz/dy north) of row r, Horn's sums times kx and ky; NaN for nodata centres. */
  gradient(r: number, kx: number, ky: number, gx: Float64Array, gy: Float64Array): void {
    const { dem, width, height } = this;
    if (width < 2 || height < 2) {
      gx.fill(NaN);
      gy.fill(NaN);
      return;
    }
    if (r === 0 || r === height - 1) {
      for (let c = 0; c < width; c++) this.cellGradient(r, c, kx, ky, gx, gy);
      return;
    }
    const up = (r - 1) * width;
    const mid = r * width;
    const down = (r + 1) * width;
    const last = width - 1;
    const nodata = this.nodata;
    // Column c's weighted sum top + 2·mid + bottom (for dz/dx) and difference top − bottom (for
    // dz/dy), slid one column per cell so each cell loads three values, not nine; `bad` marks
    // columns holding nodata, whose windows go through cellGradient.
    let sumLeft = dem[up] + 2 * dem[mid] + dem[down];
    let diffLeft = dem[up] - dem[down];
    let badLeft = this.isNodata(dem[up]) || this.isNodata(dem[mid]) || this.isNodata(dem[down]);
    let sumHere = dem[up + 1] + 2 * dem[mid + 1] + dem[down + 1];
    let diffHere = dem[up + 1] - dem[down + 1];
    let badHere = this.isNodata(dem[up + 1]) || this.isNodata(dem[mid + 1]) || this.isNodata(dem[down + 1]);
    for (let c = 1; c < last; c++) {
      const top = dem[up + c + 1];
      const centre = dem[mid + c + 1];
      const bottom = dem[down + c + 1];
      const badRight = top !== top || top === nodata || centre !== centre || centre === nodata || bottom !== bottom || bottom === nodata;
      const sumRight = top + 2 * centre + bottom;
      const diffRight = top - bottom;
      if (badLeft || badHere || badRight) {
        this.cellGradient(r, c, kx, ky, gx, gy);
      } else {
        gx[c] = (sumRight - sumLeft) * kx;
        gy[c] = (diffLeft + 2 * diffHere + diffRight) * ky;
      }
      sumLeft = sumHere;
      sumHere = sumRight;
      diffLeft = diffHere;
      diffHere = diffRight;
      badLeft = badHere;
      badHere = badRight;
    }
    this.edgeColumns(r, kx, ky, gx, gy);
  }

  /** True when row r and its neighbours are inside the grid and hold no nodata: the kernels' fast loop. */
  isCleanInterior(r: number): boolean {
    return r > 0 && r < this.height - 1 && this.width >= 2 && !this.isDirty(r - 1) && !this.isDirty(r) && !this.isDirty(r + 1);
  }

  /** Fills gx and gy of the first and last column of row r. */
  edgeColumns(r: number, kx: number, ky: number, gx: Float64Array, gy: Float64Array): void {
    this.cellGradient(r, 0, kx, ky, gx, gy);
    this.cellGradient(r, this.width - 1, kx, ky, gx, gy);
  }

  /** One cell's gradient under gdaldem's `-compute_edges` rules (see the file comment). */
  private cellGradient(r: number, c: number, kx: number, ky: number, gx: Float64Array, gy: Float64Array): void {
    const { dem, width, height } = this;
    const centre = dem[r * width + c];
    if (this.isNodata(centre)) {
      gx[c] = NaN;
      gy[c] = NaN;
      return;
    }
    const edgeRow = r === 0 || r === height - 1;
    let x = 0;
    let y = 0;
    for (let dr = -1; dr <= 1; dr++) {
      const rr = r + dr;
      for (let dc = -1; dc <= 1; dc++) {
        if (dr === 0 && dc === 0) continue;
        const cc = c + dc;
        let v: number;
        if (rr < 0 || rr >= height) {
          const cClamped = cc < 0 ? 0 : cc >= width ? width - 1 : cc;
          v = this.extrapolate(dem[r * width + cClamped], dem[(r - dr) * width + cClamped], centre);
        } else if (cc < 0 || cc >= width) {
          if (edgeRow) {
            v = dem[rr * width + c];
            if (this.isNodata(v)) v = centre;
          } else {
            v = this.extrapolate(dem[rr * width + c], dem[rr * width + c - dc], centre);
          }
        } else {
          v = dem[rr * width + cc];
          if (this.isNodata(v)) v = centre;
        }
        // Horn's weights: 2 on the axis, 1 on the diagonals.
        const weight = dr === 0 || dc === 0 ? 2 : 1;
        if (dc !== 0) x += dc * weight * v;
        if (dr !== 0) y -= dr * weight * v;
      }
    }
    gx[c] = x * kx;
    gy[c] = y * ky;
  }

  /** gdaldem's INTERPOL: the value beyond `edge`, continuing the step from `inner`; the centre if either is nodata. */
  private extrapolate(edge: number, inner: number, centre: number): number {
    return this.isNodata(edge) || this.isNodata(inner) ? centre : 2 * edge - inner;
  }

  private isNodata(v: number): boolean {
    return v !== v || v === this.nodata;
  }

  /** True when row r holds a nodata cell; remembers the last three rows asked. */
  private isDirty(r: number): boolean {
    if (!this.mayHoldNodata) return false;
    const slot = r % 3;
    if (this.dirtyRow[slot] !== r) {
      const { dem, nodata } = this;
      let dirty = 0;
      for (let i = r * this.width, end = i + this.width; i < end; i++) {
        const v = dem[i];
        if (v !== v || v === nodata) {
          dirty = 1;
          break;
        }
      }
      this.dirtyRow[slot] = r;
      this.dirtyValue[slot] = dirty;
    }
    return this.dirtyValue[slot] === 1;
  }
}
