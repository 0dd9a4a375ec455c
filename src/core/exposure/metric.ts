import proj4 from 'proj4';
import { isGeographic, makeTransform, type PointTransform } from '../crs';

/**
 * A metric plane for distance work: a transverse Mercator (GRS80, scale 1) centred on the
 * data's own central meridian. One plane for the whole analysis, so nothing changes at
 * Gauss–Krüger zone edges; its scale error (1 + x²/2R², 0.03 ‰ at 50 km from the centre,
 * 0.8 ‰ at 250 km) is divided out at each exposed feature by `scaleAt`, which leaves
 * distances true to well under a centimetre per kilometre across a whole province.
 */
export interface MetricFrame {
  /** Central meridian, degrees east. */
  centralMeridian: number;
  /** proj4 definition of the plane. */
  definition: string;
  /** Longitude/latitude → plane metres. */
  fromLngLat: PointTransform;
  /** Point scale factor of the plane at plane easting `x` and latitude `lat` (degrees). */
  scaleAt(x: number, lat: number): number;
}

const A = 6378137;
const E2 = 0.00669438002290; // GRS80 first eccentricity squared
const FALSE_EASTING = 500000;

export function metricFrame(centralMeridian: number): MetricFrame {
  const definition = `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${FALSE_EASTING} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
  const converter = proj4('EPSG:4326', definition);
  return {
    centralMeridian,
    definition,
    fromLngLat: (lng, lat) => converter.forward([lng, lat]) as [number, number],
    scaleAt(x, lat) {
      const s = Math.sin((lat * Math.PI) / 180);
      const w = 1 - E2 * s * s;
      const meridional = (A * (1 - E2)) / (w * Math.sqrt(w));
      const normal = A / Math.sqrt(w);
      const dx = x - FALSE_EASTING;
      return 1 + (dx * dx) / (2 * meridional * normal);
    },
  };
}

/** The frame for data whose longitude/latitude bounding box is `[west, south, east, north]`. */
export function metricFrameFor(bboxLngLat: readonly number[]): MetricFrame {
  const [w, , e] = bboxLngLat;
  const centre = Number.isFinite(w) && Number.isFinite(e) ? (w + e) / 2 : 120;
  // Rounded to 0.01° so the same data always gets the same plane.
  return metricFrame(Math.round(centre * 100) / 100);
}

/** A transform from a CRS to longitude/latitude (identity for geographic CRSs). */
export function lngLatFrom(crs: string): PointTransform {
  return isGeographic(crs) ? (x, y) => [x, y] : makeTransform(crs, 'EPSG:4326');
}

/** A transform from a layer's CRS into the frame, with the longitude/latitude on the way. */
export function toFrame(crs: string, frame: MetricFrame): (x: number, y: number) => { x: number; y: number; lng: number; lat: number } {
  const toLngLat = lngLatFrom(crs);
  return (x, y) => {
    const [lng, lat] = toLngLat(x, y);
    const [px, py] = frame.fromLngLat(lng, lat);
    return { x: px, y: py, lng, lat };
  };
}
