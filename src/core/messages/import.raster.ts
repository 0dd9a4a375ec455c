import type { MessageTable } from './types';

/**
 * Wording of the issues of the raster readers (GeoTIFF `dem.*`, SRTM `hgt.*`) and of the
 * GeoJSON and FlatGeobuf readers (`geojson.*`, `fgb.*`, `vector.*`). Each says what is wrong
 * and what to do; the "file, feature N" prefix is added by `describeIssue`.
 */

/** "12,345" in English, "12345" in Chinese (Chinese text does not group digits by thousands). */
const grouped = (n: string | number): string => (typeof n === 'number' ? n.toLocaleString('en') : n);

/** Geometry families by `GeometryKind`, as the messages name them. */
const FAMILY_EN: Record<string, string> = { Point: 'points', LineString: 'lines', Polygon: 'polygons' };
const FAMILY_ZH: Record<string, string> = { Point: '点', LineString: '线', Polygon: '面' };

/** The parts of a FlatGeobuf file `fgb.truncated` names. */
const FGB_PART_ZH: Record<string, string> = { header: '文件头', 'spatial index': '空间索引', features: '要素数据' };

/** What a JSON root that is not GeoJSON was, by `found` (see `geojson.not-geojson`). */
const FOUND_EN: Record<string, string> = { array: 'a list (array)', string: 'a text value', number: 'a number', boolean: 'a true/false value', null: 'null', object: 'an object without a "type"' };
const FOUND_ZH: Record<string, string> = { array: '数组', string: '字符串', number: '数字', boolean: '布尔值', null: 'null', object: '没有 "type" 的对象' };

const SRTM_SIZES_EN = '2,884,802 bytes (1201 × 1201 samples, 3″ tile) or 25,934,402 bytes (3601 × 3601, 1″ tile)';
const SRTM_SIZES_ZH = '2884802 字节（1201 × 1201 个采样，3″ 分辨率）或 25934402 字节（3601 × 3601，1″ 分辨率）';

