import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataClient } from '../../workers/data.client';
import type { LayerInfo, TablePage } from '../../workers/data.types';
import type { FilterOp } from '../core/table-query';
import { codesForLabel, currentLanguage, fieldLabel, valueLabel } from './i18n';

const PAGE_SIZE = 50;
const OPS: FilterOp[] = ['contains', 'eq', 'gt', 'gte', 'lt', 'lte'];
const OP_LABEL: Record<FilterOp, string> = { contains: '∋', eq: '=', gt: '>', gte: '≥', lt: '<', lte: '≤' };

interface Props {
  layer: LayerInfo;
  client: DataClient;
  selectedIndex: number | null;
  onRow(index: number): void;
  onClose(): void;
}

/** Sortable, filterable attribute table; rows are fetched page by page from the worker. */
export function AttributeTable({ layer, client, selectedIndex, onRow, onClose }: Props) {
  const { t } = useTranslation();
  const [column, setColumn] = useState<string | null>(null);
  const [op, setOp] = useState<FilterOp>('contains');
  const [value, setValue] = useState('');
  const [sort, setSort] = useState<{ column: string; descending: boolean } | null>(null);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<TablePage | null>(null);

  const columnType = column ? layer.columns.find((c) => c.name === column)?.type : undefined;
  // A comparison on a numeric field needs a number; say so rather than compare text.
  const needsNumber = columnType === 'number' && op !== 'contains' && value.trim() !== '' && Number.isNaN(Number(value.trim()));
  const active = value.trim() !== '' && !needsNumber;

  useEffect(() => {
    let live = true;
    void client
      .queryTable(layer.id, {
        filter: active ? { column, op, value, aliases: codesForLabel(column, value, op === 'contains') } : null,
        sortColumn: sort?.column ?? null,
        sortDescending: sort?.descending ?? false,
        offset,
        limit: PAGE_SIZE,
      })
      .then((p) => live && setPage(p));
    return () => {
      live = false;
    };
  }, [client, layer.id, column, op, value, active, sort, offset]);

  const toggleSort = (name: string) => {
    setOffset(0);
    setSort((s) => (s?.column === name ? (s.descending ? null : { column: name, descending: true }) : { column: name, descending: false }));
  };

  return (
    <section className="panel table-panel" aria-label={t('table.title')} data-testid="attribute-table">
      <header>
        <h2>{t('table.title')} · {layer.name[currentLanguage()]}</h2>
        <div className="table-filter">
          <label>
            {t('table.filter')}
            <select value={column ?? ''} onChange={(e) => { setColumn(e.target.value || null); setOffset(0); }} data-testid="filter-column">
              <option value="">{t('table.allColumns')}</option>
              {layer.columns.map((c) => <option key={c.name} value={c.name}>{fieldLabel(c.name, layer.role)}</option>)}
            </select>
          </label>
          <select value={op} onChange={(e) => { setOp(e.target.value as FilterOp); setOffset(0); }} aria-label="operator" data-testid="filter-op">
            {OPS.map((o) => <option key={o} value={o}>{o === 'contains' ? t('table.contains') : OP_LABEL[o]}</option>)}
          </select>
          <input type="search" value={value} onChange={(e) => { setValue(e.target.value); setOffset(0); }} placeholder={t('table.filter')} data-testid="filter-value" />
          {needsNumber && <span className="table-warning" role="alert">{t('table.needNumber', { field: fieldLabel(column!, layer.role) })}</span>}
          <span className="table-count" data-testid="table-count">
            {!page ? '…' : page.total === 0 ? t('table.none') : t('table.rows', { from: offset + 1, to: offset + page.rows.length, total: page.total })}
          </span>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>{t('table.prev')}</button>
          <button type="button" disabled={!page || offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>{t('table.next')}</button>
          <button type="button" onClick={onClose} aria-label={t('table.close')}>×</button>
        </div>
      </header>
      <div className="table-scroll" title={t('table.zoom')}>
        <table>
          <thead>
            <tr>
              {layer.columns.map((c) => (
                <th key={c.name} scope="col" onClick={() => toggleSort(c.name)} aria-sort={sort?.column === c.name ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  {fieldLabel(c.name, layer.role)}
                  {sort?.column === c.name ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page?.rows.map((row, k) => (
              <tr key={page.indices[k]} onClick={() => onRow(page.indices[k])} className={page.indices[k] === selectedIndex ? 'selected' : undefined}>
                {row.map((cell, j) => <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>{valueLabel(cell, layer.columns[j].name)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
