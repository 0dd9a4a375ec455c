import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  codeOf, colorOf, colorsByNumber, DESTINATION_KIND, EXPOSURE_STATUS, HAZARD_TYPE, hazardRiskLevel, label, labelTable, numberOf, RISK_LEVEL,
  VILLAGE_STATUS, VOCABULARIES, type Rgba,
} from '../../src/core/vocabulary';

const ROOT = join(import.meta.dirname, '../..');
const VOCABULARY_FILE = 'src/core/vocabulary.ts';

/**
 * Vocabularies whose codes are not everyday words: any literal naming two of their codes is a
 * second list. The others (`high`, `near`, `must`, `roads`…) are words other code uses in
 * other senses, so a literal counts as a list of them when it names at least half the codes.
 */
const DISTINCTIVE = new Set(['hazardType', 'destinationKind']);

/**
 * Literals that name codes in another sense, found by file and declaration path (`*` matches
 * one segment). Each says why; an entry that no longer matches anything fails the test.
 */
const ALLOWED: { file: string; path: string; why: string }[] = [
  { file: 'src/core/import/coordinates.ts', path: '*.confidence', why: "a CRS guess's confidence, not a risk level" },
  { file: 'src/ui/layers/use-layers.ts', path: 'DEFAULT_ORDER', why: 'layer ids of the demo project in drawing order, not roles' },
  { file: 'src/ui/suitability/CriterionEditor.tsx', path: 'TARGET_ROLES', why: 'the roles a distance criterion can measure to, most useful first' },
  { file: 'src/ui/i18n.register.ts', path: 'registerStrings.*.register.legend', why: 'legend sentences about ring widths keyed by exposure status' },
  { file: 'src/ui/i18n.scenarios.ts', path: 'scenarioStrings.*.scen.sites', why: "messages of a drawn site's hazard check" },
  { file: 'src/ui/i18n.suitability.ts', path: 'suitabilityStrings.*.suit.regions', why: "messages of a candidate region's hazard check" },
  { file: 'src/ui/i18n.suitability.ts', path: 'suitabilityStrings.*.suit.legend', why: 'low and high suitability scores, not risk levels' },
];

interface Finding {
  file: string;
  line: number;
  path: string;
  vocabulary: string;
  codes: string[];
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

function nameOf(node: ts.Node): string | null {
  const name = (node as { name?: ts.Node }).name;
  if (!name) return null;
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return null;
}

/** Dotted names of the declarations and properties around a node, outermost first. */
function pathOf(node: ts.Node): string {
  const names: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isSourceFile(n)) break;
    const name = nameOf(n);
    if (name !== null && !ts.isParameter(n)) names.unshift(name);
  }
  return names.join('.');
}

function pathMatches(pattern: string, path: string): boolean {
  const p = pattern.split('.');
  const q = path.split('.');
  return p.length === q.length && p.every((s, k) => s === '*' || s === q[k]);
}

/** Type names keyed by a vocabulary: the vocabulary's own, and aliases defined with them. */
function vocabularyTypeNames(files: ts.SourceFile[]): Set<string> {
  const names = new Set<string>();
  const vocabulary = files.find((f) => relative(ROOT, f.fileName) === VOCABULARY_FILE)!;
  for (const s of vocabulary.statements) if (ts.isTypeAliasDeclaration(s)) names.add(s.name.text);
  const aliases = files.flatMap((f) => f.statements.filter(ts.isTypeAliasDeclaration));
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of aliases) {
      if (!names.has(a.name.text) && mentions(a.type, names)) {
        names.add(a.name.text);
        grew = true;
      }
    }
  }
  return names;
}

function mentions(type: ts.Node, names: Set<string>): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && names.has(n.typeName.text)) found = true;
    if (!found) ts.forEachChild(n, visit);
  };
  visit(type);
  return found;
}

/**
 * Whether an object literal's keys are checked by the compiler against a vocabulary's type:
 * it, or an object literal it is nested in, is declared, returned or `satisfies` with a type
 * that names one (`Record<HazardType, …>`).
 */
function keyedByVocabulary(node: ts.Node, typeNames: Set<string>): boolean {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if ((ts.isSatisfiesExpression(p) || ts.isAsExpression(p)) && mentions(p.type, typeNames)) return true;
    if ((ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p)) && p.type && mentions(p.type, typeNames)) return true;
    if (ts.isArrowFunction(p) && p.body === n && p.type && mentions(p.type, typeNames)) return true;
    if (ts.isReturnStatement(p)) {
      const fn = ts.findAncestor(p, ts.isFunctionLike);
      return !!fn?.type && mentions(fn.type, typeNames);
    }
    const passThrough = ts.isObjectLiteralExpression(p) || ts.isPropertyAssignment(p) || ts.isParenthesizedExpression(p) || ts.isSatisfiesExpression(p) || ts.isAsExpression(p);
    if (!passThrough) return false;
  }
  return false;
}

