import { useTranslation } from 'react-i18next';
import type { LayerInfo } from '../../workers/data.types';
import { currentLanguage, fieldLabel, valueLabel } from './i18n';

interface Props {
  layer: LayerInfo;
  properties: [string, string | number | boolean | null][];
  onClose(): void;
  onZoom(): void;
}

/** Every attribute of the clicked feature, with Chinese field names and category labels. */
export function FeaturePopup({ layer, properties, onClose, onZoom }: Props) {
  const { t } = useTranslation();
  const name = properties.find(([k]) => k === 'name')?.[1];
  return (
    <aside className="panel popup" role="dialog" aria-label={String(name ?? layer.name[currentLanguage()])} data-testid="feature-popup">
      <header>
        <div>
          <div className="popup-layer">{layer.name[currentLanguage()]}</div>
          <h2>{name !== undefined && name !== null ? String(name) : '—'}</h2>
        </div>
        <span>
          <button type="button" onClick={onZoom}>{t('popup.zoom')}</button>
          <button type="button" onClick={onClose} aria-label={t('popup.close')}>×</button>
        </span>
      </header>
      <table>
        <tbody>
          {properties.map(([key, value]) => (
            <tr key={key} data-field={key}>
              <th scope="row">{fieldLabel(key)}</th>
              <td>{valueLabel(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}