export const rasterTemplates = {
  'dem.empty': {
    en: () => 'The file is empty (0 bytes). Check that the export or download finished, then import the file again.',
    zh: () => '文件是空的（0 字节）。请确认导出或下载已经完成，再重新导入。',
  },
  'dem.not-tiff': {
    en: () => 'This file is not a GeoTIFF: it does not start with the TIFF signature. Import a DEM as GeoTIFF (.tif) or as an SRTM .hgt tile; convert other rasters with gdal_translate -of GTiff in.img out.tif (or QGIS: Raster ▸ Conversion ▸ Translate).',
    zh: () => '该文件不是 GeoTIFF：文件开头没有 TIFF 标识。请以 GeoTIFF（.tif）或 SRTM .hgt 格式导入高程数据；其他栅格格式可用 gdal_translate -of GTiff in.img out.tif 转换（或在 QGIS 中：栅格 ▸ 转换 ▸ 转换格式）。',
  },
  'dem.truncated': {
    en: (p) => `The GeoTIFF is cut off: its data needs ${grouped(p.required)} bytes but the file has only ${grouped(p.found)}. The copy or download was probably interrupted; copy or download it again and import the new file.`,
    zh: (p) => `GeoTIFF 文件不完整：数据需要 ${p.required} 字节，文件只有 ${p.found} 字节，可能是复制或下载中断了。请重新复制或下载后再导入。`,
  },
  'dem.unreadable': {
    en: (p) => `The GeoTIFF could not be decoded (${p.detail}). The file is probably damaged; export it again, or rewrite it with gdal_translate -co COMPRESS=DEFLATE in.tif out.tif and import the result.`,
    zh: (p) => `无法解码该 GeoTIFF（${p.detail}），文件可能已损坏。请重新导出，或用 gdal_translate -co COMPRESS=DEFLATE in.tif out.tif 重写后再导入。`,
  },
  'dem.unsupported-compression': {
    en: (p) => `The GeoTIFF is compressed with ${p.compression}, which Anju cannot decode. Rewrite it with deflate or LZW (gdal_translate -co COMPRESS=DEFLATE in.tif out.tif) and import the result.`,
    zh: (p) => `该 GeoTIFF 使用 ${p.compression} 压缩，安居无法解码。请用 gdal_translate -co COMPRESS=DEFLATE in.tif out.tif 改为 DEFLATE 或 LZW 压缩后再导入。`,
  },
  'dem.unsupported-type': {
    en: (p) => `The GeoTIFF stores its cells as ${p.type}; Anju reads elevations stored as 8-, 16- or 32-bit integers or as 32- or 64-bit floats. Convert it with gdal_translate -ot Float32 in.tif out.tif and import the result.`,
    zh: (p) => `该 GeoTIFF 的像元类型为 ${p.type}；安居只能读取 8、16、32 位整数或 32、64 位浮点数的高程。请用 gdal_translate -ot Float32 in.tif out.tif 转换后再导入。`,
  },
  'dem.no-transform': {
    en: () => 'The GeoTIFF has no georeferencing (no origin and cell size), so it cannot be placed on the map. Georeference it (QGIS Georeferencer, or gdal_translate -a_ullr with the corner coordinates and -a_srs with the coordinate system) and import the new file.',
    zh: () => '该 GeoTIFF 没有地理参考（缺少原点和像元大小），无法放到地图上。请先配准（QGIS 地理配准工具，或 gdal_translate -a_ullr 指定四角坐标、-a_srs 指定坐标系）后再导入。',
  },
  'dem.no-crs': {
    en: (p) =>
      p.name
        ? `The GeoTIFF describes its coordinate system as "${p.name}" without an EPSG code, so Anju cannot tell which one it is. Choose the coordinate system in the next step, or assign one first (gdal_translate -a_srs EPSG:4549 in.tif out.tif).`
        : 'The GeoTIFF names no coordinate system. Choose it in the next step, or assign one first (gdal_translate -a_srs EPSG:4549 in.tif out.tif).',
    zh: (p) =>
      p.name
        ? `该 GeoTIFF 的坐标系写为“${p.name}”，但没有 EPSG 代码，安居无法确定是哪一个。请在下一步中选择坐标系，或先用 gdal_translate -a_srs EPSG:4549 in.tif out.tif 指定坐标系。`
        : '该 GeoTIFF 没有注明坐标系。请在下一步中选择坐标系，或先用 gdal_translate -a_srs EPSG:4549 in.tif out.tif 指定坐标系。',
  },
  'dem.unsupported-crs': {
    en: (p) => `The GeoTIFF is in ${p.crs}, a coordinate system Anju cannot convert. Reproject it to CGCS2000 (gdalwarp -t_srs EPSG:4490 in.tif out.tif, or EPSG:4549 for Gauss–Krüger CM 120°E) and import the result.`,
    zh: (p) => `该 GeoTIFF 的坐标系为 ${p.crs}，安居无法转换。请先投影到 CGCS2000（gdalwarp -t_srs EPSG:4490 in.tif out.tif，或高斯-克吕格中央经线 120°E 的 EPSG:4549）后再导入。`,
  },
  'dem.bands': {
    en: (p) => `The raster has ${p.count} bands; band 1 is used as the elevation.`,
    zh: (p) => `该栅格有 ${p.count} 个波段，使用第 1 波段作为高程。`,
  },
  'dem.voids': {
    en: (p) => `${grouped(p.count)} of ${grouped(p.total)} cells hold no elevation (nodata, SRTM voids −32768, or values outside −500 to 9,000 m); they are kept as gaps, not used as elevations.`,
    zh: (p) => `${p.total} 个像元中有 ${p.count} 个没有高程（无数据值、SRTM 空洞 −32768，或超出 −500～9000 米的值），已作为空缺保留，不参与高程计算。`,
  },
  'dem.units': {
    en: (p) => `The values are too high for metres (most above 9,000) and fit as ${p.unit === 'cm' ? 'centimetres' : 'decimetres'}: they were divided by ${p.unit === 'cm' ? 100 : 10}. Check the elevation range above against a map; if it is wrong, export the DEM in metres and import it again.`,
    zh: (p) => `高程值按米计过大（大多超过 9000），按${p.unit === 'cm' ? '厘米' : '分米'}解释则合理，已除以 ${p.unit === 'cm' ? 100 : 10} 换算为米。请对照地图核对上面的高程范围；如不对，请将 DEM 以米为单位导出后重新导入。`,
  },
  'dem.mosaic': {
    en: (p) => `${p.count} DEM tiles joined into one grid of ${grouped(Number(p.width))} × ${grouped(Number(p.height))} cells of ${p.cell} m in ${p.crsEn}${Number(p.clipped) ? ', clipped to the project area' : ''}. Check the remarks below (gaps, tiles not used) before importing.`,
    zh: (p) => `${p.count} 个 DEM 瓦片已拼接为一个 ${p.width} × ${p.height} 像元、${p.cell} 米分辨率的格网（${p.crsZh}）${Number(p.clipped) ? '，并裁剪到项目范围' : ''}。导入前请查看下面的提示（缺口、未用的瓦片）。`,
  },
  'dem.mosaic-resolutions': {
    en: (p) => `The tiles have different resolutions (about ${p.sizes} m); all were resampled to ${p.cell} m.`,
    zh: (p) => `各瓦片分辨率不同（约 ${p.sizes} 米），已统一重采样为 ${p.cell} 米。`,
  },
  'dem.mosaic-unused': {
    en: (p) => `${p.count} tiles lie outside the project area and were not used: ${p.files}.`,
    zh: (p) => `${p.count} 个瓦片不在项目范围内，未使用：${p.files}。`,
  },
  'dem.mosaic-gap': {
    en: (p) => `${p.km2} km² of the area is covered by no tile (a gap between tiles, or the area reaches beyond them)${p.missing ? `; the missing SRTM tiles are ${p.missing}` : ''}. Analyses treat it as having no elevation: add ${p.missing ? 'those tiles' : 'the tiles that cover it'} and import them together again.`,
    zh: (p) => `范围内有 ${p.km2} 平方公里没有任何瓦片覆盖（瓦片之间有缺口，或范围超出瓦片）${p.missing ? `，缺少 SRTM 瓦片 ${p.missing}` : ''}。分析中这部分按没有高程处理：请补充${p.missing ? '这些瓦片' : '覆盖该处的瓦片'}，与其他瓦片一起重新导入。`,
  },
  'dem.mosaic-outside': {
    en: (p) => `None of the ${p.count} DEM tiles reaches the project area. Check that they are the tiles for this county (SRTM tiles are named by their south-west corner, e.g. N28E119 for 28–29°N, 119–120°E).`,
    zh: (p) => `这 ${p.count} 个 DEM 瓦片都不在项目范围内。请确认是本县的瓦片（SRTM 瓦片以西南角命名，例如 N28E119 覆盖北纬 28–29°、东经 119–120°）。`,
  },
  'dem.all-void': {
    en: (p) => `None of the ${grouped(p.total)} cells holds an elevation (all are nodata or outside −500 to 9,000 m). Check that this is an elevation model in metres and import it again.`,
    zh: (p) => `全部 ${p.total} 个像元都没有有效高程（均为无数据值或超出 −500～9000 米）。请确认这是以米为单位的高程模型后再导入。`,
  },

  'hgt.bad-size': {
    en: (p) => `The .hgt file has ${grouped(p.size)} bytes, but an SRTM tile has ${SRTM_SIZES_EN}. It is cut off or not an SRTM tile; download the tile again.`,
    zh: (p) => `该 .hgt 文件有 ${p.size} 字节，而 SRTM 瓦片应为 ${SRTM_SIZES_ZH}。文件不完整或不是 SRTM 瓦片，请重新下载。`,
  },
  'hgt.bad-name': {
    en: (p) => `The name "${p.name}" does not say where the tile lies. SRTM tiles are named after their south-west corner, like N27E119.hgt (27°N, 119°E) or S08W035.hgt; rename the file that way and import it again.`,
    zh: (p) => `文件名“${p.name}”无法确定瓦片位置。SRTM 瓦片以西南角命名，例如 N27E119.hgt（北纬 27°、东经 119°）或 S08W035.hgt；请按此格式重命名后再导入。`,
  },
  'hgt.zip-no-hgt': {
    en: () => 'The zip file holds no .hgt tile. Download the SRTM tile again (e.g. N27E119.SRTMGL1.hgt.zip) or import the .hgt file itself.',
    zh: () => '该 zip 压缩包里没有 .hgt 瓦片。请重新下载 SRTM 瓦片（如 N27E119.SRTMGL1.hgt.zip），或直接导入 .hgt 文件。',
  },
  'hgt.bad-zip': {
    en: (p) => `The zip file cannot be opened (${p.detail}). It is probably cut off; download it again.`,
    zh: (p) => `无法打开该 zip 压缩包（${p.detail}），可能下载不完整，请重新下载。`,
  },

  'vector.empty': {
    en: () => 'The file holds no features. Check that the right layer was exported and that the export finished, then import it again.',
    zh: () => '文件中没有任何要素。请确认导出的是正确的图层且导出已完成，再重新导入。',
  },
  'vector.no-crs': {
    en: () => 'The file names no coordinate system. Anju guesses it from the coordinates; check the guess in the next step (files from China often hold CGCS2000 or Gauss–Krüger coordinates even when they do not say so).',
    zh: () => '文件没有注明坐标系。安居会根据坐标范围推测，请在下一步中确认（国内数据常为 CGCS2000 经纬度或高斯-克吕格投影坐标，即使文件未注明）。',
  },
  'vector.unsupported-crs': {
    en: (p) => `The file is in ${p.crs}, a coordinate system Anju cannot convert. Reproject it to CGCS2000 (ogr2ogr -t_srs EPSG:4490 out.geojson in.geojson, or QGIS: Export ▸ Save Features As with CRS EPSG:4490) and import the result.`,
    zh: (p) => `文件的坐标系为 ${p.crs}，安居无法转换。请先转换到 CGCS2000（ogr2ogr -t_srs EPSG:4490 out.geojson in.geojson，或在 QGIS 中“导出 ▸ 要素另存为”并选择 EPSG:4490）后再导入。`,
  },

  'geojson.invalid-json': {
    en: (p) =>
      p.atEnd
        ? `The file is not valid JSON: it ends in the middle, at line ${p.line}, column ${p.column}. It was probably cut off during copy or download; copy or export it again.`
        : `The file is not valid JSON: reading stopped at line ${p.line}, column ${p.column}. Fix the JSON there (often a missing comma, bracket or quote) or export the layer again.`,
    zh: (p) =>
      p.atEnd
        ? `文件不是有效的 JSON：内容在第 ${p.line} 行第 ${p.column} 列处中断，可能是复制或下载不完整。请重新复制或导出。`
        : `文件不是有效的 JSON：在第 ${p.line} 行第 ${p.column} 列处无法继续解析。请修正该处（常见为缺少逗号、括号或引号），或重新导出图层。`,
  },
  'geojson.not-geojson': {
    en: (p) => {
      const what = p.type ? `an object of type "${p.type}"` : FOUND_EN[p.found] ?? String(p.found);
      const fix = p.type === 'Topology' ? 'This is TopoJSON: convert it to GeoJSON (mapshaper, or ogr2ogr -f GeoJSON out.geojson in.topojson) and import the result.' : 'Export the layer as GeoJSON (QGIS: Export ▸ Save Features As ▸ GeoJSON) and import that file.';
      return `The file is JSON but not GeoJSON: it holds ${what} where a FeatureCollection, Feature or geometry is expected. ${fix}`;
    },
    zh: (p) => {
      const what = p.type ? `类型为“${p.type}”的对象` : FOUND_ZH[p.found] ?? String(p.found);
      const fix = p.type === 'Topology' ? '这是 TopoJSON 文件，请先转换为 GeoJSON（mapshaper，或 ogr2ogr -f GeoJSON out.geojson in.topojson）再导入。' : '请将图层导出为 GeoJSON（QGIS：导出 ▸ 要素另存为 ▸ GeoJSON）后导入。';
      return `文件是 JSON，但不是 GeoJSON：应为 FeatureCollection、Feature 或几何对象，实际是${what}。${fix}`;
    },
  },
  'geojson.encoding': {
    en: () => 'The file is not UTF-8; it was read as GBK (GB18030). Check that the Chinese names look right; saving the file as UTF-8 avoids the guess.',
    zh: () => '文件不是 UTF-8 编码，已按 GBK（GB18030）读取。请检查中文名称是否正确；将文件另存为 UTF-8 可避免编码猜测。',
  },
  'geojson.not-feature': {
    en: () => 'This entry of "features" is not a Feature object, so it has no geometry or attributes. Export the layer again from QGIS or ogr2ogr.',
    zh: () => '“features” 中的这一项不是 Feature 对象，没有几何和属性。请用 QGIS 或 ogr2ogr 重新导出图层。',
  },
  'geojson.null-geometry': {
    en: () => 'The feature has no geometry (null), so it cannot be placed on the map. Draw or fix its location in QGIS, or leave it out.',
    zh: () => '该要素没有几何（null），无法放到地图上。请在 QGIS 中补画或修正位置，或舍弃该要素。',
  },
  'geojson.empty-geometry': {
    en: (p) => `The feature's ${p.type} has no coordinates, so it cannot be placed on the map. Draw or fix its location in QGIS, or leave it out.`,
    zh: (p) => `该要素的 ${p.type} 几何没有坐标，无法放到地图上。请在 QGIS 中补画或修正位置，或舍弃该要素。`,
  },
  'geojson.invalid-geometry': {
    en: (p) => `The feature's geometry (type "${p.type}") is malformed: its coordinates are not lists of numbers as GeoJSON requires. Fix it in QGIS (Vector ▸ Geometry Tools ▸ Check Validity) or export the layer again.`,
    zh: (p) => `该要素的几何（类型“${p.type}”）格式错误：坐标不是 GeoJSON 要求的数字数组。请在 QGIS 中修复（矢量 ▸ 几何工具 ▸ 检查有效性）或重新导出图层。`,
  },
  'geojson.geometry-collection': {
    en: () => 'The feature is a GeometryCollection, which Anju cannot show in one layer. Split it into points, lines and polygons (QGIS: Vector ▸ Geometry Tools ▸ Multipart to Singleparts) and import those.',
    zh: () => '该要素是 GeometryCollection（几何集合），安居无法在一个图层中显示。请拆分为点、线、面（QGIS：矢量 ▸ 几何工具 ▸ 多部件转单部件）后分别导入。',
  },
  'geojson.mixed-geometry': {
    en: (p) => `The feature is a ${p.found}, but most features of the file are ${FAMILY_EN[p.kept] ?? p.kept}, which are kept. Put the ${p.found} features in a file of their own (ogr2ogr -where "OGR_GEOMETRY='${p.found}'") and import it separately.`,
    zh: (p) => `该要素是 ${p.found}，而文件中大多数要素是${FAMILY_ZH[p.kept] ?? p.kept}，已保留${FAMILY_ZH[p.kept] ?? p.kept}要素。请将 ${p.found} 要素另存为单独的文件（ogr2ogr -where "OGR_GEOMETRY='${p.found}'"）再分别导入。`,
  },

  'fgb.not-flatgeobuf': {
    en: () => 'This file is not FlatGeobuf: it does not start with the FlatGeobuf signature. Export the layer as FlatGeobuf (QGIS: Export ▸ Save Features As ▸ FlatGeobuf, or ogr2ogr -f FlatGeobuf out.fgb in.shp), or import it with its real format.',
    zh: () => '该文件不是 FlatGeobuf：开头没有 FlatGeobuf 标识。请将图层导出为 FlatGeobuf（QGIS：导出 ▸ 要素另存为 ▸ FlatGeobuf，或 ogr2ogr -f FlatGeobuf out.fgb in.shp），或按文件的实际格式导入。',
  },
  'fgb.version': {
    en: (p) => `This FlatGeobuf file uses format version ${p.version}; Anju reads version 3. Convert it with a current GDAL (ogr2ogr -f FlatGeobuf new.fgb old.fgb) and import the result.`,
    zh: (p) => `该 FlatGeobuf 文件为第 ${p.version} 版格式，安居读取第 3 版。请用新版 GDAL 转换（ogr2ogr -f FlatGeobuf new.fgb old.fgb）后再导入。`,
  },
  'fgb.truncated': {
    en: (p) => `The FlatGeobuf file is cut off in its ${p.part}: it is shorter than its header says. The copy or download was probably interrupted; copy or export the file again.`,
    zh: (p) => `FlatGeobuf 文件在${FGB_PART_ZH[p.part] ?? p.part}处不完整：比文件头声明的短，可能是复制或下载中断了。请重新复制或导出。`,
  },
  'fgb.damaged': {
    en: () => 'The FlatGeobuf file is damaged and cannot be read. Export the layer again from its source (QGIS or ogr2ogr) and import the new file.',
    zh: () => 'FlatGeobuf 文件已损坏，无法读取。请从原始数据重新导出（QGIS 或 ogr2ogr）后再导入。',
  },
  'fgb.unsupported-geometry': {
    en: (p) => `${p.feature ? `Feature ${p.feature} is a` : 'The layer holds'} ${p.geometry}${p.feature ? '' : ' geometries'}, which Anju cannot display. Convert the layer to points, lines or polygons (ogr2ogr -nlt CONVERT_TO_LINEAR, or QGIS: Vector ▸ Geometry Tools) and import it again.`,
    zh: (p) => `${p.feature ? `第 ${p.feature} 个要素是` : '该图层的几何类型为'} ${p.geometry}，安居无法显示。请将图层转换为点、线或面（ogr2ogr -nlt CONVERT_TO_LINEAR，或 QGIS：矢量 ▸ 几何工具）后再导入。`,
  },
  'fgb.mixed-geometry': {
    en: (p) => `The layer mixes ${FAMILY_EN[p.kept] ?? p.kept} with a ${p.found} (feature ${p.feature}). Split it into one file per geometry type (ogr2ogr -where "OGR_GEOMETRY='${p.found}'") and import each.`,
    zh: (p) => `该图层混合了${FAMILY_ZH[p.kept] ?? p.kept}和 ${p.found}（第 ${p.feature} 个要素）。请按几何类型拆分为多个文件（ogr2ogr -where "OGR_GEOMETRY='${p.found}'"）后分别导入。`,
  },
} satisfies MessageTable;
