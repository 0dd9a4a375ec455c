import { describe, expect, it } from 'vitest';
import { crsFromPrj } from '../../../src/io/prj';
import { readShapefile } from '../../../src/io/shapefile';
import { GAUSS_KRUGER_ZONES } from '../../../src/core/crs';
import { describeIssue } from '../../../src/core/import/describe-issue';
import { layerFiles } from './helpers';

// WKT as written by `gdalsrsinfo EPSG:n -o wkt_esri | wkt1 | wkt2 --single-line` (GDAL 3.6.2, PROJ 9).
const ESRI_GEOGCS_CGCS2000 = 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const OGC_GEOGCS_CGCS2000 = 'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]]';

/** An ESRI-style Gauss–Krüger PROJCS. */
const esriGk = (name: string, cm: number, x0: number, geogcs = ESRI_GEOGCS_CGCS2000) =>
  `PROJCS["${name}",${geogcs},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${x0.toFixed(1)}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm.toFixed(1)}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
/** A GDAL (OGC WKT1) Transverse Mercator PROJCS, with the root AUTHORITY only when `epsg` is given. */
const ogcTm = (name: string, cm: number, x0: number, epsg?: number) =>
  `PROJCS["${name}",${OGC_GEOGCS_CGCS2000},PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",${cm}],PARAMETER["scale_factor",1],PARAMETER["false_easting",${x0}],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Northing",NORTH],AXIS["Easting",EAST]${epsg ? `,AUTHORITY["EPSG","${epsg}"]` : ''}]`;

const WKT2_4549 =
  'PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 120E",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4490]],CONVERSION["3-degree Gauss-Kruger CM 120E",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",120,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",1,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["northing (X)",north,ORDER[1],LENGTHUNIT["metre",1]],AXIS["easting (Y)",east,ORDER[2],LENGTHUNIT["metre",1]],USAGE[SCOPE["Cadastre, engineering survey, topographic mapping (large scale)."],AREA["China - onshore between 118°30\'E and 121°30\'E."],BBOX[24.43,118.5,53.33,121.5]],ID["EPSG",4549]]';
const WKT2_4528 =
  'PROJCRS["CGCS2000 / 3-degree Gauss-Kruger zone 40",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4490]],CONVERSION["3-degree Gauss-Kruger zone 40",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",120,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",1,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",40500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["northing (X)",north,ORDER[1],LENGTHUNIT["metre",1]],AXIS["easting (Y)",east,ORDER[2],LENGTHUNIT["metre",1]],USAGE[SCOPE["Cadastre, engineering survey, topographic mapping (large scale)."],AREA["China - onshore between 118°30\'E and 121°30\'E."],BBOX[24.43,118.5,53.33,121.5]],ID["EPSG",4528]]';
const WKT2_3857 =
  'PROJCRS["WGS 84 / Pseudo-Mercator",BASEGEOGCRS["WGS 84",ENSEMBLE["World Geodetic System 1984 ensemble",MEMBER["World Geodetic System 1984 (Transit)"],MEMBER["World Geodetic System 1984 (G730)"],ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]],ENSEMBLEACCURACY[2.0]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4326]],CONVERSION["Popular Visualisation Pseudo-Mercator",METHOD["Popular Visualisation Pseudo Mercator",ID["EPSG",1024]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["False easting",0,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["easting (X)",east,ORDER[1],LENGTHUNIT["metre",1]],AXIS["northing (Y)",north,ORDER[2],LENGTHUNIT["metre",1]],USAGE[SCOPE["Web mapping and visualisation."],AREA["World between 85.06°S and 85.06°N."],BBOX[-85.06,-180,85.06,180]],ID["EPSG",3857]]';
const WKT2_4326 =
  'GEOGCRS["WGS 84",ENSEMBLE["World Geodetic System 1984 ensemble",MEMBER["World Geodetic System 1984 (Transit)"],MEMBER["World Geodetic System 1984 (G2139)"],ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]],ENSEMBLEACCURACY[2.0]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],AXIS["geodetic latitude (Lat)",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],AXIS["geodetic longitude (Lon)",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]],USAGE[SCOPE["Horizontal component of 3D system."],AREA["World."],BBOX[-90,-180,90,180]],ID["EPSG",4326]]';
const WKT2_4490 =
  'GEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],AXIS["geodetic latitude (Lat)",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],AXIS["geodetic longitude (Lon)",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]],USAGE[SCOPE["Horizontal component of 3D system."],AREA["China - onshore and offshore."],BBOX[16.7,73.62,53.56,134.77]],ID["EPSG",4490]]';
const OGC_3857 =
  'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]],PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],EXTENSION["PROJ4","+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs"],AUTHORITY["EPSG","3857"]]';
const ESRI_WGS84 = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** Drops every AUTHORITY/ID so only the parameters can decide. */
const withoutAuthority = (wkt: string) => wkt.replace(/,(AUTHORITY|ID)\[[^[\]]*\]/g, '');

describe('crsFromPrj: known systems', () => {
  const cases: [string, string, string][] = [
    ['4549 ESRI', esriGk('CGCS2000_3_Degree_GK_CM_120E', 120, 500000), 'EPSG:4549'],
    ['4549 OGC with AUTHORITY', ogcTm('CGCS2000 / 3-degree Gauss-Kruger CM 120E', 120, 500000, 4549), 'EPSG:4549'],
    ['4549 OGC parameters only', withoutAuthority(ogcTm('CGCS2000 / 3-degree Gauss-Kruger CM 120E', 120, 500000, 4549)), 'EPSG:4549'],
    ['4549 WKT2', WKT2_4549, 'EPSG:4549'],
    ['4549 WKT2 parameters only', withoutAuthority(WKT2_4549), 'EPSG:4549'],
    ['4528 ESRI', esriGk('CGCS2000_3_Degree_GK_Zone_40', 120, 40500000), 'EPSG:4528'],
    ['4528 OGC parameters only', ogcTm('CGCS2000 / 3-degree Gauss-Kruger zone 40', 120, 40500000), 'EPSG:4528'],
    ['4528 WKT2 parameters only', withoutAuthority(WKT2_4528), 'EPSG:4528'],
    ['4490 ESRI', ESRI_GEOGCS_CGCS2000, 'EPSG:4490'],
    ['4490 OGC parameters only', withoutAuthority(OGC_GEOGCS_CGCS2000), 'EPSG:4490'],
    ['4490 WKT2 parameters only', withoutAuthority(WKT2_4490), 'EPSG:4490'],
    ['4326 ESRI', ESRI_WGS84, 'EPSG:4326'],
    ['4326 WKT2 parameters only', withoutAuthority(WKT2_4326), 'EPSG:4326'],
    ['3857 ESRI auxiliary sphere', `PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",${ESRI_WGS84},PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]`, 'EPSG:3857'],
    ['3857 old ESRI (102113)', 'PROJCS["WGS_1984_Web_Mercator",GEOGCS["GCS_WGS_1984_Major_Auxiliary_Sphere",DATUM["D_WGS_1984_Major_Auxiliary_Sphere",SPHEROID["WGS_1984_Major_Auxiliary_Sphere",6378137.0,0.0]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],UNIT["Meter",1.0]]', 'EPSG:3857'],
    ['3857 OGC with AUTHORITY', OGC_3857, 'EPSG:3857'],
    ['3857 OGC parameters only (PROJ4 extension)', withoutAuthority(OGC_3857).replace('WGS 84 / Pseudo-Mercator', 'unnamed'), 'EPSG:3857'],
    ['3857 WKT2 parameters only', withoutAuthority(WKT2_3857), 'EPSG:3857'],
    ['3857 ESRI code 102100', `PROJCS["x",${ESRI_WGS84},PROJECTION["Mercator_Auxiliary_Sphere"],UNIT["Meter",1.0],AUTHORITY["ESRI","102100"]]`, 'EPSG:3857'],
    ['4502 ESRI (6-degree CM 75E)', esriGk('CGCS2000_GK_CM_75E', 75, 500000), 'EPSG:4502'],
    ['4502 OGC parameters only', ogcTm('CGCS2000 / Gauss-Kruger CM 75E', 75, 500000), 'EPSG:4502'],
    ['4534 ESRI (3-degree CM 75E)', esriGk('CGCS2000_3_Degree_GK_CM_75E', 75, 500000), 'EPSG:4534'],
    ['4493 ESRI (6-degree zone 15)', esriGk('CGCS2000_GK_Zone_15', 87, 15500000), 'EPSG:4493'],
    ['4509 ESRI (6-degree CM 117E)', esriGk('CGCS2000_GK_CM_117E', 117, 500000), 'EPSG:4509'],
    ['4548 ESRI (3-degree CM 117E)', esriGk('CGCS2000_3_Degree_GK_CM_117E', 117, 500000), 'EPSG:4548'],
    ['bare EPSG code', 'EPSG:4549\n', 'EPSG:4549'],
  ];
  it.each(cases)('%s', (_, wkt, crs) => {
    const match = crsFromPrj(wkt);
    expect(match.crs).toBe(crs);
    expect(match.problem).toBeUndefined();
  });

  it('every CGCS2000 Gauss–Krüger zone, by ESRI name and by parameters alone', () => {
    for (const z of GAUSS_KRUGER_ZONES) {
      const x0 = z.zonePrefix ? z.zone * 1_000_000 + 500_000 : 500_000;
      const where = z.zonePrefix ? `Zone_${z.zone}` : `CM_${z.centralMeridian}E`;
      const esriName = z.width === 3 ? `CGCS2000_3_Degree_GK_${where}` : `CGCS2000_GK_${where}`;
      const gdalName = `CGCS2000 / ${z.width === 3 ? '3-degree ' : ''}Gauss-Kruger ${z.zonePrefix ? `zone ${z.zone}` : `CM ${z.centralMeridian}E`}`;
      expect(crsFromPrj(esriGk(esriName, z.centralMeridian, x0)).crs, esriName).toBe(`EPSG:${z.epsg}`);
      expect(crsFromPrj(ogcTm(gdalName, z.centralMeridian, x0)).crs, gdalName).toBe(`EPSG:${z.epsg}`);
    }
  });

  it('a custom name: matched by parameters, and says when 3- and 6-degree zones coincide', () => {
    expect(crsFromPrj(esriGk('Gauss_Kruger', 120, 500000))).toEqual({ crs: 'EPSG:4549', name: 'Gauss_Kruger' });
    expect(crsFromPrj(esriGk('Gauss_Kruger', 117, 500000))).toEqual({
      crs: 'EPSG:4548',
      name: 'Gauss_Kruger',
      note: 'central meridian 117 is both a 3- and a 6-degree zone; read as the 3-degree one (same projection)',
    });
  });

  it('GRS80 under another datum name, and a WGS 84 ellipsoid: matched with a note', () => {
    const grs80 = 'GEOGCS["GCS_2000",DATUM["D_2000",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    expect(crsFromPrj(grs80)).toEqual({ crs: 'EPSG:4490', name: 'GCS_2000', note: 'GRS80 ellipsoid without a CGCS2000 name, read as CGCS2000' });
    expect(crsFromPrj(esriGk('WGS_1984_3_Degree_GK_CM_120E', 120, 500000, ESRI_WGS84))).toEqual({
      crs: 'EPSG:4549',
      name: 'WGS_1984_3_Degree_GK_CM_120E',
      note: 'WGS 84 ellipsoid read as CGCS2000 (differs by less than a millimetre)',
    });
  });
});

