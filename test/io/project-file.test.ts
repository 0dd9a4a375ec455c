import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { decodeProjectFile, encodeProjectFile, PROJECT_FILE_ENTRY, PROJECT_FILE_VERSION, projectFileName, type ProjectSnapshot } from '../../src/io/project-file';
import type { VectorLayer } from '../../src/core/types';

/** Two points with a number, a text and a boolean column (NaN and null included). */
function points(): VectorLayer {
  return {
    geometry: { kind: 'Point', coords: new Float64Array([119.1, 28.1, 119.2, NaN]), geomOffsets: new Uint32Array(0), partOffsets: new Uint32Array(0), ringOffsets: new Uint32Array(0) },
    table: {
      length: 2,
      columns: [
        { name: 'population', type: 'number', values: new Float64Array([120, NaN]) },
        { name: 'name', type: 'string', values: ['上坑', null] },
        { name: 'hasSchool', type: 'boolean', values: new Uint8Array([1, 255]) },
      ],
    },
    bbox: [119.1, 28.1, 119.2, 28.1],
    crs: 'EPSG:4326',
  };
}

/** One square with a hole. */
function polygon(): VectorLayer {
  return {
    geometry: {
      kind: 'Polygon',
      coords: new Float64Array([0, 0, 4, 0, 4, 4, 0, 4, 0, 0, 1, 1, 2, 1, 2, 2, 1, 1]),
      geomOffsets: new Uint32Array([0, 1]),
      partOffsets: new Uint32Array([0, 2]),
      ringOffsets: new Uint32Array([0, 5, 9]),
    },
    table: { length: 1, columns: [{ name: 'kind', type: 'string', values: ['farmland'] }] },
    bbox: [0, 0, 4, 4],
    crs: 'EPSG:4326',
  };
}

function snapshot(): ProjectSnapshot {
  const id = 'p-test';
  const hits = new Uint32Array([0, 2, 5]);
  return {
    project: { id, name: '测试县', base: null, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_100_000 },
    layers: [
      { projectId: id, layerId: 'user-villages-1', role: 'villages', name: { zh: '自然村', en: 'Villages' }, source: { zh: 'villages.csv', en: 'villages.csv' }, addedAt: 1, data: points() },
      { projectId: id, layerId: 'user-farmland-1', role: 'farmland', name: { zh: '基本农田', en: 'Farmland' }, source: { zh: 'f.shp', en: 'f.shp' }, addedAt: 2, data: { ...polygon(), bbox: [Infinity, Infinity, -Infinity, -Infinity] } },
    ],
    dem: {
      projectId: id,
      fileName: 'dem.tif',
      grid: { width: 3, height: 2, data: new Float32Array([100, 101.5, NaN, -3, 0, 2000]), transform: [440000, 30, 0, 3101500, 0, -30], crs: 'EPSG:4549', nodata: null },
    },
    documents: [
      {
        projectId: id,
        name: 'register',
        schemaVersion: 2,
        revision: 3,
        value: {
          version: 2,
          reviews: { 'villages:v1': [{ status: 'confirmed', note: '已核实', at: 5, signature: 'a|b' }] },
          last: { at: 7, offsets: hits, distance: new Float32Array([0, 12.5, NaN, -0]), level: new Int8Array([-1, 2]), same: hits },
          missing: undefined,
          weird: { $anju: 'not a tag', n: -0, inf: -Infinity },
        },
      },
      { projectId: id, name: 'suitability', schemaVersion: 1, revision: 1, value: { models: [{ id: 'relocation', weights: [0.5, 0.25, 0.25] }], when: new Date(86_400_000), tags: new Set(['a', 'b']), byId: new Map([['x', new Uint16Array([1, 2, 3])]]), big: 12345678901234567890n, raw: new Int16Array([1, -2, 3]).buffer } },
      { projectId: id, name: 'relocation', schemaVersion: 1, revision: 12, value: [1, 'two', null, true, { deep: [[new Float64Array([1.5])]] }] },
    ],
  };
}

function decodeOk(bytes: Uint8Array): ProjectSnapshot {
  const result = decodeProjectFile(bytes);
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value;
}

