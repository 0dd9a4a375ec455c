/**
 * Names the CRS a shapefile's .prj describes, as an EPSG code Anju can transform
 * (src/core/crs.ts), by its parameters rather than its name: ESRI, GDAL and Chinese desktop
 * GIS write the same CGCS2000 zone as "CGCS2000_3_Degree_GK_CM_120E",
 * "CGCS2000 / 3-degree Gauss-Kruger CM 120E" or a bare "Gauss_Kruger" with a custom name.
 *
 * The WKT is parsed here into a plain tree (WKT1 from ESRI and OGC, and WKT2) rather than by
 * proj4: `proj4(wkt)` throws, without a message, on a projection it does not know, and its
 * `wkt-parser` (an untyped transitive dependency) returns one flattened object whose fields
 * differ by WKT flavour. A small tree lets every non-match carry a reason for the user.
 */
import { GAUSS_KRUGER_ZONES, isKnownCrs } from '../core/crs';

/** Why a .prj could not be matched; `shp.prj-unknown` words each (messages/shapefile.ts). */
export type PrjReason = 'not-wkt' | 'beijing1954' | 'xian1980' | 'datum' | 'unit' | 'zone' | 'projection';

/** Outcome of {@link crsFromPrj}. */
export interface PrjMatch {
  /** The CRS as an EPSG code (`EPSG:4549`), or null when Anju cannot use it as is. */
  crs: string | null;
  /** A short technical English remark: why `crs` is null, or a caveat about the match. */
  note?: string;
  /** When `crs` is null: the reason, and values for its message (`datum`, `method`, `centralMeridian`…). */
  problem?: { reason: PrjReason; params: Record<string, string | number> };
  /** The CRS name given in the WKT (PROJCS/GEOGCS/…), for messages. */
  name?: string;
}

/** A WKT node: `KEYWORD[value, value, …]`; quoted strings, numbers and bare words are leaves. */
interface WktNode {
  keyword: string;
  values: (WktNode | string | number)[];
}

const DEGREE = Math.PI / 180;
const GRS80_RF = 298.257222101;
const WGS84_RF = 298.257223563;

