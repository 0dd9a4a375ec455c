import { useTranslation } from 'react-i18next';
import type { LayerInfo } from '../../workers/data.types';
import { DESTINATION_KIND, HAZARD_TYPE } from '../core/vocabulary';
import { CLINIC_COLOR, LOW_INCOME_BREAKS, LOW_INCOME_COLORS, RIVER_COLOR, ROAD_COLORS, SCHOOL_COLOR, ZONE_COLORS, type Rgba } from '../map/palette';

const css = (c: Rgba) => `rgba(${c[0]},${c[1]},${c[2]},${c[3] / 255})`;

function Dot({ color, size = 10 }: { color: string; size?: number }) {
  return <span className="swatch dot" style={{ background: color, width: size, height: size }} />;
}

function Ring({ color }: { color: string }) {
  return <span className="swatch dot" style={{ background: '#fff', border: `2.5px solid ${color}`, width: 11, height: 11 }} />;
}

function Row({ swatch, label }: { swatch: React.ReactNode; label: string }) {
  return (
    <li>
      {swatch}
      <span>{label}</span>
    </li>
  );
}

/** The legend of one layer, drawn from the same palette the map uses. */
export function Legend({ layer }: { layer: LayerInfo }) {
  const { t } = useTranslation();
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  switch (layer.role) {
    case 'villages':
      return (
        <ul className="legend" aria-label={t('panel.legend')}>
          <li className="legend-title">{t('legend.lowIncome')}</li>
          {LOW_INCOME_COLORS.map((c, k) => (
            <Row key={k} swatch={<Dot color={css(c)} />} label={k === 0 ? `< ${pct(LOW_INCOME_BREAKS[0])}` : k === LOW_INCOME_BREAKS.length ? `≥ ${pct(LOW_INCOME_BREAKS[k - 1])}` : `${pct(LOW_INCOME_BREAKS[k - 1])}–${pct(LOW_INCOME_BREAKS[k])}`} />
          ))}
          <li className="legend-note">{t('legend.key')}</li>
          <li className="legend-note">{t('legend.population')}</li>
        </ul>
      );
    case 'hazards':
      if (layer.kind === 'Point')
        return (
          <ul className="legend">
            {HAZARD_TYPE.entries.filter((e) => e.legend.point).map((e) => <Row key={e.code} swatch={<Dot color={css(e.color)} />} label={t(`value.${e.code}`)} />)}
            <li className="legend-note">{t('legend.riskSize')}</li>
          </ul>
        );
      return (
        <ul className="legend">
          {HAZARD_TYPE.entries.filter((e) => e.legend.zone).map((e) => <Row key={e.code} swatch={<span className="swatch box" style={{ background: e.zone.color }} />} label={t(`value.${e.code}`)} />)}
        </ul>
      );
    case 'settlements':
      return (
        <ul className="legend">
          {DESTINATION_KIND.entries.filter((e) => e.legend).map((e) => <Row key={e.code} swatch={<Dot color={css(e.color)} size={12} />} label={t(`value.${e.code}`)} />)}
          <li className="legend-note">{t('legend.capacity')}</li>
        </ul>
      );
    case 'roads':
      return (
        <ul className="legend">
          {Object.entries(ROAD_COLORS).map(([cls, color]) => <Row key={cls} swatch={<span className="swatch line" style={{ background: color }} />} label={t(`value.class.${cls}`)} />)}
        </ul>
      );
    case 'rivers':
      return <ul className="legend"><Row swatch={<span className="swatch line" style={{ background: RIVER_COLOR }} />} label={t('role.rivers')} /></ul>;
    case 'schools':
      return <ul className="legend"><Row swatch={<Ring color={css(SCHOOL_COLOR)} />} label={t('role.schools')} /></ul>;
    case 'clinics':
      return <ul className="legend"><Row swatch={<Ring color={css(CLINIC_COLOR)} />} label={t('role.clinics')} /></ul>;
    case 'boundary':
      return <ul className="legend"><Row swatch={<span className="swatch dashed" />} label={t('role.boundary')} /></ul>;
    default: {
      const color = ZONE_COLORS[layer.role] ?? '#888';
      return (
        <ul className="legend">
          <Row swatch={<span className="swatch hatch" style={{ color, borderColor: color }} />} label={t(`role.${layer.role}`)} />
        </ul>
      );
    }
  }
}
