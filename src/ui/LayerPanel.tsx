import { useTranslation } from 'react-i18next';
import type { LayerInfo } from '../../workers/data.types';
import type { LayerView } from '../map/controller';
import { currentLanguage } from './i18n';
import { Legend } from './Legend';
import { Icon } from './icons';
import { PREVIEW_LAYER_ID } from '../../workers/import.types';

interface Props {
  layers: Map<string, LayerInfo>;
  views: LayerView[];
  basemap: { hillshade: boolean; contours: boolean };
  onViews(views: LayerView[]): void;
  onBasemap(layer: 'hillshade' | 'contours', visible: boolean): void;
  onZoom(layerId: string): void;
  onTable(layerId: string): void;
  onExport(layerId: string, format: 'geojson' | 'fgb' | 'csv'): void;
  /** Removes an imported layer (asks first). */
  onRemove(layerId: string): void;
}

/** Layer list: visibility, opacity, order, zoom to layer, attribute table, and each layer's legend. */
export function LayerPanel({ layers, views, basemap, onViews, onBasemap, onZoom, onTable, onExport, onRemove }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const update = (k: number, patch: Partial<LayerView>) => onViews(views.map((v, j) => (j === k ? { ...v, ...patch } : v)));
  const move = (k: number, delta: number) => {
    const j = k + delta;
    if (j < 0 || j >= views.length) return;
    const next = [...views];
    [next[k], next[j]] = [next[j], next[k]];
    onViews(next);
  };
  return (
    <section className="panel layer-panel" aria-label={t('panel.layers')}>
      <h2>{t('panel.layers')}</h2>
      <div className="basemap-toggles">
        <span>{t('panel.basemap')}</span>
        <label className="layer-name"><input type="checkbox" checked={basemap.hillshade} onChange={(e) => onBasemap('hillshade', e.target.checked)} />{t('panel.hillshade')}</label>
        <label className="layer-name"><input type="checkbox" checked={basemap.contours} onChange={(e) => onBasemap('contours', e.target.checked)} />{t('panel.contours')}</label>
      </div>
      <ol className="layer-list">
        {views.map((view, k) => {
          const info = layers.get(view.id);
          if (!info) return null;
          return (
            <li key={view.id} className="layer-item" data-layer={view.id}>
              <div className="layer-row">
                <label className="layer-name" title={info.source[lang]}>
                  <input type="checkbox" checked={view.visible} onChange={(e) => update(k, { visible: e.target.checked })} data-testid={`toggle-${view.id}`} />
                  {info.name[lang]}
                </label>
                <span className="layer-actions">
                  <button type="button" title={t('panel.up')} aria-label={t('panel.up')} onClick={() => move(k, -1)} disabled={k === 0}><Icon name="up" /></button>
                  <button type="button" title={t('panel.down')} aria-label={t('panel.down')} onClick={() => move(k, 1)} disabled={k === views.length - 1}><Icon name="down" /></button>
                  <button type="button" title={t('panel.zoomTo')} aria-label={t('panel.zoomTo')} onClick={() => onZoom(view.id)}><Icon name="target" /></button>
                  <button type="button" title={t('panel.table')} aria-label={t('panel.table')} onClick={() => onTable(view.id)} data-testid={`table-${view.id}`}><Icon name="table" /></button>
                </span>
              </div>
              {view.visible && (
                <div className="layer-details">
                  <label className="opacity">
                    {t('panel.opacity')}
                    <input type="range" min={0} max={1} step={0.05} value={view.opacity} onChange={(e) => update(k, { opacity: Number(e.target.value) })} />
                    <span className="opacity-value">{Math.round(view.opacity * 100)}%</span>
                  </label>
                  <Legend layer={info} />
                  <div className="layer-meta">
                    {t('panel.features', { count: info.featureCount })}
                    {info.userLayer && <span className="badge">{t('layer.imported')}</span>}
                  </div>
                  {view.id !== PREVIEW_LAYER_ID && (
                    <div className="layer-export">
                      {t('layer.export')}:
                      {(['geojson', 'fgb', 'csv'] as const).map((f) => (
                        <button key={f} type="button" onClick={() => onExport(view.id, f)} data-testid={`export-${view.id}-${f}`}>{f === 'fgb' ? 'FlatGeobuf' : f === 'csv' ? 'CSV' : 'GeoJSON'}</button>
                      ))}
                      {info.userLayer && (
                        <button type="button" className="danger" onClick={() => onRemove(view.id)} data-testid={`remove-${view.id}`}>{t('layer.remove')}</button>
                      )}
                    </div>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
