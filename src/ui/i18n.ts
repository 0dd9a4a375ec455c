import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { importStrings } from './i18n.import';
import { registerStrings } from './i18n.register';
import { suitabilityStrings } from './i18n.suitability';
import { relocationStrings } from './i18n.relocation';
import { scenarioStrings } from './i18n.scenarios';
import { briefingStrings } from './i18n.briefing';
import { DESTINATION_KIND, HAZARD_RISK_LEVELS, HAZARD_TYPE, LAYER_ROLE, labelTable, RISK_LEVEL, type Lang } from '../core/vocabulary';

export type Language = 'zh' | 'en';
const STORAGE_KEY = 'anju.language';

/** Labels of the domain codes a value can hold (`value.landslide`, `value.high`…), from the vocabulary. */
function vocabularyValues(lang: Lang) {
  return { ...labelTable(HAZARD_TYPE, lang), ...labelTable(RISK_LEVEL, lang, HAZARD_RISK_LEVELS), ...labelTable(DESTINATION_KIND, lang) };
}

/** UI strings. Simplified Chinese is the default; English is switchable (remembered). */
const resources = {
  zh: {
    translation: {
      app: { title: '安居', subtitle: '搬迁与选址规划', synthetic: '合成示范数据' },
      loading: { manifest: '读取项目清单…', dem: '读取高程数据…', layers: '读取图层…', done: '完成', failed: '加载失败' },
      panel: { layers: '图层', legend: '图例', zoomTo: '缩放至图层', table: '属性表', opacity: '透明度', up: '上移', down: '下移', source: '来源', features: '{{count}} 个要素', basemap: '底图', hillshade: '晕渲', contours: '等高线' },
      settings: { title: '设置', language: '语言', online: '在线底图', none: '无（离线）', osm: 'OpenStreetMap', tianditu: '天地图', tiandituKey: '天地图密钥 (tk)', terrain: '三维地形', close: '关闭', onlineNote: '在线底图需要网络，无网络时仅显示离线底图。' },
      table: { title: '属性表', filter: '筛选', allColumns: '全部字段', contains: '包含', rows: '第 {{from}}–{{to}} 行，共 {{total}} 行', none: '共 0 行', close: '关闭', prev: '上一页', next: '下一页', zoom: '点击行缩放至要素', needNumber: '“{{field}}”是数值字段：请输入数字，如 300' },
      popup: { close: '关闭', zoom: '缩放' },
      notice: { onlineUnreachable: '在线底图无法访问（可能没有网络或密钥无效），离线底图照常可用。' },
      measure: { distance: '测距', area: '测面', clear: '清除', hint: '单击添加点，双击结束', length: '长度', areaLabel: '面积' },
      status: { lng: '经度', lat: '纬度', elevation: '高程', crs: 'CGCS2000' },
      legend: {
        lowIncome: '低收入户占比', population: '圆大小 = 人口', key: '占比 >40% 为重点村',
        riskSize: '圆大小 = 风险等级', capacity: '圆大小 = 安置容量',
      },
      role: labelTable(LAYER_ROLE, 'zh'),
      value: {
        ...vocabularyValues('zh'),
        true: '是', false: '否',
        class: { county: '县道', township: '乡道', village: '村道' },
        kind: { town: '镇', township: '乡', subdistrict: '街道' },
        level: {
          primary: '小学', junior_high: '初中', senior_high: '高中',
          village_clinic: '村卫生室', township_health_center: '乡镇卫生院', county_hospital: '县级医院',
          first: '一级保护区', second: '二级保护区',
        },
      },
      field: {
        id: '编号', name: '名称', adminCode: '行政村代码', adminVillage: '行政村', townshipCode: '乡镇代码', township: '乡镇', county: '县',
        population: '人口', households: '户数', lowIncomeHouseholds: '低收入户', lowIncomePersons: '低收入人口', houseGradeC: 'C级危房', houseGradeD: 'D级危房',
        elevationM: '海拔(米)', slopeDeg: '坡度(度)', type: '类型', riskLevel: '风险等级', threatRadiusM: '威胁半径(米)', threatenedPersons: '威胁人数',
        threatenedHouseholds: '威胁户数', surveyYear: '调查年份', villageId: '所属自然村编号', capacityPersons: '安置容量(人)', usedPersons: '已安置(人)',
        hasSchool: '有学校', hasClinic: '有卫生院', landCostPerM2: '地价(元/㎡)', class: '等级', order: '河流级别', main: '干流',
        level: '级别', areaHa: '面积(公顷)', code: '代码', seatName: '驻地', kind: '类别', areaKm2: '面积(km²)',
        lowIncomeShare: '低收入户占比', villageName: '所属自然村名称', keyVillage: '重点村(>40%)', hazardCheck: '隐患核查',
        rivers: { areaKm2: '集水面积(km²)' },
      },
      error: {
        title: '无法打开项目', retry: '重试',
      },
    },
  },
  en: {
    translation: {
      app: { title: 'Anju', subtitle: 'Relocation & siting planner', synthetic: 'synthetic demo data' },
      loading: { manifest: 'Reading project manifest…', dem: 'Reading elevation…', layers: 'Reading layers…', done: 'Done', failed: 'Loading failed' },
      panel: { layers: 'Layers', legend: 'Legend', zoomTo: 'Zoom to layer', table: 'Attribute table', opacity: 'Opacity', up: 'Move up', down: 'Move down', source: 'Source', features: '{{count}} features', basemap: 'Basemap', hillshade: 'Hillshade', contours: 'Contours' },
      settings: { title: 'Settings', language: 'Language', online: 'Online basemap', none: 'None (offline)', osm: 'OpenStreetMap', tianditu: 'Tianditu', tiandituKey: 'Tianditu key (tk)', terrain: '3D terrain', close: 'Close', onlineNote: 'Online basemaps need a network; without one only the offline basemap shows.' },
      table: { title: 'Attribute table', filter: 'Filter', allColumns: 'All fields', contains: 'contains', rows: 'rows {{from}}–{{to}} of {{total}}', none: '0 rows', close: 'Close', prev: 'Previous', next: 'Next', zoom: 'Click a row to zoom to it', needNumber: '“{{field}}” is numeric: type a number, e.g. 300' },
      popup: { close: 'Close', zoom: 'Zoom' },
      notice: { onlineUnreachable: 'The online basemap cannot be reached (no network, or an invalid key); the offline basemap works as usual.' },
      measure: { distance: 'Distance', area: 'Area', clear: 'Clear', hint: 'Click to add points, double-click to finish', length: 'Length', areaLabel: 'Area' },
      status: { lng: 'Lng', lat: 'Lat', elevation: 'Elevation', crs: 'CGCS2000' },
      legend: {
        lowIncome: 'Low-income household share', population: 'Circle size = population', key: 'share >40% = key village',
        riskSize: 'Circle size = risk level', capacity: 'Circle size = capacity',
      },
      role: labelTable(LAYER_ROLE, 'en'),
      value: {
        ...vocabularyValues('en'),
        true: 'Yes', false: 'No',
        class: { county: 'County road', township: 'Township road', village: 'Village road' },
        kind: { town: 'Town', township: 'Township', subdistrict: 'Subdistrict' },
        level: {
          primary: 'Primary school', junior_high: 'Junior high school', senior_high: 'Senior high school',
          village_clinic: 'Village clinic', township_health_center: 'Township health centre', county_hospital: 'County hospital',
          first: 'First-level zone', second: 'Second-level zone',
        },
      },
      field: {
        id: 'ID', name: 'Name', adminCode: 'Admin village code', adminVillage: 'Admin village', townshipCode: 'Township code', township: 'Township', county: 'County',
        population: 'Population', households: 'Households', lowIncomeHouseholds: 'Low-income households', lowIncomePersons: 'Low-income persons', houseGradeC: 'C-grade houses', houseGradeD: 'D-grade houses',
        elevationM: 'Elevation (m)', slopeDeg: 'Slope (°)', type: 'Type', riskLevel: 'Risk level', threatRadiusM: 'Threat radius (m)', threatenedPersons: 'Threatened persons',
        threatenedHouseholds: 'Threatened households', surveyYear: 'Survey year', villageId: 'Village ID', capacityPersons: 'Capacity (persons)', usedPersons: 'Used (persons)',
        hasSchool: 'School', hasClinic: 'Clinic', landCostPerM2: 'Land cost (yuan/m²)', class: 'Class', order: 'Stream order', main: 'Main river',
        level: 'Level', areaHa: 'Area (ha)', code: 'Code', seatName: 'Seat', kind: 'Kind', areaKm2: 'Area (km²)',
        lowIncomeShare: 'Low-income share', villageName: 'Village name', keyVillage: 'Key village (>40%)', hazardCheck: 'Hazard check',
        rivers: { areaKm2: 'Catchment (km²)' },
      },
      error: {
        title: 'The project could not be opened', retry: 'Retry',
      },
    },
  },
} as const;

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // Storage may be disabled; fall back to Chinese.
  }
  return 'zh';
}

