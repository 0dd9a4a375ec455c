import { describe, expect, it } from 'vitest';
import { describeColumns, roleSchema, suggestFieldMapping, suggestRole, VECTOR_ROLES, type ColumnSample, type VectorRole } from '../../../src/core/import/roles';
import { guessRole } from '../../../src/core/import/suggestions';
import { dbfFieldNames, fixture } from './helpers';

/** Columns with only names (and no values), as a header row gives them. */
const headers = (...names: string[]): ColumnSample[] => names.map((name) => ({ name, type: 'string', sample: [] }));

/** Only the fields that got a column. */
function mapped(role: VectorRole, columns: ColumnSample[]): Record<string, string> {
  return Object.fromEntries(Object.entries(suggestFieldMapping(role, columns)).filter(([, c]) => c !== null)) as Record<string, string>;
}

describe('suggestFieldMapping by header', () => {
  it('returns every field of the role, null when no column fits', () => {
    expect(suggestFieldMapping('roads', headers('名称'))).toEqual({ id: null, class: null, name: '名称' });
    expect(suggestFieldMapping('dem', headers('elevation'))).toEqual({});
  });

  it('knows Chinese village-table headers', () => {
    expect(mapped('villages', headers('序', '村庄编号', '自然村名称', '行政区划代码', '乡镇名称', '户籍人口', '总户数', '低收入户数', '低收入人口', '海拔'))).toEqual({
      id: '村庄编号', name: '自然村名称', adminCode: '行政区划代码', township: '乡镇名称', population: '户籍人口',
      households: '总户数', lowIncomeHouseholds: '低收入户数', lowIncomePersons: '低收入人口', elevationM: '海拔',
    });
  });

  it('knows English, pinyin-initial and snake_case headers, ignoring case, width, spaces and underscores', () => {
    expect(mapped('villages', headers('ID', 'NAME', 'POP', 'HH', 'XZQDM'))).toEqual({ id: 'ID', name: 'NAME', population: 'POP', households: 'HH', adminCode: 'XZQDM' });
    expect(mapped('villages', headers('Ｐｏｐｕｌａｔｉｏｎ', ' 户 数 ', 'LOW_INCOME_HOUSEHOLDS', 'low-income persons'))).toEqual({
      population: 'Ｐｏｐｕｌａｔｉｏｎ', households: ' 户 数 ', lowIncomeHouseholds: 'LOW_INCOME_HOUSEHOLDS', lowIncomePersons: 'low-income persons',
    });
    expect(mapped('hazards', headers('TYBH', 'ZHLX', 'XQDJ', 'WXRS', 'WXHS', 'DCNF'))).toEqual({
      id: 'TYBH', type: 'ZHLX', riskLevel: 'XQDJ', threatenedPersons: 'WXRS', threatenedHouseholds: 'WXHS', surveyYear: 'DCNF',
    });
    expect(mapped('hazards', headers('编号', '灾种', '危险性等级', '受威胁人数', '威胁半径', '调查年份'))).toEqual({
      id: '编号', type: '灾种', riskLevel: '危险性等级', threatenedPersons: '受威胁人数', threatRadiusM: '威胁半径', surveyYear: '调查年份',
    });
    expect(mapped('settlements', headers('安置点名称', '安置点类型', '可安置人数', '已安置', '有学校', '有卫生院'))).toEqual({
      name: '安置点名称', type: '安置点类型', capacityPersons: '可安置人数', usedPersons: '已安置', hasSchool: '有学校', hasClinic: '有卫生院',
    });
    expect(mapped('households', headers('户编号', '村庄编号', '户主', '家庭人口', '是否低收入户', '危房等级'))).toEqual({
      id: '户编号', villageId: '村庄编号', headName: '户主', persons: '家庭人口', lowIncome: '是否低收入户', houseGrade: '危房等级',
    });
  });

  it('reads bracketed units that fit the field, and refuses ones that do not', () => {
    expect(mapped('villages', headers('人口(人)', '户数（户）'))).toEqual({ population: '人口(人)', households: '户数（户）' });
    expect(mapped('villages', headers('人口(万人)'))).toEqual({});
    expect(mapped('hazards', headers('威胁半径(m)', '缓冲距离【米】'))).toEqual({ threatRadiusM: '威胁半径(m)', bufferMeters: '缓冲距离【米】' });
    expect(mapped('farmland', headers('面积(亩)'))).toEqual({});
    expect(mapped('farmland', headers('面积(公顷)'))).toEqual({ areaHa: '面积(公顷)' });
    expect(mapped('villages', headers('名称(2023年)'))).toEqual({ name: '名称(2023年)' });
  });

  it('prefers the stronger alias, then schema order, and never uses a column twice', () => {
    expect(mapped('villages', headers('自然村名称', '名称'))).toEqual({ name: '名称' });
    expect(mapped('households', headers('姓名', '户主'))).toEqual({ headName: '户主' });
    expect(mapped('households', headers('人口'))).toEqual({ persons: '人口' });
    for (const role of VECTOR_ROLES) {
      const all = roleSchema(role).fields.flatMap((f) => [f.name, ...f.aliases]);
      const map = mapped(role, headers(...new Set(all)));
      expect(new Set(Object.values(map)).size, role).toBe(Object.values(map).length);
      expect(Object.keys(map).length, role).toBe(roleSchema(role).fields.length);
    }
  });
});

