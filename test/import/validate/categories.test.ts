import { describe, expect, it } from 'vitest';
import { canonicalCategoryValue, roleField, suggestCategoryMapping, type CategoryId } from '../../../src/core/import/roles';

/** Asserts every user value maps to the expected canonical value (null = unknown). */
function expectMapping(category: CategoryId, cases: Record<string, string | null>) {
  expect(suggestCategoryMapping(category, Object.keys(cases))).toEqual(cases);
}

describe('suggestCategoryMapping', () => {
  it('maps hazard types written in Chinese and English', () => {
    expectMapping('hazardType', {
      滑坡: 'landslide', 山体滑坡: 'landslide', 滑坡隐患点: 'landslide', landslide: 'landslide', Landslide: 'landslide',
      崩塌: 'collapse', 危岩: 'collapse', 泥石流: 'debris_flow', 'Debris flow': 'debris_flow', debris_flow: 'debris_flow',
      地面塌陷: 'subsidence', 塌陷: 'subsidence', 岩溶塌陷: 'subsidence',
      洪水: 'flood', 洪涝: 'flood', 山洪: 'flood', 水库: 'reservoir', 水库淹没区: 'reservoir',
      不稳定斜坡: 'other', 其他: 'other', 其它: 'other',
      山崩: null, 地震: null, '': null, 水库滑坡: null,
    });
  });

  it('maps risk levels of every common scale to high / medium / low', () => {
    expectMapping('riskLevel', {
      大: 'high', 中: 'medium', 小: 'low', 高: 'high', 低: 'low',
      特大: 'high', 重大: 'high', 特大型: 'high', 大型: 'high', 中型: 'medium', 小型: 'low',
      一级: 'high', 二级: 'medium', 三级: 'low',
      H: 'high', M: 'medium', L: 'low', high: 'high', Medium: 'medium', LOW: 'low',
      I: 'high', II: 'medium', III: 'low', 'Ⅲ': 'low', 'III级': 'low',
      高风险: 'high', 'High risk': 'high', 中等: 'medium',
      '1': null, '2': null, 较高: null, 未知: null,
    });
  });

  it('maps settlement types', () => {
    expectMapping('settlementType', {
      县城: 'county_seat', 中心镇: 'central_town', 集镇: 'central_town', 中心村: 'central_village',
      安置小区: 'relocation_community', 搬迁安置小区: 'relocation_community', 平坑下山移民安置小区: 'relocation_community',
      新建点: 'new_site', 新选址: 'new_site', new_site: 'new_site', 'New site': 'new_site',
      自然村: null,
    });
  });

  it('maps yes/no values', () => {
    expectMapping('boolean', {
      是: 'true', 否: 'false', 有: 'true', 无: 'false', Y: 'true', N: 'false', y: 'true', '1': 'true', '0': 'false',
      true: 'true', FALSE: 'false', Yes: 'true', no: 'false', '√': 'true', '×': 'false',
      不同意: 'false', 同意: 'true', 也许: null,
    });
  });

  it('maps house grades A–D with their suffixes', () => {
    expectMapping('houseGrade', { A: 'A', b: 'B', C级: 'C', 'D级危房': 'D', 'Ｄ': 'D', A类: 'A', E: null });
  });

  it('maps road classes, including the demo values, Chinese names, route letters and OSM fclass', () => {
    expectMapping('roadClass', {
      county: 'county', township: 'township', village: 'village',
      国道: 'national', 省道: 'provincial', 县道: 'county', 乡道: 'township', 村道: 'village', 高速公路: 'expressway',
      G: 'national', S: 'provincial', X: 'county', Y: 'township', C: 'village', '县道X123': 'county', 乡村道路: 'village',
      motorway: 'expressway', trunk: 'national', primary_link: 'provincial', secondary: 'county', tertiary: 'township', residential: 'village', track: 'village',
      footway: null,
    });
  });

  it('maps school, clinic, water-source and boundary vocabularies', () => {
    expectMapping('schoolLevel', { 小学: 'primary', 中心小学: 'primary', 初中: 'junior_high', 高中: 'senior_high', 九年一贯制: 'junior_high', 幼儿园: null });
    expectMapping('clinicLevel', { 村卫生室: 'village_clinic', 乡镇卫生院: 'township_health_center', 中心卫生院: 'township_health_center', 县人民医院: 'county_hospital', 药店: null });
    expectMapping('waterSourceLevel', { 一级保护区: 'first', 二级: 'second', 准保护区: 'quasi', first: 'first', 三级: null });
    expectMapping('boundaryKind', { 镇: 'town', 乡: 'township', 街道: 'subdistrict', subdistrict: 'subdistrict', 村: null });
  });

  it('takes a role field, a vocabulary id, or a role and field name', () => {
    const type = roleField('hazards', 'type');
    expect(type).toBeDefined();
    expect(suggestCategoryMapping(type!, ['滑坡', '山崩'])).toEqual({ 滑坡: 'landslide', 山崩: null });
    expect(suggestCategoryMapping('settlements', 'type', ['县城'])).toEqual({ 县城: 'county_seat' });
    expect(suggestCategoryMapping('settlements', 'hasSchool', ['有', '无'])).toEqual({ 有: 'true', 无: 'false' });
    expect(suggestCategoryMapping('settlements', 'capacityPersons', ['500'])).toBeNull();
    expect(suggestCategoryMapping('villages', 'nonexistent', ['a'])).toBeNull();
    expect(suggestCategoryMapping(roleField('villages', 'name')!, ['a'])).toEqual({ a: null });
  });

  it('ignores case, width and spaces', () => {
    expect(canonicalCategoryValue('hazardType', ' DEBRIS  FLOW ')).toBe('debris_flow');
    expect(canonicalCategoryValue('riskLevel', 'ｈｉｇｈ')).toBe('high');
  });
});
