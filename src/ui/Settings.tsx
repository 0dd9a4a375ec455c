import { useTranslation } from 'react-i18next';
import type { OnlineBasemap } from '../map/basemap';

export interface MapSettings {
  online: OnlineBasemap;
  tiandituKey: string;
  terrain: boolean;
}

const STORAGE_KEY = 'anju.mapSettings';

/** Map settings are remembered per browser; online basemaps are off by default (offline first). */
export function loadMapSettings(): MapSettings {
  const defaults: MapSettings = { online: 'none', tiandituKey: '', terrain: false };
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<MapSettings> | null;
    return { ...defaults, ...(saved ?? {}) };
  } catch {
    return defaults;
  }
}

export function saveMapSettings(settings: MapSettings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Not remembered when storage is disabled.
  }
}

interface Props {
  settings: MapSettings;
  onChange(settings: MapSettings): void;
  onClose(): void;
}

export function SettingsDialog({ settings, onChange, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <div className="panel settings" role="dialog" aria-label={t('settings.title')} data-testid="settings">
      <header>
        <h2>{t('settings.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('settings.close')}>×</button>
      </header>
      <fieldset>
        <legend>{t('settings.online')}</legend>
        {(['none', 'osm', 'tianditu'] as const).map((o) => (
          <label key={o}>
            <input type="radio" name="online" checked={settings.online === o} onChange={() => onChange({ ...settings, online: o })} />
            {t(`settings.${o}`)}
          </label>
        ))}
        {settings.online === 'tianditu' && (
          <label>
            {t('settings.tiandituKey')}
            {/* Applied when the field is left or Enter is pressed, not on every keystroke. */}
            <input
              type="text"
              defaultValue={settings.tiandituKey}
              onBlur={(e) => onChange({ ...settings, tiandituKey: e.target.value.trim() })}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
            />
          </label>
        )}
        <p className="note">{t('settings.onlineNote')}</p>
      </fieldset>
      <label>
        <input type="checkbox" checked={settings.terrain} onChange={(e) => onChange({ ...settings, terrain: e.target.checked })} data-testid="terrain-toggle" />
        {t('settings.terrain')}
      </label>
    </div>
  );
}
