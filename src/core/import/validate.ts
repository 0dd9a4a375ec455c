/**
 * Validation of an import, in one place: applying the field mapping and checking every row
 * (apply-mapping.ts), checking and repairing geometry (geometry-validation.ts), and the
 * summary, valid subset and rejected-rows report (report.ts).
 */
export { applyMapping, distinctValues } from './apply-mapping';
export type { ApplyMappingInput, ApplyMappingOutput, CategoryMaps } from './apply-mapping';
export { CHINA_BBOX, FAR_OUTSIDE_KM, distanceToBBoxKm, validateGeometry } from './geometry-validation';
export type { ValidateGeometryInput, ValidateGeometryOutput } from './geometry-validation';
export { filterRows, keepMask, rejectedReportCsv, summarizeIssues } from './report';
export type { IssueSummary } from './report';
export { isBlankText, parseNumberText } from './number-text';
