/**
 * Layer roles for the import wizard, in one place: the schema of every role (role-schema.ts),
 * the category vocabularies (categories.ts), and the suggestions the wizard starts from —
 * which role a file is, which column holds each field, which canonical value each category
 * value stands for (field-mapping.ts, suggestions.ts).
 */
export { ID_FIELD, VECTOR_ROLES, isVectorRole, roleField, roleSchema } from './role-schema';
export type { FieldType, RoleField, RoleSchema, ValuePattern, VectorRole } from './role-schema';
export { CATEGORIES, canonicalCategoryValue, categoryLabel, categoryMapping, categoryValues, normalizeCategoryText } from './categories';
export type { Category, CategoryId, CategoryValue } from './categories';
export { describeColumns, normalizeHeader, suggestFieldMapping } from './field-mapping';
export type { ColumnSample, FieldMap } from './field-mapping';
export { suggestCategoryMapping, suggestRole } from './suggestions';
export type { CategoryField } from './suggestions';