describe('crsFromPrj: systems Anju cannot use as they are', () => {
  const BEIJING = esriGk('Beijing_1954_3_Degree_GK_CM_120E', 120, 500000, 'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]');
  const XIAN_OGC =
    'PROJCS["Xian 1980 / 3-degree Gauss-Kruger CM 120E",GEOGCS["Xian 1980",DATUM["Xian_1980",SPHEROID["IAG 1975",6378140,298.257,AUTHORITY["EPSG","7049"]],AUTHORITY["EPSG","6610"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4610"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",120],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","2385"]]';
  const UTM = `PROJCS["WGS_1984_UTM_Zone_50N",${ESRI_WGS84},PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
  const WORLD_MERCATOR = `PROJCS["WGS_1984_World_Mercator",${ESRI_WGS84},PROJECTION["Mercator"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],UNIT["Meter",1.0]]`;
  const FEET = esriGk('CGCS2000_3_Degree_GK_CM_120E_ft', 120, 500000).replace('UNIT["Meter",1.0]', 'UNIT["Foot_US",0.3048006096012192]');
  const OFF_ZONE = esriGk('Local_TM', 120.5, 500000);

  const cases: [string, string, string, Record<string, string | number>, string][] = [
    ['Beijing 1954', BEIJING, 'beijing1954', {}, 'Beijing 1954 datum (Krassowsky 1940 ellipsoid): needs local transformation parameters'],
    ['Xian 1980 (EPSG:2385 is not known, so parameters decide)', XIAN_OGC, 'xian1980', {}, 'Xian 1980 datum (IAG 1975 ellipsoid): needs local transformation parameters'],
    ['UTM zone 50N', UTM, 'zone', { centralMeridian: 117, falseEasting: 500000, scale: 0.9996 }, 'Transverse Mercator (CM 117, false easting 500000, scale 0.9996) is no CGCS2000 Gauss–Krüger zone'],
    ['central meridian off the zones', OFF_ZONE, 'zone', { centralMeridian: 120.5, falseEasting: 500000, scale: 1 }, 'Transverse Mercator (CM 120.5, false easting 500000, scale 1) is no CGCS2000 Gauss–Krüger zone'],
    ['World Mercator', WORLD_MERCATOR, 'projection', { method: 'Mercator' }, 'projection "Mercator" is not supported'],
    ['US feet', FEET, 'unit', { unit: 'Foot_US' }, 'linear unit "Foot_US" is not the metre'],
    ['not WKT', 'hello world', 'not-wkt', {}, 'not WKT text'],
  ];
  it.each(cases)('%s', (_, wkt, reason, params, note) => {
    const match = crsFromPrj(wkt);
    expect(match.crs).toBeNull();
    expect(match.problem).toEqual({ reason, params });
    expect(match.note).toBe(note);
  });

  it('the import names the system and why, and asks for a choice', () => {
    const files = layerFiles('villages_utf8').map((f) => (f.name.endsWith('.prj') ? { name: f.name, bytes: new TextEncoder().encode(BEIJING) } : f));
    const outcome = readShapefile(files);
    if (!outcome.ok) throw new Error(outcome.issue.code);
    expect(outcome.source.crs).toBeNull();
    const issue = outcome.source.issues.find((i) => i.code === 'shp.prj-unknown')!;
    expect(issue.severity).toBe('warning');
    expect(describeIssue(issue, 'en')).toBe(
      'villages_utf8.prj: The coordinate system in the .prj file (Beijing_1954_3_Degree_GK_CM_120E) cannot be used directly: it uses the Beijing 1954 datum, which is up to a hundred metres off CGCS2000 and needs local conversion parameters. Choose the coordinate system in the next step, or first reproject the layer in a GIS to CGCS2000 (EPSG:4490) or a CGCS2000 Gauss–Krüger zone.',
    );
    expect(describeIssue(issue, 'zh')).toBe(
      'villages_utf8.prj：.prj 文件中的坐标系（Beijing_1954_3_Degree_GK_CM_120E）无法直接使用：它采用北京 1954 坐标系，与 CGCS2000 相差可达上百米，需用当地的转换参数换算。请在下一步手动选择坐标系，或先在 GIS 软件中将图层转换到 CGCS2000（EPSG:4490）或 CGCS2000 高斯-克吕格投影带。',
    );
  });
});
