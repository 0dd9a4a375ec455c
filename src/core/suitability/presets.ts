/**
 * The default rule library and the four preset models. Both are editable defaults: a project
 * keeps its own copy of the rules and of every model, and each rule carries the text it comes
 * from so every result can cite what it applied.
 */
import { cited, SOURCES } from '../sources';
import type { Criterion, ExclusionRule, LayerFilter, PresetId, SuitabilityModel } from './model';
import { TOWN_KINDS } from '../vocabulary';

const MAIN_ROADS: LayerFilter = { roles: ['roads'], where: { column: 'class', values: ['county'] } };
/** Every road; also what a candidate region's distance to road is measured to. */
export const ALL_ROADS: LayerFilter = { roles: ['roads'] };
/** The county seat and central towns; also what a candidate region's distance to town is measured to. */
export const TOWN_CENTRES: LayerFilter = { roles: ['settlements'], where: { column: 'type', values: [...TOWN_KINDS] } };
const COMMUNITIES: LayerFilter = { roles: ['settlements'] };

/** The project's rule library when it has none of its own. */
export function defaultRules(): ExclusionRule[] {
  const livestock = cited(
    { zh: '畜禽养殖场选址：饮用水水源、村庄、主要道路、公益林、永久基本农田 500 米范围内不得建场', en: 'Livestock siting: no farm within 500 m of a drinking-water source, a village, a main road, public-welfare forest or permanent basic farmland' },
    SOURCES.nationalHandbook,
  );
  return [
    {
      id: 'hazard',
      name: { zh: '地质灾害隐患区及其缓冲区', en: 'Geological hazard zones and their buffers' },
      target: { kind: 'layers', filter: { roles: ['hazards'] } },
      distanceM: 'hazardBuffer',
      source: {
        zh: `安置点不得位于隐患区内（${SOURCES.zhejiangPractice.zh}）；缓冲距离取每处隐患的威胁半径，否则取隐患排查设置中的缓冲表。`,
        en: `A destination inside a hazard zone is never acceptable (${SOURCES.zhejiangPractice.en}); buffers are each hazard’s threat radius, else the hazard register’s buffer table.`,
      },
    },
    {
      id: 'reservoir',
      name: { zh: '水库淹没区', en: 'Reservoir inundation zone' },
      target: { kind: 'layers', filter: { roles: ['hazards'], where: { column: 'type', values: ['reservoir'] } } },
      distanceM: 0,
      source: cited({ zh: '重点水库区域的村庄须搬出，不能作为安置去向', en: 'Villages in key reservoir areas must move out; the area cannot receive anyone' }, SOURCES.zhejiangPractice),
    },
    {
      id: 'farmland',
      name: { zh: '永久基本农田', en: 'Permanent basic farmland' },
      target: { kind: 'layers', filter: { roles: ['farmland'] } },
      distanceM: 0,
      source: { zh: '《基本农田保护条例》第十七条：禁止在基本农田保护区内建房、建窑、挖砂、采石等破坏基本农田的活动。', en: 'Basic Farmland Protection Regulations, art. 17: no building, kilns, sand digging or quarrying in basic farmland protection areas.' },
    },
    {
      id: 'eco_redline',
      name: { zh: '生态保护红线', en: 'Ecological protection red line' },
      target: { kind: 'layers', filter: { roles: ['eco_redline'] } },
      distanceM: 0,
      source: { zh: '《关于在国土空间规划中统筹划定落实三条控制线的指导意见》（2019）：生态保护红线内原则上禁止开发性、生产性建设活动。', en: 'Guideline on the three control lines in territorial planning (2019): in principle no development or production construction inside the ecological red line.' },
    },
    {
      id: 'water_source',
      name: { zh: '饮用水水源保护区', en: 'Drinking-water source protection zone' },
      target: { kind: 'layers', filter: { roles: ['water_source'] } },
      distanceM: 0,
      source: { zh: '《水污染防治法》第六十五、六十六条：饮用水水源一级、二级保护区内禁止新建排放污染物的建设项目。', en: 'Water Pollution Prevention and Control Law, arts. 65–66: no new projects discharging pollutants in first- and second-level drinking-water source zones.' },
    },
    {
      id: 'steep',
      name: { zh: '坡度大于 25°', en: 'Slope over 25°' },
      target: { kind: 'slopeAbove', degrees: 25 },
      distanceM: 0,
      source: { zh: '《水土保持法》第二十条以 25° 为陡坡开垦上限；建设选址惯例同样避开 25° 以上陡坡。', en: 'Soil and Water Conservation Law, art. 20 takes 25° as the limit for cultivating steep slopes; site selection avoids slopes over 25° likewise.' },
    },
    { id: 'livestock_water', name: { zh: '养殖场：水源地 500 米', en: 'Livestock: 500 m from water sources' }, target: { kind: 'layers', filter: { roles: ['water_source'] } }, distanceM: 500, source: livestock },
    { id: 'livestock_village', name: { zh: '养殖场：村庄 500 米', en: 'Livestock: 500 m from villages' }, target: { kind: 'layers', filter: { roles: ['villages', 'settlements'] } }, distanceM: 500, source: livestock },
    { id: 'livestock_road', name: { zh: '养殖场：主要道路 500 米', en: 'Livestock: 500 m from main roads' }, target: { kind: 'layers', filter: MAIN_ROADS }, distanceM: 500, source: livestock },
    { id: 'livestock_forest', name: { zh: '养殖场：公益林 500 米', en: 'Livestock: 500 m from public-welfare forest' }, target: { kind: 'layers', filter: { roles: ['public_forest'] } }, distanceM: 500, source: livestock },
    { id: 'livestock_farmland', name: { zh: '养殖场：基本农田 500 米', en: 'Livestock: 500 m from basic farmland' }, target: { kind: 'layers', filter: { roles: ['farmland'] } }, distanceM: 500, source: livestock },
  ];
}

