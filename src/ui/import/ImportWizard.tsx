import { useEffect, useMemo, useRef, useState } from 'react';
import { downloadBlob } from '../download';
import { useTranslation } from 'react-i18next';
import type { LayerRole } from '../../core/manifest';
import type { ImportIssue } from '../../core/import/types';
import { describeIssue } from '../../core/import/describe-issue';
import { roleSchema } from '../../core/import/roles';
import type { ImportPreview, ImportSettings, SourceSummary } from '../../../workers/import.types';
import type { VillageKey } from '../../../workers/data.types';
import type { ImportClient } from '../../../workers/import.client';
import { currentLanguage } from '../i18n';
import { useMessageText } from '../message';
import { message, type Message, type Outcome } from '../../core/messages';
import { CrsPicker, IMPORT_ROLES } from './CrsPicker';
import { FieldMapping } from './FieldMapping';

export interface ImportTarget {
  /** Villages are loaded in the project, so tables can be joined to them. */
  hasVillages: boolean;
  /** The project has a DEM, which a DEM import would replace. */
  hasDem: boolean;
  /** The project's extent, to warn about a DEM that does not cover it. */
  projectBBox: [number, number, number, number] | null;
  /** Runs the preview with the project's villages and extent; a message when the settings cannot make one. */
  preview(client: ImportClient, sourceId: string, settings: ImportSettings): Promise<Outcome<ImportPreview>>;
  /** Adds the previewed layer to the project; resolves with its feature count. */
  commit(client: ImportClient, source: SourceSummary, settings: ImportSettings, name: string): Promise<void>;
  /** Uses a DEM source as the project's DEM; resolves with null, or the message saying why it cannot. */
  commitDem(client: ImportClient, source: SourceSummary, crs: string): Promise<Message | null>;
  /** Shows or clears the preview layer on the map. */
  showPreview(preview: ImportPreview | null): void;
  /** The project's villages (name and position), to check a DEM's coverage of them. */
  villages(): Promise<VillageKey[]>;
}

interface Props {
  client: ImportClient;
  source: SourceSummary;
  position: { k: number; n: number };
  target: ImportTarget;
  onDone(message: string | null): void;
}

const ISSUES_SHOWN = 60;

/** `villages` for `villages.csv`, `村庄` for `成果.zip/成果/村庄.shp` (a layer inside a zip). */
function baseName(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[^.]+$/, '');
}

/** The column a table without coordinates is most likely joined by: a code column, else a name. */
function joinColumn(source: SourceSummary): { column: string; by: 'adminCode' | 'name' | 'id' } {
  const code = source.columns.find((c) => c.sample.some((v) => /^\d{12}$/.test(String(v))) || /代码|编码|code/i.test(c.name));
  if (code) return { column: code.name, by: 'adminCode' };
  const name = source.columns.find((c) => /村名|村庄|自然村|village/i.test(c.name));
  return { column: (name ?? source.columns[0]).name, by: 'name' };
}

function initialSettings(source: SourceSummary, hasVillages: boolean): ImportSettings {
  // A table without coordinate columns can only be placed by joining it to the villages.
  const join = source.tabular && !source.coordinateColumns && hasVillages && source.columns.length > 0 ? joinColumn(source) : null;
  return {
    role: source.suggestedRole ?? 'villages',
    crs: source.crs ?? source.crsGuess?.crs ?? null,
    offset: 'none',
    coordinates: source.coordinateColumns && source.crsGuess?.swapped ? { x: source.coordinateColumns.y, y: source.coordinateColumns.x } : source.coordinateColumns,
    join,
    fieldMap: {},
    categoryMaps: {},
  };
}

/** Downloads text as a file (the rejected-rows report). */
function download(name: string, text: string) {
  downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}

/**
 * One source through the wizard: role, name, coordinate system, positions (for tables),
 * field and value mapping, a checked preview on the map and in a table, then import.
 */
