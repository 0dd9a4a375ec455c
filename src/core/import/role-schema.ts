/**
 * The schema of every vector layer role (DESIGN.md §2): its fields with canonical names (the
 * names the demo county uses), types, required flags, labels, and the header names users'
 * files give them — Chinese, English, pinyin initials (XZQDM, RK…). field-mapping.ts derives
 * from these the 10-byte names a .dbf truncates long names to (`lowIncomeHouseholds` →
 * `LOWINCOMEH`, `threatenedHouseholds` → `threaten_1`).
 */
import type { LayerRole, LocalizedText } from '../manifest';
import type { GeometryKind } from '../types';
import { CATEGORIES, type CategoryId } from './categories';

/** Roles of vector layers (the DEM is a raster and has no fields). */
export type VectorRole = Exclude<LayerRole, 'dem'>;

/** `integer` is a number that must be whole; `category` takes values of a vocabulary (categories.ts). */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'category';

/** Value shapes that identify a column without a known header: 12-digit codes, years. */
export type ValuePattern = 'code12' | 'year';

export interface RoleField {
  /** Canonical column name, as the demo data and the analyses use it. */
  name: string;
  type: FieldType;
  required: boolean;
  label: LocalizedText;
  /** Header names meaning this field, best first (matched ignoring case, width, spaces, `_`). */
  aliases: readonly string[];
  /** Vocabulary of a `category` field. */
  category?: CategoryId;
  /** The canonical values a `category` field allows (`true`/`false` for `boolean`), in vocabulary order. */
  values?: readonly string[];
  /** Smallest allowed value of a numeric field (0 for counts, areas and distances). */
  min?: number;
  /** Largest allowed value of a numeric field. */
  max?: number;
  /** Unit words a number may carry (`56人`, `120 m`) and a header may name in brackets (`人口(人)`). */
  units?: readonly string[];
  /** Value shape used to find the column when no header matches. */
  pattern?: ValuePattern;
}

export interface RoleSchema {
  role: VectorRole;
  label: LocalizedText;
  /** Geometry kinds a layer of this role may hold. */
  geometry: readonly GeometryKind[];
  /** A table without coordinates may be joined to villages through this field. */
  joinField?: string;
  fields: readonly RoleField[];
  /** Warn when `field` is larger than `limit` in a row (more low-income households than households). */
  limits: readonly { field: string; limit: string }[];
}

/** Field name of the identifier every role shares; its values must be unique. */
export const ID_FIELD = 'id';

type Options = Partial<Pick<RoleField, 'category' | 'min' | 'max' | 'units' | 'pattern'>>;

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

function field(name: string, type: FieldType, required: boolean, zh: string, en: string, aliases: string, options: Options = {}): RoleField {
  const values = options.category ? CATEGORIES[options.category].values.map((v) => v.value) : type === 'boolean' ? ['true', 'false'] : undefined;
  return { name, type, required, label: { zh, en }, aliases: words(aliases), ...options, ...(values ? { values } : {}) };
}

const PERSONS = ['人', '口', '人口'];
const COUNT = { min: 0 };
const METERS = { min: 0, units: ['米', 'm'] };
const HECTARES = { min: 0, units: ['公顷', 'ha', 'hm2'] };
const KM2 = { min: 0, units: ['平方公里', '平方千米', 'km2'] };

const id = (required: boolean, extra = ''): RoleField =>
  field('id', 'string', required, '编号', 'ID', `id 编号 编码 ${extra} bh fid objectid 序号`);
const name = (required: boolean, extra = ''): RoleField =>
  field('name', 'string', required, '名称', 'Name', `name 名称 ${extra} mc`);
const township = (): RoleField =>
  field('township', 'string', false, '乡镇', 'Township', '乡镇 乡镇名称 乡镇名 所属乡镇 乡镇街道 乡(镇) 乡镇(街道) 街道 township town xzmc xz');
const county = (): RoleField => field('county', 'string', false, '县', 'County', '县 县名 县区 区县 所属县 县(市、区) 县(市区) county');
const areaHa = (): RoleField => field('areaHa', 'number', false, '面积(公顷)', 'Area (ha)', 'area_ha 面积 area mj', HECTARES);