/** Parses WKT (1 or 2) into a tree; null when the text is not WKT. */
function parseWkt(text: string): WktNode | null {
  const tokens = text.match(/"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[[\](),]/g);
  if (!tokens) return null;
  let i = 0;
  const node = (): WktNode | null => {
    const keyword = tokens[i++];
    if (!keyword || !/^[A-Za-z_]/.test(keyword) || (tokens[i] !== '[' && tokens[i] !== '(')) return null;
    i++;
    const values: WktNode['values'] = [];
    while (i < tokens.length) {
      const t = tokens[i];
      if (t === ']' || t === ')') {
        i++;
        return { keyword: keyword.toUpperCase(), values };
      }
      if (t === ',') {
        i++;
        continue;
      }
      if (t.startsWith('"')) {
        values.push(t.slice(1, -1).replace(/""/g, '"'));
        i++;
      } else if (/^[-+.\d]/.test(t)) {
        values.push(Number(t));
        i++;
      } else if (tokens[i + 1] === '[' || tokens[i + 1] === '(') {
        const child = node();
        if (!child) return null;
        values.push(child);
      } else {
        values.push(t);
        i++;
      }
    }
    return null;
  };
  return node();
}

const children = (n: WktNode, ...keywords: string[]): WktNode[] =>
  n.values.filter((v): v is WktNode => typeof v === 'object' && keywords.includes(v.keyword));
const child = (n: WktNode, ...keywords: string[]): WktNode | undefined => children(n, ...keywords)[0];
/** First node with one of the keywords anywhere below `n`, depth first. */
function find(n: WktNode, ...keywords: string[]): WktNode | undefined {
  for (const v of n.values) {
    if (typeof v !== 'object') continue;
    if (keywords.includes(v.keyword)) return v;
    const hit = find(v, ...keywords);
    if (hit) return hit;
  }
  return undefined;
}
const str = (n: WktNode | undefined, k = 0): string => (n && typeof n.values[k] === 'string' ? (n.values[k] as string) : '');
const num = (n: WktNode | undefined, k: number): number => (n && typeof n.values[k] === 'number' ? (n.values[k] as number) : NaN);
/** Lower-case letters and digits only, to compare names across spellings. */
const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const near = (a: number, b: number, tolerance = 1e-9): boolean => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

/** EPSG code named by the root AUTHORITY (WKT1) or ID (WKT2), also ESRI's Web Mercator codes. */
function authorityCode(root: WktNode): string | null {
  const auth = child(root, 'AUTHORITY', 'ID');
  if (!auth) return null;
  const authority = str(auth).toUpperCase();
  const code = String(auth.values[1] ?? '').trim();
  if ((authority === 'EPSG' || authority === 'ESRI') && ['102100', '102113', '900913', '3785'].includes(code)) return 'EPSG:3857';
  return authority === 'EPSG' && /^\d+$/.test(code) ? `EPSG:${code}` : null;
}

type Datum = 'cgcs2000' | 'wgs84' | 'beijing1954' | 'xian1980' | 'sphere' | 'other';

interface DatumMatch {
  datum: Datum;
  /** The datum name as written. */
  name: string;
  /** True when only the GRS80 ellipsoid, not a name, says CGCS2000. */
  byEllipsoidOnly?: boolean;
}

/** Classifies the geodetic datum of a geographic CRS node by its ellipsoid, then its names. */
function datumOf(geog: WktNode): DatumMatch {
  const ellipsoid = find(geog, 'SPHEROID', 'ELLIPSOID');
  const datumNode = find(geog, 'DATUM', 'GEODETICDATUM', 'TRF', 'ENSEMBLE');
  const name = str(datumNode) || str(geog);
  const names = norm(`${str(geog)} ${name} ${str(ellipsoid)}`);
  const a = num(ellipsoid, 1);
  const rf = num(ellipsoid, 2);
  if (near(a, 6378245, 1e-7) || /beijing1954|krasovsk|krassowsk/.test(names)) return { datum: 'beijing1954', name };
  if (near(a, 6378140, 1e-7) || /xian1980|xian80/.test(names)) return { datum: 'xian1980', name };
  if (near(a, 6378137, 1e-9) && rf === 0) return { datum: 'sphere', name };
  if (near(a, 6378137, 1e-9) && near(rf, GRS80_RF)) {
    // GRS80 is CGCS2000's ellipsoid; other GRS80 datums (NAD83, ETRS89, GDA) are named as such.
    if (/nad83|northamerican1983|etrs|europeanterrestrial|gda|sirgas|nzgd/.test(names)) return { datum: 'other', name };
    return { datum: 'cgcs2000', name, byEllipsoidOnly: !/china2000|cgcs/.test(names) };
  }
  if (near(a, 6378137, 1e-9) && near(rf, WGS84_RF)) return { datum: 'wgs84', name };
  if (!ellipsoid && /wgs84|wgs1984/.test(names)) return { datum: 'wgs84', name };
  if (!ellipsoid && /china2000|cgcs2000/.test(names)) return { datum: 'cgcs2000', name };
  return { datum: 'other', name };
}

/** Projection parameters by role, with angles in degrees and lengths in the CRS unit. */
function parameters(root: WktNode): Record<string, number> {
  const out: Record<string, number> = {};
  const conversion = child(root, 'CONVERSION') ?? root;
  for (const p of children(conversion, 'PARAMETER')) {
    const key = norm(str(p));
    let value = num(p, 1);
    const angleUnit = child(p, 'ANGLEUNIT');
    if (angleUnit && Number.isFinite(num(angleUnit, 1))) value = (value * num(angleUnit, 1)) / DEGREE;
    if (/^(centralmeridian|longitudeofnaturalorigin|longitudeoforigin|longitudeofcenter|longitudeofcentre)$/.test(key)) out.lon0 = value;
    else if (/^(latitudeoforigin|latitudeofnaturalorigin|latitudeofcenter|latitudeofcentre)$/.test(key)) out.lat0 = value;
    else if (/^(scalefactor|scalefactoratnaturalorigin)$/.test(key)) out.k = value;
    else if (/^(falseeasting)$/.test(key)) out.x0 = value;
    else if (/^(falsenorthing)$/.test(key)) out.y0 = value;
    else if (/^(standardparallel1|latitudeof1ststandardparallel)$/.test(key)) out.latTs = value;
  }
  return out;
}

/** Metres per unit of a projected CRS: WKT1 root UNIT, WKT2 LENGTHUNIT of its axes; 1 when absent. */
function linearUnit(root: WktNode): { metres: number; name: string } {
  const unit = child(root, 'UNIT', 'LENGTHUNIT') ?? children(root, 'AXIS').map((a) => child(a, 'LENGTHUNIT')).find(Boolean);
  return unit ? { metres: num(unit, 1), name: str(unit) } : { metres: 1, name: 'metre' };
}

/** Degrees per unit of a geographic CRS (1 for degrees). */
function angularUnitDegrees(geog: WktNode): number {
  const unit = child(geog, 'UNIT', 'ANGLEUNIT') ?? find(geog, 'ANGLEUNIT');
  return unit ? num(unit, 1) / DEGREE : 1;
}

const unknown = (name: string, reason: PrjReason, params: Record<string, string | number>, note: string): PrjMatch => ({
  crs: null,
  name,
  note,
  problem: { reason, params },
});

function datumProblem(name: string, d: DatumMatch): PrjMatch {
  if (d.datum === 'beijing1954') return unknown(name, 'beijing1954', {}, 'Beijing 1954 datum (Krassowsky 1940 ellipsoid): needs local transformation parameters');
  if (d.datum === 'xian1980') return unknown(name, 'xian1980', {}, 'Xian 1980 datum (IAG 1975 ellipsoid): needs local transformation parameters');
  return unknown(name, 'datum', { datum: d.name || '?' }, `datum "${d.name}" is neither CGCS2000 nor WGS 84`);
}

const GRS80_ONLY = 'GRS80 ellipsoid without a CGCS2000 name, read as CGCS2000';

function geographic(root: WktNode, name: string): PrjMatch {
  const d = datumOf(root);
  if (!near(angularUnitDegrees(root), 1, 1e-6)) return unknown(name, 'unit', { unit: str(child(root, 'UNIT', 'ANGLEUNIT')) }, 'angular unit is not the degree');
  if (d.datum === 'cgcs2000') return d.byEllipsoidOnly ? { crs: 'EPSG:4490', name, note: GRS80_ONLY } : { crs: 'EPSG:4490', name };
  if (d.datum === 'wgs84') return { crs: 'EPSG:4326', name };
  return datumProblem(name, d);
}

/** Matches a Transverse Mercator against every CGCS2000 Gauss–Krüger zone. */
function gaussKruger(name: string, p: Record<string, number>, d: DatumMatch): PrjMatch {
  const cm = p.lon0 ?? 0;
  const x0 = p.x0 ?? 0;
  const k = p.k ?? 1;
  const noZone = unknown(name, 'zone', { centralMeridian: cm, falseEasting: x0, scale: k }, `Transverse Mercator (CM ${cm}, false easting ${x0}, scale ${k}) is no CGCS2000 Gauss–Krüger zone`);
  if (!near(k, 1, 1e-12) || Math.abs(p.lat0 ?? 0) > 1e-9 || Math.abs(p.y0 ?? 0) > 1e-6) return noZone;
  const prefix = Math.round((x0 - 500_000) / 1_000_000);
  if (Math.abs(x0 - 500_000 - prefix * 1_000_000) > 1e-6) return noZone;
  const candidates = GAUSS_KRUGER_ZONES.filter((z) => Math.abs(z.centralMeridian - cm) < 1e-9 && (prefix === 0 ? !z.zonePrefix : z.zonePrefix && z.zone === prefix));
  if (candidates.length === 0) return noZone;
  // Without a zone prefix, central meridians 75°E, 81°E … 135°E are both a 3- and a 6-degree
  // zone with identical formulas, so only the name can tell. ESRI and GDAL name 6-degree zones
  // without a width ("CGCS2000_GK_CM_117E", "CGCS2000 / Gauss-Kruger CM 117E"); with no hint
  // we take the 3-degree zone that county-level data uses.
  const named = name.toLowerCase().replace(/[\s_-]/g, '');
  const threeHint = /3degree|3度|三度/.test(named);
  const sixHint = !threeHint && (/6degree|6度|六度/.test(named) || /^cgcs2000(gk|\/gausskruger)cm/.test(named));
  const zone = candidates.find((z) => z.width === (sixHint ? 6 : 3)) ?? candidates[0];
  const notes: string[] = [];
  if (candidates.length > 1 && !threeHint && !sixHint) notes.push(`central meridian ${cm} is both a 3- and a 6-degree zone; read as the 3-degree one (same projection)`);
  if (d.datum === 'wgs84') notes.push('WGS 84 ellipsoid read as CGCS2000 (differs by less than a millimetre)');
  if (d.byEllipsoidOnly) notes.push(GRS80_ONLY);
  return notes.length ? { crs: `EPSG:${zone.epsg}`, name, note: notes.join('; ') } : { crs: `EPSG:${zone.epsg}`, name };
}

function projected(root: WktNode, name: string): PrjMatch {
  const geog = child(root, 'GEOGCS', 'BASEGEOGCRS', 'BASEGEODCRS', 'GEOGCRS');
  const d: DatumMatch = geog ? datumOf(geog) : { datum: 'other', name: '' };
  const methodNode = child(root, 'PROJECTION') ?? find(child(root, 'CONVERSION') ?? root, 'METHOD');
  const method = norm(str(methodNode));
  const p = parameters(root);
  const unit = linearUnit(root);
  const extension = norm(str(child(root, 'EXTENSION'), 1));
  const webMercatorName = /webmercator|pseudomercator|googlemaps/.test(norm(name));
  const webMercatorMethod =
    method === 'mercatorauxiliarysphere' ||
    method === 'popularvisualisationpseudomercator' ||
    (method.startsWith('mercator') && (webMercatorName || d.datum === 'sphere' || extension.includes('a6378137b6378137')));
  if (webMercatorMethod && (p.lon0 ?? 0) === 0 && (p.x0 ?? 0) === 0 && (p.y0 ?? 0) === 0) return { crs: 'EPSG:3857', name };
  if (!near(unit.metres, 1, 1e-9)) return unknown(name, 'unit', { unit: unit.name }, `linear unit "${unit.name}" is not the metre`);
  if (/^(transversemercator|gausskruger|tmerc|gaussschreibertransversemercator)$/.test(method)) {
    if (d.datum !== 'cgcs2000' && d.datum !== 'wgs84') return datumProblem(name, d);
    return gaussKruger(name, p, d);
  }
  return unknown(name, 'projection', { method: str(methodNode) || '?' }, `projection "${str(methodNode)}" is not supported`);
}

/**
 * The CRS of a shapefile .prj (WKT1 as ESRI or GDAL write it, or WKT2), matched by parameters:
 * WGS 84 (EPSG:4326) and CGCS2000 (EPSG:4490) longitude/latitude, Web Mercator (EPSG:3857,
 * including ESRI's Mercator_Auxiliary_Sphere) and every CGCS2000 Gauss–Krüger zone of
 * `GAUSS_KRUGER_ZONES` (Transverse Mercator or Gauss_Kruger, scale 1, false easting 500 km
 * with or without the zone number in front, GRS80/CGCS2000 ellipsoid). A root AUTHORITY/ID
 * that Anju knows wins. Anything else (Beijing 1954, Xian 1980, UTM, feet…) gives
 * `crs: null` with a `note` and a `problem` for the wizard, which then asks the user.
 */
export function crsFromPrj(wkt: string): PrjMatch {
  const text = wkt.replace(/^\uFEFF/, '').trim();
  const bare = /^EPSG:(\d+)$/i.exec(text);
  if (bare && isKnownCrs(`EPSG:${bare[1]}`)) return { crs: `EPSG:${bare[1]}` };
  let root = parseWkt(text);
  if (root?.keyword === 'BOUNDCRS') root = child(child(root, 'SOURCECRS') ?? root, 'PROJCRS', 'GEOGCRS', 'GEODCRS', 'PROJECTEDCRS', 'GEOGRAPHICCRS') ?? null;
  if (!root) return unknown(text.slice(0, 40), 'not-wkt', {}, 'not WKT text');
  const name = str(root);
  const code = authorityCode(root);
  if (code && isKnownCrs(code)) return { crs: code, name };
  switch (root.keyword) {
    case 'GEOGCS':
    case 'GEOGCRS':
    case 'GEOGRAPHICCRS':
    case 'GEODCRS':
      return geographic(root, name);
    case 'PROJCS':
    case 'PROJCRS':
    case 'PROJECTEDCRS':
      return projected(root, name);
    default:
      return unknown(name || root.keyword, 'projection', { method: root.keyword }, `${root.keyword} is not a geographic or projected CRS`);
  }
}