export function ImportWizard({ client, source, position, target, onDone }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const say = useMessageText();
  const [settings, setSettings] = useState<ImportSettings>(() => initialSettings(source, target.hasVillages));
  const [name, setName] = useState(() => baseName(source.fileName));
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [suggestedFor, setSuggestedFor] = useState<LayerRole | null>(null);
  const seq = useRef(0);
  const schema = source.kind === 'vector' ? roleSchema(settings.role) : null;
  // A missing id is generated from row numbers in the io worker.
  const missingRequired = schema ? schema.fields.filter((f) => f.required && f.name !== 'id' && !settings.fieldMap[f.name] && !settings.constants?.[f.name]) : [];
  const placed = source.tabular ? Boolean(settings.coordinates || settings.join) : true;
  const ready = source.kind === 'vector' && (settings.crs !== null || settings.join !== null) && placed && missingRequired.length === 0 && suggestedFor === settings.role;
  const [demExtent, setDemExtent] = useState<{ crs: string; bbox: [number, number, number, number] | null } | null>(null);
  const demOutside =
    source.kind === 'raster' && demExtent?.crs === settings.crs && demExtent.bbox !== null && target.projectBBox !== null && !overlaps(demExtent.bbox, target.projectBBox);

  // Where a DEM lies in the chosen CRS, to warn when it misses the project.
  useEffect(() => {
    if (source.kind !== 'raster' || !settings.crs) return;
    const crs = settings.crs;
    let live = true;
    void client.rasterExtent(source.sourceId, crs).then((bbox) => {
      if (live) setDemExtent({ crs, bbox });
    });
    return () => {
      live = false;
    };
  }, [client, source, settings.crs]);

  // Which of the project's villages the DEM leaves without an elevation.
  const [coverage, setCoverage] = useState<{ crs: string; outside: string[]; voids: string[] } | null>(null);
  useEffect(() => {
    if (source.kind !== 'raster' || !settings.crs || !target.hasVillages) return;
    const crs = settings.crs;
    let live = true;
    void target
      .villages()
      .then((villages) => client.demCoverage(source.sourceId, crs, villages))
      .then((c) => {
        if (live) setCoverage({ crs, outside: c.outside, voids: c.voids });
      });
    return () => {
      live = false;
    };
  }, [client, source, settings.crs, target]);
  const shownCoverage = coverage && coverage.crs === settings.crs && (coverage.outside.length > 0 || coverage.voids.length > 0) ? coverage : null;

  // Field suggestions whenever the role changes.
  useEffect(() => {
    if (source.kind !== 'vector') return;
    let live = true;
    void client.suggest(source.sourceId, settings.role).then((s) => {
      if (!live) return;
      setSettings((old) => ({ ...old, fieldMap: s.fieldMap, categoryMaps: s.categoryMaps }));
      setSuggestedFor(settings.role);
    });
    return () => {
      live = false;
    };
  }, [client, source, settings.role]);

  // A fresh preview (in the io worker) whenever the settings are complete and change.
  useEffect(() => {
    if (!ready) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      setBusy(true);
      target.preview(client, source.sourceId, settings).then(
        (outcome) => {
          if (mine !== seq.current) return;
          if (!outcome.ok) {
            setError(say(outcome.error));
            setBusy(false);
            return;
          }
          const p = outcome.value;
          setPreview(p);
          setError(null);
          setBusy(false);
          target.showPreview(p);
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setError(say(message('import.preview-failed', { detail: e instanceof Error ? e.message : String(e) })));
          setBusy(false);
        },
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [ready, settings, client, source, target, t, say]);

  const update = (patch: Partial<ImportSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const shownPreview = ready ? preview : null;
  const issues: ImportIssue[] = shownPreview?.issues ?? source.issues;
  const describe = (i: ImportIssue) => describeIssue(i, lang, source.tabular);

  const add = async () => {
    setBusy(true);
    try {
      if (source.kind === 'raster') {
        if (target.hasDem && !window.confirm(t('import.confirmReplaceDem'))) {
          setBusy(false);
          return;
        }
        const refused = await target.commitDem(client, source, settings.crs!);
        if (refused) {
          setError(say(refused));
          setBusy(false);
          return;
        }
        onDone(t('import.demAdded', { name }));
      } else {
        await target.commit(client, source, settings, name);
        onDone(t('import.added', { name, count: shownPreview?.valid ?? 0 }));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  const format = source.format.toUpperCase();
  const columnNames = useMemo(() => source.columns.map((c) => c.name), [source]);

  return (
    <section className="panel import-wizard" aria-label={t('import.title', { file: source.fileName })} data-testid="import-wizard">
      <header>
        <h2>{t('import.title', { file: source.fileName })}</h2>
        {position.n > 1 && <span className="muted">{t('import.of', position)}</span>}
      </header>
      <p className="muted" data-testid="import-summary">
        {source.raster
          ? t('import.summaryRaster', { width: source.raster.width, height: source.raster.height, min: Math.round(source.raster.min), max: Math.round(source.raster.max) })
          : t('import.summary', { format, count: source.featureCount })}
      </p>

      {source.kind === 'vector' && (
        <>
          <div className="form-grid">
            <label>
              {t('import.role')}
              <select value={settings.role} onChange={(e) => update({ role: e.target.value as LayerRole })} data-testid="import-role">
                {IMPORT_ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
              </select>
            </label>
            <label>
              {t('import.name')}
              <input value={name} onChange={(e) => setName(e.target.value)} data-testid="import-name" />
            </label>
          </div>
          {source.roleReason && settings.role === source.suggestedRole && (
            <p className="muted" data-testid="import-role-why">
              {t('import.roleWhy')}
              {[
                source.roleReason.word ? t('import.roleWord', { word: source.roleReason.word }) : null,
                source.geometryKind ? t('import.roleGeometry', { kind: t(`import.kind${source.geometryKind}`) }) : null,
                source.roleReason.fields.length > 0 ? t('import.roleFields', { fields: source.roleReason.fields.map((f) => roleSchema(settings.role).fields.find((x) => x.name === f)?.label[lang] ?? f).join(lang === 'zh' ? '、' : ', ') }) : null,
              ].filter(Boolean).join(lang === 'zh' ? '；' : '; ')}
            </p>
          )}
        </>
      )}

      {source.tabular && (
        <fieldset>
          <legend>{t('import.placement')}</legend>
          <label className="inline">
            <input type="radio" checked={!settings.join} onChange={() => update({ join: null, coordinates: source.coordinateColumns ?? { x: columnNames[0], y: columnNames[1] ?? columnNames[0] } })} />
            {t('import.byColumns')}
          </label>
          <label className="inline">
            <input type="radio" checked={Boolean(settings.join)} disabled={!target.hasVillages} onChange={() => update({ coordinates: null, join: { column: columnNames[0], by: 'adminCode' } })} data-testid="import-join" />
            {t('import.byJoin')}
          </label>
          {!target.hasVillages && <p className="muted">{t('import.noVillages')}</p>}
          {settings.coordinates && (
            <div className="form-grid">
              <label>{t('import.xColumn')}<ColumnSelect columns={columnNames} value={settings.coordinates.x} onChange={(x) => update({ coordinates: { ...settings.coordinates!, x } })} /></label>
              <label>{t('import.yColumn')}<ColumnSelect columns={columnNames} value={settings.coordinates.y} onChange={(y) => update({ coordinates: { ...settings.coordinates!, y } })} /></label>
              <button type="button" onClick={() => update({ coordinates: { x: settings.coordinates!.y, y: settings.coordinates!.x } })}>{t('import.swap')}</button>
            </div>
          )}
          {settings.join && (
            <div className="form-grid">
              <label>{t('import.joinColumn')}<ColumnSelect columns={columnNames} value={settings.join.column} onChange={(column) => update({ join: { ...settings.join!, column } })} testId="import-join-column" /></label>
              <label>
                {t('import.joinBy')}
                <select value={settings.join.by} onChange={(e) => update({ join: { ...settings.join!, by: e.target.value as 'adminCode' | 'name' | 'id' } })} data-testid="import-join-by">
                  {(['adminCode', 'name', 'id'] as const).map((b) => <option key={b} value={b}>{t(`import.by.${b}`)}</option>)}
                </select>
              </label>
            </div>
          )}
        </fieldset>
      )}

      {!settings.join && (
        <CrsPicker source={source} crs={settings.crs} offset={settings.offset} raster={source.kind === 'raster'} onCrs={(crs) => update({ crs })} onOffset={(offset) => update({ offset })} />
      )}
      {shownPreview?.offsetSuggestion && settings.offset === 'none' && (
        <p className="warning-text" role="alert" data-testid="import-offset-likely">
          {describe(issues.find((i) => i.code === 'crs.china-offset-likely')!)}{' '}
          <button type="button" onClick={() => update({ offset: shownPreview.offsetSuggestion!.system })} data-testid="import-offset-apply">
            {t(shownPreview.offsetSuggestion.system === 'bd09' ? 'import.offsetApplyBd' : 'import.offsetApplyGcj')}
          </button>
        </p>
      )}

      {schema && suggestedFor === settings.role && (
        <FieldMapping client={client} source={source} schema={schema} settings={settings} onChange={(fieldMap, categoryMaps, constants) => update({ fieldMap, categoryMaps, constants })} />
      )}
      {source.kind === 'vector' && missingRequired.length > 0 && (
        <p className="warning-text" data-testid="import-missing">{say(message('import.required-unmapped', { fieldsZh: missingRequired.map((f) => f.label.zh).join('、'), fieldsEn: missingRequired.map((f) => f.label.en).join('、') }))}</p>
      )}
      {source.tabular && !settings.coordinates && !settings.join && <p className="warning-text">{say(message('import.no-placement'))}</p>}
      {demOutside && <p className="warning-text" data-testid="import-dem-outside">{say(message('import.dem-outside'))}</p>}
      {shownCoverage && !demOutside && (
        <p className="warning-text" data-testid="import-dem-coverage">
          {say(message('import.dem-coverage', { outside: shownCoverage.outside.length, voids: shownCoverage.voids.length, names: [...shownCoverage.outside, ...shownCoverage.voids].slice(0, 8).join('、'), more: shownCoverage.outside.length + shownCoverage.voids.length > 8 ? 1 : 0 }))}
        </p>
      )}

      <div className="import-result" data-testid="import-result">
        {busy && <p className="muted">{t('import.previewing')}</p>}
        {error && <p className="error-text" role="alert">{error}</p>}
        {shownPreview && (
          <p className="counts" data-testid="import-counts">
            {t('import.counts', { total: shownPreview.total, valid: shownPreview.valid, rejected: shownPreview.rejected, warnings: shownPreview.warnings })}
          </p>
        )}
        <h3>{t('import.issues')}</h3>
        {issues.length === 0 ? (
          <p className="muted">{t('import.noIssues')}</p>
        ) : (
          <ul className="issues" data-testid="import-issues">
            {issues.slice(0, ISSUES_SHOWN).map((issue, k) => (
              <li key={k} className={`issue ${issue.severity}`}>{describe(issue)}</li>
            ))}
          </ul>
        )}
        {issues.length > ISSUES_SHOWN && <p className="muted">{t('import.moreIssues', { count: issues.length - ISSUES_SHOWN })}</p>}
        {shownPreview && shownPreview.rejected > 0 && (
          <button type="button" data-testid="import-report" onClick={() => void client.rejectedReport(source.sourceId, lang).then((csv) => download(`${baseName(source.fileName)}-rejected.csv`, csv))}>
            {t('import.report')}
          </button>
        )}
        {shownPreview && shownPreview.valid === 0 && <p className="warning-text">{say(message('import.nothing-valid'))}</p>}
        {shownPreview && shownPreview.rows.length > 0 && (
          <details className="preview-table">
            <summary>{t('import.rows', { count: shownPreview.rows.length })}</summary>
            <div className="table-scroll">
              <table>
                <thead><tr>{shownPreview.columns.map((c) => <th key={c}>{schema?.fields.find((f) => f.name === c)?.label[lang] ?? c}</th>)}</tr></thead>
                <tbody>
                  {shownPreview.rows.map((row, r) => (
                    <tr key={r}>{row.map((v, c) => <td key={c}>{v === null ? '' : String(v)}</td>)}</tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
      </div>

      <footer className="wizard-actions">
        {source.kind === 'raster' ? (
          <button type="button" className="primary" disabled={busy || !settings.crs} onClick={() => void add()} data-testid="import-add">{t('import.addDem')}</button>
        ) : (
          <button type="button" className="primary" disabled={busy || !shownPreview || shownPreview.valid === 0} onClick={() => void add()} data-testid="import-add">
            {shownPreview ? t('import.add', { count: shownPreview.valid }) : t('import.addPending')}
          </button>
        )}
        <button type="button" onClick={() => onDone(null)} data-testid="import-skip">{position.n > 1 ? t('import.skip') : t('import.cancel')}</button>
      </footer>
    </section>
  );
}

function overlaps(a: [number, number, number, number], b: [number, number, number, number]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function ColumnSelect({ columns, value, onChange, testId }: { columns: string[]; value: string; onChange(v: string): void; testId?: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      {columns.map((c) => <option key={c} value={c}>{c}</option>)}
    </select>
  );
}