describe('suggestFieldMapping of .dbf names truncated to 10 bytes', () => {
  it('maps GDAL-truncated English names, de-duplicated ones included', () => {
    const names = dbfFieldNames(fixture('hazards_long_names.dbf'), 'utf-8');
    expect(names).toEqual(['id', 'name', 'type', 'riskLevel', 'threatRadi', 'bufferMete', 'threatened', 'threaten_1', 'surveyYear', 'villageId']);
    expect(suggestFieldMapping('hazards', headers(...names))).toEqual({
      id: 'id', name: 'name', type: 'type', riskLevel: 'riskLevel', threatRadiusM: 'threatRadi', bufferMeters: 'bufferMete',
      threatenedPersons: 'threatened', threatenedHouseholds: 'threaten_1', surveyYear: 'surveyYear', villageId: 'villageId',
    });
  });

  it('maps truncated village and settlement names, also upper-cased as ArcGIS writes them', () => {
    const villages = dbfFieldNames(fixture('villages_long_names.dbf'), 'utf-8');
    expect(villages).toEqual(['id', 'name', 'adminCode', 'adminVilla', 'townshipCo', 'population', 'households', 'lowIncomeH', 'lowIncomeP', 'houseGrade', 'houseGra_1', 'elevationM']);
    const expected = {
      id: 'id', name: 'name', adminCode: 'adminCode', adminVillage: 'adminVilla', townshipCode: 'townshipCo', population: 'population', households: 'households',
      lowIncomeHouseholds: 'lowIncomeH', lowIncomePersons: 'lowIncomeP', houseGradeC: 'houseGrade', houseGradeD: 'houseGra_1', elevationM: 'elevationM',
    };
    expect(mapped('villages', headers(...villages))).toEqual(expected);
    const upper = Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v.toUpperCase()]));
    expect(mapped('villages', headers(...villages.map((n) => n.toUpperCase())))).toEqual(upper);
    const settlements = dbfFieldNames(fixture('settlements_long_names.dbf'), 'utf-8');
    expect(mapped('settlements', headers(...settlements))).toEqual({
      id: 'id', name: 'name', type: 'type', capacityPersons: 'capacityPe', usedPersons: 'usedPerson', hasSchool: 'hasSchool', hasClinic: 'hasClinic', landCostPerM2: 'landCostPe',
    });
  });

  it('maps Chinese names a GBK .dbf truncated to 5 characters', () => {
    const names = dbfFieldNames(fixture('villages_gbk_long_names.dbf'), 'gbk');
    expect(names).toEqual(['自然村编号', '自然村名称', '统计用区划', '户籍人口数', '低收入农户', '低收入人口']);
    expect(mapped('villages', headers(...names))).toEqual({
      id: '自然村编号', name: '自然村名称', adminCode: '统计用区划', population: '户籍人口数', lowIncomeHouseholds: '低收入农户', lowIncomePersons: '低收入人口',
    });
  });
});