/** Rewrites a file's entries (decompressed) and zips them again. */
function rezip(bytes: Uint8Array, edit: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(bytes);
  edit(entries);
  return zipSync(entries as Zippable);
}

function header(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(unzipSync(bytes)[PROJECT_FILE_ENTRY])) as Record<string, unknown>;
}

describe('project file', () => {
  it('round-trips a project with typed arrays of several kinds in layers, the DEM and documents', () => {
    const original = snapshot();
    const bytes = encodeProjectFile(original, { exportedAt: new Date('2026-05-01T08:00:00Z') });
    const back = decodeOk(bytes);
    expect(back).toStrictEqual(original);
    // Types survive exactly, not just values.
    const last = (back.documents[0].value as { last: { distance: unknown; level: unknown; offsets: unknown; same: unknown } }).last;
    expect(last.distance).toBeInstanceOf(Float32Array);
    expect(last.level).toBeInstanceOf(Int8Array);
    // One array referenced twice is stored once and comes back as one array.
    expect(last.same).toBe(last.offsets);
    expect(Object.is((back.documents[0].value as { last: { distance: Float32Array } }).last.distance[3], -0)).toBe(true);
    expect(back.layers[1].data.bbox).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
    expect(back.dem!.grid.data).toBeInstanceOf(Float32Array);
    // No typed array goes through the JSON: each is a binary entry.
    const h = header(bytes);
    expect(h).toMatchObject({ format: 'anju-project', formatVersion: PROJECT_FILE_VERSION, exportedAt: '2026-05-01T08:00:00.000Z', project: { id: 'p-test', name: '测试县' } });
    expect(typeof h.appVersion).toBe('string');
    expect(JSON.stringify(h)).not.toMatch(/101\.5|12\.5/);
    expect(Object.keys(unzipSync(bytes)).filter((n) => n.startsWith('bin/')).length).toBe(17);
  });

  it('sets every record to the project id', () => {
    const original = snapshot();
    original.layers[0].projectId = 'stale';
    original.documents[0].projectId = 'other';
    const back = decodeOk(encodeProjectFile(original));
    expect(new Set([...back.layers, ...back.documents, back.dem!].map((r) => r.projectId))).toEqual(new Set(['p-test']));
  });

  it('round-trips an empty demo-based project', () => {
    const empty: ProjectSnapshot = { project: { id: 'demo', name: '示范县', base: 'demo', createdAt: 1, updatedAt: 1 }, layers: [], dem: null, documents: [] };
    expect(decodeOk(encodeProjectFile(empty))).toStrictEqual(empty);
  });

  it('refuses a file made by a newer Anju and says to update', () => {
    const bytes = rezip(encodeProjectFile(snapshot()), (e) => {
      const h = JSON.parse(new TextDecoder().decode(e[PROJECT_FILE_ENTRY]));
      e[PROJECT_FILE_ENTRY] = strToU8(JSON.stringify({ ...h, formatVersion: 99, appVersion: '9.0.0' }));
    });
    const result = decodeProjectFile(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result).toEqual({ ok: false, error: { code: 'newer-version', message: expect.anything() } });
    expect(result.error.message.zh).toContain('更新版本');
    expect(result.error.message.zh).toContain('99');
    expect(result.error.message.en).toMatch(/newer Anju.*Update Anju/s);
  });

  it('refuses a file that is not a zip', () => {
    const result = decodeProjectFile(strToU8('{"type":"FeatureCollection","features":[]}'));
    expect(result).toEqual({ ok: false, error: { code: 'not-zip', message: { zh: expect.stringContaining('不是 Anju 项目文件'), en: expect.stringContaining('not an Anju project file') } } });
    expect(decodeProjectFile(new Uint8Array(0))).toMatchObject({ ok: false, error: { code: 'not-zip' } });
  });

  it('refuses a zip that is not an Anju project', () => {
    const shapefile = zipSync({ 'villages.shp': new Uint8Array(100), 'villages.dbf': new Uint8Array(10) });
    expect(decodeProjectFile(shapefile)).toMatchObject({ ok: false, error: { code: 'not-anju', message: { en: expect.stringContaining('anju-project.json') } } });
    const other = zipSync({ [PROJECT_FILE_ENTRY]: strToU8(JSON.stringify({ format: 'something-else', formatVersion: 1 })) });
    expect(decodeProjectFile(other)).toMatchObject({ ok: false, error: { code: 'not-anju' } });
  });

  it('refuses a truncated zip as damaged', () => {
    const bytes = encodeProjectFile(snapshot());
    const result = decodeProjectFile(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(result).toMatchObject({ ok: false, error: { code: 'damaged', message: { zh: expect.stringContaining('重新'), en: expect.stringContaining('Export the project file again') } } });
  });

  it('refuses corrupt bytes inside an entry, naming it', () => {
    const original = snapshot();
    original.dem!.grid.data = new Float32Array(10_000).map((_, i) => Math.sin(i / 50) * 800);
    original.dem!.grid.width = 100;
    original.dem!.grid.height = 100;
    const bytes = encodeProjectFile(original).slice();
    // Flip bytes in the middle of the file (the DEM's deflated data).
    for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i] ^= 0x5a;
    const result = decodeProjectFile(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('damaged');
    expect(result.error.message.en).toMatch(/entry “bin\/\d+\.bin”/);
  });

  it('refuses a missing or short binary entry, naming it', () => {
    const bytes = encodeProjectFile(snapshot());
    const ref = (JSON.stringify(header(bytes)).match(/"entry":"(bin\/\d+\.bin)"/) ?? [])[1]!;
    const missing = decodeProjectFile(rezip(bytes, (e) => delete e[ref]));
    expect(missing).toMatchObject({ ok: false, error: { code: 'damaged', message: { zh: expect.stringContaining(`「${ref}」缺失`), en: expect.stringContaining(`“${ref}” is missing`) } } });
    const short = decodeProjectFile(rezip(bytes, (e) => (e[ref] = e[ref].subarray(0, e[ref].length - 3))));
    expect(short).toMatchObject({ ok: false, error: { code: 'damaged', message: { zh: expect.stringContaining(`「${ref}」不完整`), en: expect.stringContaining(`“${ref}” has the wrong size`) } } });
    const changed = decodeProjectFile(rezip(bytes, (e) => (e[ref] = e[ref].map((b) => b ^ 1))));
    expect(changed).toMatchObject({ ok: false, error: { code: 'damaged', message: { en: expect.stringContaining('checksum') } } });
  });

  it('refuses bad JSON and an invalid record, naming the entry', () => {
    const bytes = encodeProjectFile(snapshot());
    const badJson = decodeProjectFile(rezip(bytes, (e) => (e[PROJECT_FILE_ENTRY] = e[PROJECT_FILE_ENTRY].subarray(0, 40))));
    expect(badJson).toMatchObject({ ok: false, error: { code: 'damaged', message: { zh: expect.stringContaining('「anju-project.json」不是有效的 JSON'), en: expect.stringContaining('not valid JSON') } } });
    const noCoords = rezip(bytes, (e) => {
      const h = JSON.parse(new TextDecoder().decode(e[PROJECT_FILE_ENTRY]));
      h.layers[0].data.geometry.coords = [1, 2];
      e[PROJECT_FILE_ENTRY] = strToU8(JSON.stringify(h));
    });
    expect(decodeProjectFile(noCoords)).toMatchObject({ ok: false, error: { code: 'damaged', message: { en: expect.stringContaining('layers[0].data.geometry.coords should be a Float64Array') } } });
  });

  it('returns nothing of a refused file', () => {
    const result = decodeProjectFile(strToU8('PK not really'));
    expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  });

  it('names files by project and local date', () => {
    expect(projectFileName('示范县（合成示范数据）', new Date(2026, 0, 9, 23, 30))).toBe('示范县（合成示范数据）-2026-01-09.anju');
    expect(projectFileName('a/b:c', new Date(2026, 11, 31))).toBe('a_b_c-2026-12-31.anju');
  });
});
