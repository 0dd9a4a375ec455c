import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerInfo } from '../../workers/data.types';
import { currentLanguage, fieldLabel, valueLabel } from './i18n';
import { Icon } from './icons';

interface Props {
  layer: LayerInfo;
  properties: [string, string | number | boolean | null][];
  onClose(): void;
  onZoom(): void;
  /** Analysis results about the feature (e.g. its hazards), below the attributes. */
  children?: ReactNode;
}

/** Every attribute of the clicked feature, with Chinese field names and category labels. */
export function FeaturePopup({ layer, properties, onClose, onZoom, children }: Props) {
  const { t } = useTranslation();
  const name = properties.find(([k]) => k === 'name')?.[1];
  const id = properties.find(([k]) => k === 'id')?.[1];
  const title = name !== undefined && name !== null && name !== '' ? String(name) : id !== undefined && id !== null ? String(id) : '—';
  return (
    <aside className="panel popup" role="dialog" aria-label={title} data-testid="feature-popup">
      <header>
        <div>
          <div className="popup-layer">{layer.name[currentLanguage()]}</div>
          <h2>{title}</h2>
        </div>
        <span>
          <button type="button" onClick={onZoom}>{t('popup.zoom')}</button>
          <button type="button" onClick={onClose} aria-label={t('popup.close')}><Icon name="close" size={12} /></button>
        </span>
      </header>
      <table>
        <tbody>
          {properties.map(([key, value]) => (
            <tr key={key} data-field={key}>
              <th scope="row">{fieldLabel(key, layer.role)}</th>
              <td>{valueLabel(value, key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </aside>
  );
}
