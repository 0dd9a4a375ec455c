import type { MessageTable } from './types';

const BY_ZH: Record<string, string> = { adminCode: '行政区划代码', name: '村名', id: '村编号' };
const BY_EN: Record<string, string> = { adminCode: '12-digit code', name: 'name', id: 'village id' };

/** Wording of the import pipeline itself: file types, joins and the wizard's settings. */
export const pipelineTemplates = {
  'import.unknown-format': {
    zh: (p) => `无法识别“.${p.ext}”格式。可导入：GeoJSON、FlatGeobuf (.fgb)、Shapefile（.zip 或 .shp/.shx/.dbf/.prj 一起拖入）、CSV、Excel (.xlsx)、GeoTIFF (.tif) 和 SRTM (.hgt)。`,
    en: (p) => `".${p.ext}" files cannot be imported. Use GeoJSON, FlatGeobuf (.fgb), Shapefile (a .zip, or .shp/.shx/.dbf/.prj dropped together), CSV, Excel (.xlsx), GeoTIFF (.tif) or SRTM (.hgt).`,
  },
  'import.zip-empty': {
    zh: () => '该 zip 压缩包里没有可导入的数据文件（Shapefile、GeoJSON、FlatGeobuf、CSV、Excel、GeoTIFF 或 SRTM .hgt）。请检查压缩包是否完整，或直接拖入其中的文件。',
    en: () => 'The zip file holds no data file Anju reads (Shapefile, GeoJSON, FlatGeobuf, CSV, Excel, GeoTIFF or SRTM .hgt). Check that it is complete, or drop the files themselves.',
  },
  'import.crashed': {
    zh: (p) => `读取时出现程序错误（${p.detail}）。现有图层未改变。请重试；如果反复出现，请把该文件发给开发人员。`,
    en: (p) => `A program error occurred while reading (${p.detail}). The loaded layers are unchanged. Try again; if it happens again, send the file to the developers.`,
  },
  'import.no-placement': {
    zh: () => '这个表格没有可识别的坐标列：请选择坐标列，或关联到已有村庄。',
    en: () => 'This table has no recognisable coordinate columns: choose them, or join the rows to loaded villages.',
  },
  'import.unknown-crs': {
    zh: (p) => (p.crs ? `无法转换坐标系“${p.crs}”。请在“坐标系”中选择列出的坐标系之一。` : '还没有选择坐标系。请在“坐标系”中选择文件所用的坐标系。'),
    en: (p) => (p.crs ? `The coordinate system "${p.crs}" cannot be converted. Choose one of the listed coordinate systems under "Coordinate system".` : 'No coordinate system is chosen yet. Choose the one the file uses under "Coordinate system".'),
  },
  'import.dem-coverage': {
    zh: (p) => `该 DEM 未覆盖 ${Number(p.outside) + Number(p.voids)} 个自然村（${p.names}${Number(p.more) ? '等' : ''}）：${Number(p.outside)} 个在范围外，${Number(p.voids)} 个落在无高程的空洞处。搬迁分析会把它们列为“数据不足”。如需覆盖，请一起导入相邻的瓦片。`,
    en: (p) => `This DEM leaves ${Number(p.outside) + Number(p.voids)} villages without an elevation (${p.names}${Number(p.more) ? ', …' : ''}): ${p.outside} outside it, ${p.voids} on voids. The relocation analysis will list them as "data missing". To cover them, import the neighbouring tiles together.`,
  },
  'import.required-unmapped': {
    zh: (p) => `请先为以下必填字段选择对应的列：${p.fieldsZh}。文件中没有这一列时，可选“统一值…”为所有行填同一个值。`,
    en: (p) => `Choose the columns for these required fields first: ${p.fieldsEn}. When the file has no such column, choose "One value for all…" to give every row the same value.`,
  },
  'import.nothing-valid': {
    zh: () => '没有可导入的要素：请根据上面的问题修正文件后重新导入。',
    en: () => 'Nothing can be imported: fix the file as the problems above say, then import it again.',
  },
  'import.dem-outside': {
    zh: () => '注意：这个高程数据与项目范围不重叠（可能坐标系选错了，或文件属于别的地区）。',
    en: () => 'Note: this DEM does not overlap the project area (wrong coordinate system, or a file of another area?).',
  },
  // `detail` is the reason the io worker gave, as it gave it: a preview fails this way only on a bug.
  'import.preview-failed': {
    zh: (p) => `预览失败：${p.detail}`,
    en: (p) => `Preview failed: ${p.detail}`,
  },
  'import.generated-ids': {
    zh: (p) => `文件没有编号列，已按行号生成编号（如“${p.example}”）。如有编号列，请在“字段对应”中选择它。`,
    en: (p) => `The file has no id column, so ids were made from the row numbers (e.g. "${p.example}"). If it has one, choose it under "Fields".`,
  },
  'join.blank-key': {
    zh: () => '关联字段为空，无法对应到村庄。请填写村代码或村名。',
    en: () => 'The join field is blank, so the row cannot be placed at a village. Fill in the village code or name.',
  },
  'join.no-match': {
    zh: (p) => `“${p.value}”在已加载的 ${p.villages} 个村庄中找不到相同的${BY_ZH[String(p.by)] ?? p.by}。请核对该值，或先导入包含此村的村庄图层。`,
    en: (p) => `No loaded village (of ${p.villages}) has the ${BY_EN[String(p.by)] ?? p.by} "${p.value}". Check the value, or import a village layer that holds this village first.`,
  },
  'join.ambiguous': {
    zh: (p) => `有多个村庄的${BY_ZH[String(p.by)] ?? p.by}都是“${p.value}”（行政村代码由其下各自然村共用），无法确定对应哪一个。请改用村编号关联，或在表中填写自然村编号。`,
    en: (p) => `Several villages have the ${BY_EN[String(p.by)] ?? p.by} "${p.value}" (natural villages share their administrative village's code), so the row cannot be placed. Join by village id instead, or add the natural village's id to the table.`,
  },
} satisfies MessageTable;