/** Every array literal, object key set and string-literal union naming codes of one vocabulary. */
function scan(): Finding[] {
  const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'workers'))].map((f) =>
    ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS),
  );
  const typeNames = vocabularyTypeNames(files);
  const findings: Finding[] = [];
  for (const sf of files) {
    const file = relative(ROOT, sf.fileName);
    if (file === VOCABULARY_FILE) continue;
    const visit = (node: ts.Node) => {
      let words: string[] | null = null;
      if (ts.isArrayLiteralExpression(node)) {
        words = node.elements.filter(ts.isStringLiteralLike).map((e) => e.text);
      } else if (ts.isObjectLiteralExpression(node) && !keyedByVocabulary(node, typeNames)) {
        words = node.properties.map(nameOf).filter((n): n is string => n !== null);
      } else if (ts.isUnionTypeNode(node)) {
        words = node.types.flatMap((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text] : []));
      }
      if (words) {
        for (const vocab of VOCABULARIES) {
          const codes = [...new Set(words.filter((w) => vocab.byCode.has(w)))];
          const needed = DISTINCTIVE.has(vocab.name) ? 2 : Math.max(2, Math.ceil(vocab.codes.length / 2));
          if (codes.length >= needed) {
            findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, path: pathOf(node), vocabulary: vocab.name, codes });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return findings;
}

describe('one list per vocabulary', () => {
  const findings = scan();
  const allowed = (f: Finding) => ALLOWED.some((a) => a.file === f.file && pathMatches(a.path, f.path));

  it('names no two codes of a vocabulary in a literal outside src/core/vocabulary.ts', () => {
    const offending = findings.filter((f) => !allowed(f)).map((f) => `${f.file}:${f.line} (${f.path || 'top level'}) ${f.vocabulary}: ${f.codes.join(', ')}`);
    expect(offending, 'Import the codes, labels and colours from src/core/vocabulary.ts instead').toEqual([]);
  });

  it('keeps no stale exceptions', () => {
    const unused = ALLOWED.filter((a) => !findings.some((f) => f.file === a.file && pathMatches(a.path, f.path)));
    expect(unused).toEqual([]);
  });
});

describe('vocabulary tables', () => {
  const isRgba = (c: Rgba | undefined) => !!c && c.length === 4 && c.every((v) => Number.isInteger(v) && v >= 0 && v <= 255);

  it('gives each code and each numeric code once, and both labels', () => {
    for (const vocab of VOCABULARIES) {
      const nums = vocab.entries.map((e) => e.num);
      expect(new Set(nums).size, vocab.name).toBe(nums.length);
      expect(new Set(vocab.codes).size, vocab.name).toBe(vocab.codes.length);
      expect(new Set(vocab.entries.map((e) => e.order)).size, vocab.name).toBe(nums.length);
      for (const e of vocab.entries) {
        expect(nums.every((n) => Number.isInteger(n) && n >= 0 && n < 256), vocab.name).toBe(true);
        expect(e.label.zh.trim(), `${vocab.name}.${e.code}`).not.toBe('');
        expect(e.label.en.trim(), `${vocab.name}.${e.code}`).not.toBe('');
      }
    }
  });

  it('gives a colour to every code the map draws', () => {
    for (const e of HAZARD_TYPE.entries) {
      expect(isRgba(e.color), e.code).toBe(true);
      expect(e.zone.color, e.code).toMatch(/^#[0-9a-f]{6}$/);
    }
    for (const vocab of [DESTINATION_KIND, VILLAGE_STATUS]) for (const e of vocab.entries) expect(isRgba(e.color), e.code).toBe(true);
    for (const e of RISK_LEVEL.entries) expect(isRgba(e.color), e.code).toBe(e.code !== 'none');
  });

  it('keeps the stored numbers: hazard types as in register snapshots, risk levels none 0 … high 3', () => {
    expect(Object.fromEntries(HAZARD_TYPE.entries.map((e) => [e.code, e.num]))).toEqual({ landslide: 0, collapse: 1, debris_flow: 2, subsidence: 3, flood: 4, reservoir: 5, other: 6 });
    expect(Object.fromEntries(RISK_LEVEL.entries.map((e) => [e.code, e.num]))).toEqual({ high: 3, medium: 2, low: 1, none: 0 });
    expect(Object.fromEntries(EXPOSURE_STATUS.entries.map((e) => [e.code, e.num]))).toEqual({ inside: 2, near: 1, clear: 0 });
  });
});

describe('lookups', () => {
  it('labels codes and numbers in both languages, unknown codes as they are', () => {
    expect(label(HAZARD_TYPE, 'debris_flow', 'zh')).toBe('泥石流');
    expect(label(HAZARD_TYPE, 2, 'en')).toBe('Debris flow');
    expect(label(RISK_LEVEL, 3, 'zh')).toBe('高');
    expect(label(HAZARD_TYPE, 'mudslide', 'zh')).toBe('mudslide');
  });

  it('converts between codes and numbers', () => {
    expect(numberOf(RISK_LEVEL, ' High ')).toBe(3);
    expect(numberOf(RISK_LEVEL, '')).toBe(-1);
    expect(numberOf(HAZARD_TYPE, null)).toBe(-1);
    expect(codeOf(RISK_LEVEL, 2)).toBe('medium');
    expect(codeOf(RISK_LEVEL, 9)).toBeUndefined();
    expect([0, 1, 2, 3, 4].map(hazardRiskLevel)).toEqual(['low', 'low', 'medium', 'high', 'high']);
  });

  it('indexes palettes by number and builds label tables', () => {
    const grey: Rgba = [1, 2, 3, 4];
    const byNumber = colorsByNumber(RISK_LEVEL, grey);
    expect(byNumber[0]).toBe(grey);
    expect(byNumber[3]).toEqual(colorOf(RISK_LEVEL, 'high'));
    expect(labelTable(VILLAGE_STATUS, 'zh', ['must', 'stay'])).toEqual({ must: '必须搬迁', stay: '不搬迁' });
  });
});