const startLanguage = initialLanguage();
document.documentElement.lang = startLanguage === 'zh' ? 'zh-CN' : 'en';
void i18next.use(initReactI18next).init({
  resources: {
    zh: { translation: { ...resources.zh.translation, ...importStrings.zh, ...registerStrings.zh, ...suitabilityStrings.zh, ...relocationStrings.zh, ...scenarioStrings.zh, ...briefingStrings.zh } },
    en: { translation: { ...resources.en.translation, ...importStrings.en, ...registerStrings.en, ...suitabilityStrings.en, ...relocationStrings.en, ...scenarioStrings.en, ...briefingStrings.en } },
  },
  lng: startLanguage,
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});

/** Switches the UI language and remembers the choice. */
export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered when storage is disabled; the switch still applies.
  }
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'zh';
}

/** A translation that is a string (not a nested group), or null. */
function text(key: string): string | null {
  if (!i18next.exists(key)) return null;
  const v = i18next.t(key, { returnObjects: true });
  return typeof v === 'string' ? v : null;
}

/**
 * Label of a field in the current language: a role-specific label first (a river's
 * `areaKm2` is its catchment), then the general one, else the raw name.
 */
export function fieldLabel(name: string, role?: string): string {
  return (role && text(`field.${role}.${name}`)) || text(`field.${name}`) || name;
}