describe('suggestFieldMapping by values', () => {
  const column = (name: string, sample: ColumnSample['sample'], type: ColumnSample['type'] = 'string'): ColumnSample => ({ name, type, sample });

  it('finds 12-digit codes, years and category values in columns with unknown headers', () => {
    const columns = [
      column('A', ['HP1', 'HP2']),
      column('B', ['滑坡', '泥石流', '崩塌', null, '']),
      column('C', ['大', '中', '小']),
      column('D', [2019, 2021, 2023], 'number'),
      column('E', ['331127001001', '331127001002']),
    ];
    expect(mapped('hazards', columns)).toEqual({ type: 'B', riskLevel: 'C', surveyYear: 'D' });
    expect(mapped('villages', [column('X', [331127001001, 331127001002], 'number'), column('Y', ['2021年'])])).toEqual({ adminCode: 'X' });
    expect(mapped('households', [column('F1', ['331127001001 ', '331127001002'])])).toEqual({ villageId: 'F1' });
    expect(mapped('hazards', [column('Y', ['2021年', '2020年'])])).toEqual({ surveyYear: 'Y' });
  });

  it('needs most values to fit and leaves columns already taken by header', () => {
    expect(mapped('hazards', [column('B', ['滑坡', '地震', '海啸', '泥石流'])])).toEqual({});
    expect(mapped('hazards', [column('B', ['滑坡', '滑坡', '滑坡', '滑坡', '海啸'])])).toEqual({});
    expect(mapped('hazards', [column('B', ['滑坡', '泥石流', '崩塌', '山洪', '海啸'])])).toEqual({ type: 'B' });
    expect(mapped('hazards', [column('调查年份', ['2020']), column('Z', [2019, 2020], 'number')])).toEqual({ surveyYear: '调查年份' });
    expect(mapped('hazards', [column('Z', [1949, 2020], 'number')])).toEqual({});
    expect(mapped('villages', [column('X', ['33112700100', '331127001002'])])).toEqual({});
  });
});

describe('describeColumns', () => {
  it('samples the first values of every column, blanks as null', () => {
    const table = {
      length: 3,
      columns: [
        { name: 'n', type: 'number' as const, values: Float64Array.of(1, NaN, 3) },
        { name: 's', type: 'string' as const, values: ['a', null, 'c'] },
        { name: 'b', type: 'boolean' as const, values: Uint8Array.of(1, 255, 0) },
      ],
    };
    expect(describeColumns(table, 2)).toEqual([
      { name: 'n', type: 'number', sample: [1, null] },
      { name: 's', type: 'string', sample: ['a', null] },
      { name: 'b', type: 'boolean', sample: [true, null] },
    ]);
  });
});

describe('suggestRole', () => {
  it('guesses from the file name', () => {
    expect(suggestRole('地质灾害隐患点.shp', [])).toBe('hazards');
    expect(suggestRole('某县自然村.xlsx', [])).toBe('villages');
    expect(suggestRole('搬迁农户花名册.xlsx', [])).toBe('households');
    expect(suggestRole('永久基本农田.zip', [])).toBe('farmland');
    expect(suggestRole('生态保护红线.shp', [])).toBe('eco_redline');
    expect(suggestRole('饮用水水源保护区.geojson', [])).toBe('water_source');
    expect(suggestRole('roads_osm.fgb', [])).toBe('roads');
    expect(suggestRole('data.csv', [])).toBeNull();
  });

  it('guesses from the columns when the name says nothing', () => {
    expect(suggestRole('data.csv', headers('户编号', '村庄编号', '家庭人口'))).toBe('households');
    expect(suggestRole('data.csv', headers('名称', '人口', '户数', '低收入户'))).toBe('villages');
    expect(suggestRole('data.csv', headers('名称', '灾害类型', '险情等级'))).toBe('hazards');
    expect(suggestRole('data.csv', headers('名称', '可安置人数', '已安置'))).toBe('settlements');
  });

  it('leaves out roles the geometry rules out, and says why it guessed', () => {
    // Township seats as points were proposed as boundaries (乡镇 is a boundary word).
    expect(suggestRole('乡镇驻地.shp', headers('名称'), 'Point')).toBe('settlements');
    expect(suggestRole('乡镇.shp', headers('名称'), 'Polygon')).toBe('boundary');
    expect(suggestRole('乡镇道路.shp', [], 'LineString')).toBe('roads');
    // A polygon layer is never households (points only).
    expect(suggestRole('data.shp', headers('户编号', '村庄编号', '家庭人口'), 'Polygon')).not.toBe('households');
    expect(guessRole('安置点.shp', headers('名称', '可安置人数'), 'Point')).toEqual({ role: 'settlements', word: '安置', fields: ['capacityPersons'], geometry: 'Point' });
  });
});
