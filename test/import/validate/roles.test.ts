import { describe, expect, it } from 'vitest';
import { isVectorRole, normalizeHeader, roleSchema, VECTOR_ROLES } from '../../../src/core/import/roles';

const required = (role: Parameters<typeof roleSchema>[0]) => roleSchema(role).fields.filter((f) => f.required).map((f) => f.name);

describe('role schemas', () => {
  it('cover every layer role but the DEM', () => {
    expect([...VECTOR_ROLES].sort()).toEqual(
      ['boundary', 'clinics', 'eco_redline', 'farmland', 'hazards', 'households', 'industrial_parks', 'public_forest', 'rivers', 'roads', 'schools', 'settlements', 'villages', 'water_source'],
    );
    expect(isVectorRole('dem')).toBe(false);
    expect(() => roleSchema('dem')).toThrow('No field schema for role dem');
  });

  it('require the fields DESIGN.md §2 requires, and nothing for context layers', () => {
    expect(required('villages')).toEqual(['id', 'name', 'population']);
    expect(required('households')).toEqual(['id', 'villageId', 'persons']);
    expect(required('hazards')).toEqual(['id', 'type', 'riskLevel']);
    expect(required('settlements')).toEqual(['id', 'name', 'type', 'capacityPersons']);
    for (const role of ['boundary', 'roads', 'rivers', 'schools', 'clinics', 'industrial_parks', 'farmland', 'eco_redline', 'water_source', 'public_forest'] as const) {
      expect(required(role), role).toEqual([]);
    }
  });

  it('allow the geometry kinds of each role', () => {
    const kinds = Object.fromEntries(VECTOR_ROLES.map((role) => [role, roleSchema(role).geometry]));
    expect(kinds).toEqual({
      villages: ['Point', 'Polygon'], households: ['Point'], hazards: ['Point', 'Polygon'], settlements: ['Point', 'Polygon'],
      boundary: ['Polygon', 'LineString'], roads: ['LineString'], rivers: ['LineString', 'Polygon'], schools: ['Point', 'Polygon'],
      clinics: ['Point', 'Polygon'], industrial_parks: ['Polygon', 'Point'], farmland: ['Polygon'], eco_redline: ['Polygon'],
      water_source: ['Polygon'], public_forest: ['Polygon'],
    });
    expect(roleSchema('households').joinField).toBe('villageId');
  });

  it('give category and yes/no fields their allowed values', () => {
    const values = (role: Parameters<typeof roleSchema>[0], name: string) => roleSchema(role).fields.find((f) => f.name === name)?.values;
    expect(values('hazards', 'type')).toEqual(['landslide', 'collapse', 'debris_flow', 'subsidence', 'flood', 'reservoir', 'other']);
    expect(values('hazards', 'riskLevel')).toEqual(['high', 'medium', 'low']);
    expect(values('settlements', 'type')).toEqual(['county_seat', 'central_town', 'central_village', 'relocation_community', 'new_site']);
    expect(values('settlements', 'hasSchool')).toEqual(['true', 'false']);
    expect(values('households', 'houseGrade')).toEqual(['A', 'B', 'C', 'D']);
    expect(values('roads', 'class')).toEqual(['expressway', 'national', 'provincial', 'county', 'township', 'village', 'other']);
    expect(values('villages', 'population')).toBeUndefined();
  });

  it('type counts as non-negative integers with units', () => {
    const population = roleSchema('villages').fields.find((f) => f.name === 'population');
    expect(population).toMatchObject({ type: 'integer', min: 0, units: ['人', '口', '人口'], label: { zh: '人口', en: 'Population' } });
    expect(roleSchema('hazards').fields.find((f) => f.name === 'surveyYear')).toMatchObject({ type: 'integer', min: 1900, max: 2100, pattern: 'year' });
  });

  it('name each field once per role, and no header means two fields of one role', () => {
    for (const role of VECTOR_ROLES) {
      const fields = roleSchema(role).fields;
      expect(new Set(fields.map((f) => f.name)).size, role).toBe(fields.length);
      const owner = new Map<string, string>();
      for (const f of fields) {
        for (const alias of [f.name, f.label.zh, f.label.en, ...f.aliases]) {
          const key = normalizeHeader(alias);
          const other = owner.get(key);
          expect(other === undefined || other === f.name, `${role}: "${alias}" names ${other} and ${f.name}`).toBe(true);
          owner.set(key, f.name);
        }
      }
    }
  });
});