function slopeClasses(id = 'slope'): Criterion {
  return {
    id,
    name: { zh: '坡度', en: 'Slope' },
    source: { kind: 'slope' },
    transform: { kind: 'ranges', breaks: [6, 15, 25], scores: [100, 70, 30, 0] },
    weight: 25,
  };
}

function nearness(id: string, name: Criterion['name'], target: LayerFilter, zeroAtM: number, weight: number): Criterion {
  return { id, name, source: { kind: 'distance', target }, transform: { kind: 'linear', from: 0, to: zeroAtM, scoreFrom: 100, scoreTo: 0 }, weight };
}

export const PRESET_IDS: readonly PresetId[] = ['relocation', 'workshop', 'solar', 'livestock'];

/** A fresh copy of a preset model (the planner edits copies, never the preset). */
export function presetModel(preset: PresetId, id: string = preset): SuitabilityModel {
  switch (preset) {
    case 'relocation':
      return {
        id,
        preset,
        name: { zh: '新建安置点选址', en: 'New relocation site' },
        criteria: [
          slopeClasses(),
          { id: 'elevation', name: { zh: '高程', en: 'Elevation' }, source: { kind: 'elevation' }, transform: { kind: 'linear', from: 150, to: 900, scoreFrom: 100, scoreTo: 0 }, weight: 10 },
          nearness('road', { zh: '距县道距离', en: 'Distance to county road' }, MAIN_ROADS, 3000, 20),
          nearness('town', { zh: '距城镇中心距离', en: 'Distance to town centre' }, TOWN_CENTRES, 8000, 20),
          nearness('school', { zh: '距学校距离', en: 'Distance to school' }, { roles: ['schools'] }, 5000, 15),
          nearness('clinic', { zh: '距医疗机构距离', en: 'Distance to clinic' }, { roles: ['clinics'] }, 5000, 10),
        ],
        weighting: { mode: 'direct' },
        ruleIds: ['hazard', 'reservoir', 'farmland', 'eco_redline', 'water_source', 'steep'],
        regions: { threshold: 70, minAreaHa: 2, connectivity: 8 },
      };
    case 'workshop':
      return {
        id,
        preset,
        name: { zh: '来料加工车间选址', en: 'Processing workshop' },
        criteria: [
          nearness('community', { zh: '距安置社区与城镇距离', en: 'Distance to relocation communities and towns' }, COMMUNITIES, 3000, 50),
          nearness('road', { zh: '距道路距离', en: 'Distance to roads' }, { roles: ['roads'], where: { column: 'class', values: ['county', 'township'] } }, 1500, 30),
          { ...slopeClasses(), weight: 20 },
        ],
        weighting: { mode: 'direct' },
        ruleIds: ['hazard', 'reservoir', 'farmland', 'eco_redline', 'water_source', 'steep'],
        regions: { threshold: 70, minAreaHa: 0.5, connectivity: 8 },
      };
    case 'solar':
      return {
        id,
        preset,
        name: { zh: '光伏电站选址', en: 'Solar farm' },
        criteria: [
          // Near(mid 180°, spread 1/8100): 100 facing due south, 50 facing east or west.
          { id: 'aspect', name: { zh: '坡向（朝南）', en: 'Aspect (south-facing)' }, source: { kind: 'aspect' }, transform: { kind: 'near', mid: 180, spread: 1 / 8100 }, weight: 40 },
          { id: 'slope', name: { zh: '坡度', en: 'Slope' }, source: { kind: 'slope' }, transform: { kind: 'ranges', breaks: [10, 20, 25], scores: [100, 80, 40, 0] }, weight: 40 },
          nearness('road', { zh: '距道路距离', en: 'Distance to roads' }, ALL_ROADS, 2000, 20),
        ],
        weighting: { mode: 'direct' },
        ruleIds: ['hazard', 'reservoir', 'farmland', 'eco_redline', 'water_source'],
        regions: { threshold: 70, minAreaHa: 10, connectivity: 8 },
      };
    case 'livestock':
      return {
        id,
        preset,
        name: { zh: '畜禽养殖场选址', en: 'Livestock farm' },
        criteria: [
          { ...slopeClasses(), weight: 40 },
          nearness('road', { zh: '距道路距离（运输）', en: 'Distance to roads (transport)' }, ALL_ROADS, 3000, 30),
          { id: 'village', name: { zh: '距村庄距离（防疫）', en: 'Distance to villages (biosecurity)' }, source: { kind: 'distance', target: { roles: ['villages', 'settlements'] } }, transform: { kind: 'large', mid: 800, spread: 4 }, weight: 30 },
        ],
        weighting: { mode: 'direct' },
        ruleIds: ['livestock_water', 'livestock_village', 'livestock_road', 'livestock_forest', 'livestock_farmland', 'hazard', 'reservoir', 'eco_redline', 'steep'],
        regions: { threshold: 65, minAreaHa: 1, connectivity: 8 },
      };
  }
}
