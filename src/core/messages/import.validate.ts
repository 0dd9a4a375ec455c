import type { MessageTable } from './types';

/**
 * Wording of the `validate` import issues: field mapping (`field.*`), row values (`row.*`) and
 * geometry (`geom.*`). `describeIssue` adds "file, row N, field X:" in front, so these say only
 * what is wrong and how to fix it. Field labels come in params as `labelZh` / `labelEn`.
 */
export const validateTemplates = {
  'field.required-unmapped': {
    zh: (p) => `“${p.roleZh}”图层必须有“${p.labelZh}”（${p.field}）字段，但还没有对应到任何列。请在“字段对应”步骤中选择包含该数据的列，或在文件中补上这一列后重新导入。`,
    en: (p) => `A ${p.roleEn} layer needs the field "${p.labelEn}" (${p.field}), but no column is mapped to it. Choose the column that holds it in the field-mapping step, or add such a column to the file and import it again.`,
  },
  'field.unknown-column': {
    zh: (p) => `“${p.labelZh}”对应的列“${p.column}”在文件中不存在。请在“字段对应”步骤中重新选择列。`,
    en: (p) => `"${p.labelEn}" is mapped to the column "${p.column}", which the file does not have. Choose another column in the field-mapping step.`,
  },
  'row.required-missing': {
    zh: (p) => `“${p.labelZh}”是必填项，但这里是空的。请补填，或不导入这一行。`,
    en: (p) => `${p.labelEn} is required, but the cell is empty. Fill it in, or leave this row out of the import.`,
  },
  'row.not-a-number': {
    zh: (p) => `“${p.value}”不是数字，而“${p.labelZh}”必须是数值。请改为纯数字（例如 1234，不带文字）。`,
    en: (p) => `"${p.value}" is not a number, but ${p.labelEn} must be numeric. Enter a plain number such as 1234, without words.`,
  },
  'row.not-integer': {
    zh: (p) => `“${p.labelZh}”必须是整数，这里是 ${p.value}。请改为整数。`,
    en: (p) => `${p.labelEn} must be a whole number, but the value is ${p.value}. Correct it to a whole number.`,
  },
  'row.negative': {
    zh: (p) => `“${p.labelZh}”不能是负数，这里是 ${p.value}。请更正。`,
    en: (p) => `${p.labelEn} cannot be negative, but the value is ${p.value}. Correct the value.`,
  },
  'row.out-of-range': {
    zh: (p) => `“${p.labelZh}”应在 ${p.min} 到 ${p.max} 之间，这里是 ${p.value}。请更正。`,
    en: (p) => `${p.labelEn} must be between ${p.min} and ${p.max}, but the value is ${p.value}. Correct the value.`,
  },
  'row.unknown-category': {
    zh: (p) => `“${p.value}”不是“${p.labelZh}”允许的取值。请在“取值对应”步骤中把它对应到允许的取值之一（${p.allowedZh}），或更正这一格。`,
    en: (p) => `"${p.value}" is not an allowed ${p.labelEn} value. Map it to one of the allowed values (${p.allowedEn}) in the value-mapping step, or correct the cell.`,
  },
  'row.duplicate-id': {
    zh: (p) => `编号“${p.value}”与${p.firstZh}重复，编号必须唯一。请给这一行换一个编号，或删去重复的行。`,
    en: (p) => `The ID "${p.value}" is already used by ${p.firstEn}; IDs must be unique. Give this row its own ID, or remove the duplicate.`,
  },
  'row.exceeds': {
    zh: (p) => `“${p.labelZh}”（${p.value}）大于“${p.otherLabelZh}”（${p.other}）。请核对这两个数；这一行仍按原值导入。`,
    en: (p) => `${p.labelEn} (${p.value}) is more than ${p.otherLabelEn} (${p.other}). Check both numbers; the row is imported as it is.`,
  },
  'row.bad-admin-code': {
    zh: (p) => `“${p.value}”不是 12 位行政区划代码（例如 331127001001），按代码关联时找不到这一行。如有可能请更正。`,
    en: (p) => `"${p.value}" is not a 12-digit administrative code (such as 331127001001), so joins by code will not find this row. Correct it if you can.`,
  },
  'row.admin-code-unknown': {
    zh: (p) => `行政村代码 ${p.value} 与项目中已有自然村的代码都不相符（本图层其他行的代码大多相符）。请核对是否输错或为旧代码；按代码关联时会找不到这一行。`,
    en: (p) => `The administrative code ${p.value} matches none of the project's villages (most other rows' codes do). Check whether it is mistyped or outdated; joins by code will not find this row.`,
  },
  'geom.kind-not-allowed': {
    zh: (p) => `“${p.roleZh}”图层应为${p.allowedZh}要素，但该文件是${p.kindZh}要素。请选择与文件相符的图层类型，或先在 GIS 软件中转换数据。`,
    en: (p) => `A ${p.roleEn} layer must hold ${p.allowedEn}, but this file holds ${p.kindEn}. Choose a layer type that fits the file, or convert the data in your GIS first.`,
  },
  'geom.empty': {
    zh: () => '位置为空或坐标缺失。请补全坐标，或不导入这一行。',
    en: () => 'The location is empty or its coordinates are missing. Fill in the coordinates, or leave this row out of the import.',
  },
  'geom.out-of-range': {
    zh: (p) => `坐标（${p.x}，${p.y}）不是有效的经纬度（经度应在 ±180° 以内，纬度应在 ±90° 以内）。请检查为该文件选择的坐标系，或更正坐标。`,
    en: (p) => `The coordinates (${p.x}, ${p.y}) are not a valid longitude/latitude (longitude within ±180°, latitude within ±90°). Check the coordinate system chosen for the file, or correct the coordinates.`,
  },
  'geom.far-outside': {
    zh: (p) => `位置在项目范围以外 ${p.km} 公里。请检查坐标和为该文件选择的坐标系，或不导入这一行。`,
    en: (p) => `The location is ${p.km} km outside the project area. Check the coordinates and the coordinate system chosen for the file, or leave this row out.`,
  },
  'geom.swapped': {
    zh: (p) => `经度和纬度似乎填反了：（${p.x}，${p.y}）在${p.whereZh}以外，对调后的（${p.y}，${p.x}）却在${p.whereZh}内。请在导入向导中对调经度列和纬度列，再重新导入。`,
    en: (p) => `Longitude and latitude look swapped: (${p.x}, ${p.y}) lies outside ${p.whereEn}, but (${p.y}, ${p.x}) lies inside it. Swap the longitude and latitude columns in the import wizard and import again.`,
  },
  'geom.ring-closed': {
    zh: (p) => `面有 ${p.count} 个边界环未闭合，已把终点连回起点使其闭合。请在地图上核对形状。`,
    en: (p) => `${p.count === 1 ? 'A polygon ring was' : `${p.count} polygon rings were`} not closed; the last point has been joined to the first. Check the shape on the map.`,
  },
  'geom.degenerate-part-removed': {
    zh: (p) => `已删去 ${p.count} 个不足 ${p.min} 个不同顶点（或面积为零）、构不成${p.shapeZh}的部分。请在地图上核对形状。`,
    en: (p) => `${p.count === 1 ? 'A part' : `${p.count} parts`} with fewer than ${p.min} distinct points (or no area), which cannot form a ${p.shapeEn}, ${p.count === 1 ? 'was' : 'were'} removed. Check the shape on the map.`,
  },
  'geom.degenerate': {
    zh: (p) => `该${p.shapeZh}不足 ${p.min} 个不同顶点（或面积为零），没有可用的形状。请在 GIS 软件中重新绘制，或不导入这一行。`,
    en: (p) => `The ${p.shapeEn} has fewer than ${p.min} distinct points (or no area), so it has no usable shape. Redraw it in your GIS, or leave this row out.`,
  },
  'geom.repaired-self-intersection': {
    zh: (p) => `面的边界有 ${p.count} 处自相交，已修复为覆盖同一范围的有效面。请在地图上核对形状。`,
    en: (p) => `The polygon's boundary crossed itself at ${p.count === 1 ? 'one point' : `${p.count} points`}; it has been repaired into valid polygons covering the same area. Check the shape on the map.`,
  },
  'geom.self-intersection': {
    zh: () => '面的边界自相交，无法自动修复。请在 GIS 软件中修复（例如 QGIS 的“修复几何图形”工具），或不导入这一行。',
    en: () => 'The polygon\'s boundary crosses itself and could not be repaired automatically. Fix it in your GIS (for example with QGIS "Fix geometries"), or leave this row out.',
  },
} satisfies MessageTable;