const SCHEMAS: readonly RoleSchema[] = [
  {
    role: 'villages',
    label: { zh: '自然村', en: 'Natural villages' },
    geometry: ['Point', 'Polygon'],
    fields: [
      id(true, '自然村编号 自然村代码 村庄编号 村庄代码 村编号 zrcbh zrcdm village_id'),
      name(true, '村名 自然村名 自然村名称 自然村 村庄名称 村庄名 村名称 village_name zrcmc cmc'),
      field('adminCode', 'string', false, '行政村代码', 'Admin village code', 'admin_code 行政区划代码 区划代码 村代码 行政村代码 统计用区划代码 统计代码 代码 code adcode xzqdm qhdm cdm', { pattern: 'code12' }),
      field('adminVillage', 'string', false, '行政村', 'Admin village', 'admin_village 行政村 行政村名 行政村名称 所属行政村 xzc xzcmc'),
      field('townshipCode', 'string', false, '乡镇代码', 'Township code', 'township_code 乡镇代码 乡镇编码 乡镇区划代码 xzdm'),
      township(),
      county(),
      field('population', 'integer', true, '人口', 'Population', 'population 人口 户籍人口 常住人口 总人口 人口数 人口总数 户籍人口数 人数 pop popu rk hjrk zrk', { ...COUNT, units: PERSONS }),
      field('households', 'integer', false, '户数', 'Households', 'households 户数 总户数 户籍户数 household hh hs zhs', { ...COUNT, units: ['户'] }),
      field('lowIncomeHouseholds', 'integer', false, '低收入户', 'Low-income households', 'low_income_households 低收入户 低收入户数 低收入农户 低收入农户数 dsrhs', { ...COUNT, units: ['户'] }),
      field('lowIncomePersons', 'integer', false, '低收入人口', 'Low-income persons', 'low_income_persons 低收入人口 低收入人数 低收入人口数 dsrrk', { ...COUNT, units: PERSONS }),
      field('houseGradeC', 'integer', false, 'C级危房', 'C-grade houses', 'house_grade_c C级危房 C级危房数 C级房屋 C级 cjwf', { ...COUNT, units: ['户', '间', '栋', '幢', '处'] }),
      field('houseGradeD', 'integer', false, 'D级危房', 'D-grade houses', 'house_grade_d D级危房 D级危房数 D级房屋 D级 djwf', { ...COUNT, units: ['户', '间', '栋', '幢', '处'] }),
      field('elevationM', 'number', false, '海拔(米)', 'Elevation (m)', 'elevation_m 海拔 高程 海拔高度 elevation elev hb gc', { units: ['米', 'm'] }),
      field('slopeDeg', 'number', false, '坡度(度)', 'Slope (°)', 'slope_deg 坡度 slope pd', { min: 0, max: 90, units: ['度', '°'] }),
    ],
    limits: [
      { field: 'lowIncomeHouseholds', limit: 'households' },
      { field: 'lowIncomePersons', limit: 'population' },
      { field: 'houseGradeC', limit: 'households' },
      { field: 'houseGradeD', limit: 'households' },
    ],
  },
  {
    role: 'households',
    label: { zh: '农户', en: 'Households' },
    geometry: ['Point'],
    joinField: 'villageId',
    fields: [
      id(true, '户编号 户号 农户编号 家庭编号 household_id hh_id hid hbh'),
      field('villageId', 'string', true, '所属自然村编号', 'Village ID', 'village_id 村庄编号 所属自然村编号 自然村编号 自然村代码 村编号 村庄代码 村代码 行政区划代码 代码 code vid cbh zrcbh', { pattern: 'code12' }),
      field('villageName', 'string', false, '所属自然村名称', 'Village name', 'village_name 所属自然村 所属自然村名称 自然村名称 自然村名 自然村 村名 所属村 村庄名称 村庄 village cmc zrcmc'),
      field('headName', 'string', false, '户主', 'Head of household', 'head_name 户主 户主姓名 户主名 姓名 name hzxm xm'),
      field('persons', 'integer', true, '家庭人口', 'Persons', 'persons 人数 家庭人口 家庭人数 家庭人口数 人口 户籍人口 人口数 population pop rs jtrk', { ...COUNT, units: PERSONS }),
      field('lowIncome', 'boolean', false, '低收入户', 'Low-income household', 'low_income 低收入户 是否低收入户 低收入 是否低收入 dsrh'),
      field('houseAreaM2', 'number', false, '住房面积(㎡)', 'House area (m²)', 'house_area_m2 住房面积 房屋面积 建筑面积 住宅面积 面积 area fwmj jzmj', { min: 0, units: ['m2', '平方米', '平米'] }),
      field('houseGrade', 'category', false, '房屋等级', 'House grade', 'house_grade 房屋等级 危房等级 房屋安全等级 鉴定等级 安全等级 等级 fwdj', { category: 'houseGrade' }),
      field('consent', 'boolean', false, '同意搬迁', 'Consents to move', 'consent 搬迁意愿 是否同意搬迁 同意搬迁 是否愿意搬迁 意愿 bqyy'),
    ],
    limits: [],
  },
  {
    role: 'hazards',
    label: { zh: '地质灾害', en: 'Hazards' },
    geometry: ['Point', 'Polygon'],
    fields: [
      id(true, '统一编号 隐患点编号 灾害点编号 野外编号 tybh'),
      name(false, '隐患点名称 灾害点名称 灾害点名 隐患点 隐患名称 zhdmc'),
      field('type', 'category', true, '灾害类型', 'Hazard type', 'type 灾害类型 灾种 类型 隐患类型 灾害种类 hazard_type zhlx lx', { category: 'hazardType' }),
      field('riskLevel', 'category', true, '风险等级', 'Risk level', 'risk_level 险情等级 危险性等级 风险等级 等级 灾情等级 危险等级 xqdj wxxdj fxdj risk level', { category: 'riskLevel' }),
      field('threatRadiusM', 'number', false, '威胁半径(米)', 'Threat radius (m)', 'threat_radius_m 威胁半径 影响半径 威胁范围半径 半径 radius wxbj', METERS),
      field('bufferMeters', 'number', false, '缓冲距离(米)', 'Buffer (m)', 'buffer_meters 缓冲距离 缓冲区距离 缓冲半径 避让距离 buffer hcjl', METERS),
      field('threatenedPersons', 'integer', false, '威胁人数', 'Threatened persons', 'threatened_persons 威胁人数 受威胁人数 威胁人口 受威胁人口 wxrs wxrk', { ...COUNT, units: PERSONS }),
      field('threatenedHouseholds', 'integer', false, '威胁户数', 'Threatened households', 'threatened_households 威胁户数 受威胁户数 wxhs', { ...COUNT, units: ['户'] }),
      field('surveyYear', 'integer', false, '调查年份', 'Survey year', 'survey_year 调查年份 调查年度 年份 年度 year dcnf nf', { min: 1900, max: 2100, units: ['年'], pattern: 'year' }),
      field('villageId', 'string', false, '所属自然村编号', 'Village ID', 'village_id 所属自然村编号 自然村编号 村庄编号 所在村编号'),
    ],
    limits: [],
  },
  {
    role: 'settlements',
    label: { zh: '安置点', en: 'Settlements' },
    geometry: ['Point', 'Polygon'],
    fields: [
      id(true, '安置点编号 azdbh'),
      name(true, '安置点名称 安置点 安置区名称 安置小区名称 azdmc'),
      field('type', 'category', true, '安置点类型', 'Settlement type', 'type 安置点类型 类型 安置类型 安置方式 azlx lx', { category: 'settlementType' }),
      township(),
      field('capacityPersons', 'integer', true, '安置容量(人)', 'Capacity (persons)', 'capacity_persons 容量 可安置人数 安置容量 规划安置人数 设计容量 可容纳人数 capacity cap rl kazrs', { ...COUNT, units: PERSONS }),
      field('usedPersons', 'integer', false, '已安置(人)', 'Used (persons)', 'used_persons 已安置 已用 已安置人数 已入住人数 已用容量 used yazrs', { ...COUNT, units: PERSONS }),
      field('hasSchool', 'boolean', false, '有学校', 'School', 'has_school 有学校 学校 是否有学校 school'),
      field('hasClinic', 'boolean', false, '有卫生院', 'Clinic', 'has_clinic 有卫生院 有医疗机构 有卫生室 卫生院 诊所 是否有卫生院 clinic'),
      field('landCostPerM2', 'number', false, '地价(元/㎡)', 'Land cost (yuan/m²)', 'land_cost_per_m2 地价 土地价格 土地成本 用地成本 land_cost', { min: 0, units: ['元/m2', '元/平方米', '元'] }),
    ],
    limits: [{ field: 'usedPersons', limit: 'capacityPersons' }],
  },
  {
    role: 'boundary',
    label: { zh: '行政区界', en: 'Boundaries' },
    geometry: ['Polygon', 'LineString'],
    fields: [
      id(false),
      name(false, '行政区名称 行政区划名称 区划名称 xzqmc qhmc'),
      field('code', 'string', false, '代码', 'Code', 'code 代码 行政区划代码 区划代码 行政区代码 adcode xzqdm qhdm'),
      field('kind', 'category', false, '类别', 'Kind', 'kind 类别 类型 乡镇类型 行政级别', { category: 'boundaryKind' }),
      county(),
      field('areaKm2', 'number', false, '面积(km²)', 'Area (km²)', 'area_km2 面积 area mj', KM2),
    ],
    limits: [],
  },
  {
    role: 'roads',
    label: { zh: '道路', en: 'Roads' },
    geometry: ['LineString'],
    fields: [
      id(false, '道路编号 路线编号 lxbh'),
      field('class', 'category', false, '等级', 'Class', 'class 道路等级 公路等级 行政等级 等级 类型 road_class fclass highway dldj', { category: 'roadClass' }),
      name(false, '道路名称 路名 路线名称 dlmc lxmc'),
    ],
    limits: [],
  },
  {
    role: 'rivers',
    label: { zh: '河流水系', en: 'Rivers' },
    geometry: ['LineString', 'Polygon'],
    fields: [
      id(false, '河流编号 hlbm'),
      name(false, '河流名称 河名 hlmc'),
      field('order', 'integer', false, '河流级别', 'Stream order', 'order 河流级别 河流等级 级别 等级 strahler hljb', { min: 1, max: 20 }),
      field('areaKm2', 'number', false, '集水面积(km²)', 'Catchment (km²)', 'area_km2 集水面积 流域面积 jsmj', KM2),
      field('main', 'boolean', false, '干流', 'Main river', 'main 干流 是否干流 gl'),
    ],
    limits: [],
  },
  {
    role: 'schools',
    label: { zh: '学校', en: 'Schools' },
    geometry: ['Point', 'Polygon'],
    fields: [
      id(false, '学校编号 学校代码 学校标识码'),
      name(false, '学校名称 校名 xxmc'),
      field('level', 'category', false, '学段', 'Level', 'level 学段 学校类型 办学类型 类型 级别 xd', { category: 'schoolLevel' }),
      township(),
    ],
    limits: [],
  },
  {
    role: 'clinics',
    label: { zh: '医疗机构', en: 'Clinics' },
    geometry: ['Point', 'Polygon'],
    fields: [
      id(false, '机构编号 机构代码'),
      name(false, '机构名称 医疗机构名称 医院名称 jgmc'),
      field('level', 'category', false, '级别', 'Level', 'level 级别 机构类型 机构级别 等级 类型', { category: 'clinicLevel' }),
      township(),
    ],
    limits: [],
  },
  {
    role: 'industrial_parks',
    label: { zh: '产业园区', en: 'Industrial parks' },
    geometry: ['Polygon', 'Point'],
    fields: [id(false), name(false, '园区名称 yqmc'), areaHa()],
    limits: [],
  },
  ...(['farmland', 'eco_redline', 'public_forest'] as const).map((role): RoleSchema => ({
    role,
    label: { farmland: { zh: '永久基本农田', en: 'Basic farmland' }, eco_redline: { zh: '生态保护红线', en: 'Ecological red line' }, public_forest: { zh: '公益林', en: 'Public-welfare forest' } }[role],
    geometry: ['Polygon'],
    fields: [id(false, '图斑编号 tbbh'), name(false, '图斑名称'), areaHa()],
    limits: [],
  })),
  {
    role: 'water_source',
    label: { zh: '饮用水水源保护区', en: 'Water-source protection zone' },
    geometry: ['Polygon'],
    fields: [
      id(false),
      name(false, '保护区名称 水源地名称 bhqmc'),
      field('level', 'category', false, '级别', 'Level', 'level 级别 保护区级别 保护级别 等级 类型 bhqjb', { category: 'waterSourceLevel' }),
      areaHa(),
    ],
    limits: [],
  },
];

const BY_ROLE = new Map(SCHEMAS.map((schema) => [schema.role, schema]));

/** Every vector role, in the order the wizard offers them. */
export const VECTOR_ROLES: readonly VectorRole[] = SCHEMAS.map((schema) => schema.role);

/** True for roles with a field schema (every role but the DEM). */
export function isVectorRole(role: LayerRole): role is VectorRole {
  return BY_ROLE.has(role as VectorRole);
}

/** The schema of a vector role. Asking for the DEM's is a bug (it has no fields) and throws. */
export function roleSchema(role: LayerRole): RoleSchema {
  const schema = BY_ROLE.get(role as VectorRole);
  if (!schema) throw new Error(`No field schema for role ${role}`);
  return schema;
}

/** A role's field by canonical name, or undefined (also for the DEM). */
export function roleField(role: LayerRole, name: string): RoleField | undefined {
  return BY_ROLE.get(role as VectorRole)?.fields.find((f) => f.name === name);
}