/**
 * Label of a value: category codes are translated, field-specific first (`township` is
 * 乡道 as a road class but 乡 as a township kind); numbers are formatted.
 */
export function valueLabel(value: string | number | boolean | null, field?: string): string {
  if (value === null) return '—';
  if (typeof value === 'number') {
    if (field?.endsWith('Share')) return `${(value * 100).toFixed(1)}%`;
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
  const code = String(value);
  return (field && text(`value.${field}.${code}`)) || text(`value.${code}`) || code;
}

/**
 * Category codes of `field` whose label matches what the user typed (`contains`: the
 * label contains it; otherwise equal), so filters work on the words the user sees.
 */
export function codesForLabel(field: string | null, typed: string, contains: boolean): string[] {
  const needle = typed.trim().toLowerCase();
  if (!needle) return [];
  const groups = [i18next.t('value', { returnObjects: true }) as Record<string, unknown>];
  const specific = field ? (groups[0][field] as Record<string, unknown> | undefined) : undefined;
  const scopes: Record<string, unknown>[] = specific && typeof specific === 'object' ? [specific, groups[0]] : [groups[0]];
  if (!field) for (const v of Object.values(groups[0])) if (v && typeof v === 'object') scopes.push(v as Record<string, unknown>);
  const codes = new Set<string>();
  for (const scope of scopes) {
    for (const [code, label] of Object.entries(scope)) {
      if (typeof label !== 'string') continue;
      const l = label.toLowerCase();
      if (contains ? l.includes(needle) : l === needle) codes.add(code);
    }
  }
  return [...codes];
}

export default i18next;
