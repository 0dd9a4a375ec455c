import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleSchema } from '../../core/import/roles';
import type { ImportSettings, SourceSummary } from '../../../workers/import.types';
import type { ImportClient } from '../../../workers/import.client';
import { currentLanguage, valueLabel } from '../i18n';

interface Props {
  client: ImportClient;
  source: SourceSummary;
  schema: RoleSchema;
  settings: ImportSettings;
  onChange(fieldMap: ImportSettings['fieldMap'], categoryMaps: ImportSettings['categoryMaps'], constants: Record<string, string>): void;
}

/** The column choice that gives a field one value for every row instead. */
const CONSTANT = '\u0000constant';

/**
 * Which column of the file fills each field of the role (suggested from the column names
 * and values, changeable), or one value for every row (统一值: a township-seat list has no
 * settlement type or capacity), and for category fields which of the file's values means which
 * category (滑坡 → landslide, 大/中/小 → high/medium/low …).
 */
export function FieldMapping({ client, source, schema, settings, onChange }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [values, setValues] = useState<Record<string, string[]>>({});
  const { fieldMap, categoryMaps } = settings;
  const constants = settings.constants ?? {};

  // Distinct values of each mapped category column, from the io worker.
  useEffect(() => {
    let live = true;
    for (const field of schema.fields) {
      const column = fieldMap[field.name];
      if (!field.values || !column) continue;
      void client.categoryValues(source.sourceId, column).then((v) => {
        if (live) setValues((old) => ({ ...old, [`${field.name}\u0000${column}`]: v }));
      });
    }
    return () => {
      live = false;
    };
  }, [client, source, schema, fieldMap]);

  const setColumn = (field: string, column: string | null) => {
    const next = { ...categoryMaps };
    delete next[field];
    const { [field]: _dropped, ...otherConstants } = constants;
    if (column === CONSTANT) {
      const f = schema.fields.find((x) => x.name === field);
      onChange({ ...fieldMap, [field]: null }, next, { ...otherConstants, [field]: f?.values?.[0] ?? '' });
    } else onChange({ ...fieldMap, [field]: column }, next, otherConstants);
  };
  const setConstant = (field: string, value: string) => onChange(fieldMap, categoryMaps, { ...constants, [field]: value });
  const setValue = (field: string, value: string, canonical: string | null) =>
    onChange(fieldMap, { ...categoryMaps, [field]: { ...(categoryMaps[field] ?? {}), [value]: canonical } }, constants);

  return (
    <fieldset className="field-mapping" data-testid="import-fields">
      <legend>{t('import.fields')}</legend>
      <table>
        <thead>
          <tr><th>{t('import.field')}</th><th>{t('import.column')}</th></tr>
        </thead>
        <tbody>
          {schema.fields.map((field) => (
            <tr key={field.name}>
              <td>
                {field.label[lang]}
                {field.required && field.name !== 'id' && <span className="required"> *{t('import.required')}</span>}
                {field.name === 'id' && !fieldMap.id && <span className="muted"> {t('import.idGenerated')}</span>}
              </td>
              <td>
                <select value={field.name in constants ? CONSTANT : (fieldMap[field.name] ?? '')} onChange={(e) => setColumn(field.name, e.target.value || null)} data-testid={`map-${field.name}`}>
                  <option value="">{t('import.notMapped')}</option>
                  {source.columns.map((c) => (
                    <option key={c.name} value={c.name}>{c.name}{c.sample.length > 0 ? ` (${c.sample.slice(0, 2).join('、')})` : ''}</option>
                  ))}
                  {field.name !== 'id' && <option value={CONSTANT}>{t('import.constant')}</option>}
                </select>
                {field.name in constants &&
                  (field.values ? (
                    <select value={constants[field.name]} onChange={(e) => setConstant(field.name, e.target.value)} aria-label={`${field.label[lang]} ${t('import.constant')}`} data-testid={`constant-${field.name}`}>
                      {field.values.map((v) => <option key={v} value={v}>{valueLabel(v, field.name)}</option>)}
                    </select>
                  ) : (
                    <input value={constants[field.name]} onChange={(e) => setConstant(field.name, e.target.value)} inputMode={field.type === 'string' ? 'text' : 'decimal'} aria-label={`${field.label[lang]} ${t('import.constant')}`} data-testid={`constant-${field.name}`} />
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('import.keepOthers')}</p>
      {schema.fields.map((field) => {
        const column = fieldMap[field.name];
        const allowed = field.values;
        const found = column ? values[`${field.name}\u0000${column}`] : undefined;
        if (!allowed || !column || !found || found.length === 0) return null;
        return (
          <div key={field.name} className="category-mapping" data-testid={`categories-${field.name}`}>
            <h4>{t('import.categories', { field: field.label[lang] })}</h4>
            {found.slice(0, 40).map((value) => (
              <label key={value} className="category-row">
                <span className="value">{value}</span>
                <select value={categoryMaps[field.name]?.[value] ?? ''} onChange={(e) => setValue(field.name, value, e.target.value || null)}>
                  <option value="">{t('import.unknownValue')}</option>
                  {allowed.map((a) => <option key={a} value={a}>{valueLabel(a, field.name)}</option>)}
                </select>
              </label>
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}
