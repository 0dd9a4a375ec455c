/**
 * Inline SVG icons: emoji and symbol characters (📏 ⌖ ▦) are missing from many Chinese
 * office fonts and render as empty boxes, so the UI draws its own.
 */
type IconName = 'ruler' | 'polygon' | 'gear' | 'target' | 'table' | 'up' | 'down' | 'close' | 'upload' | 'folder' | 'warning' | 'site' | 'route';

const PATHS: Record<IconName, string> = {
  ruler: 'M2 11 L11 2 L14 5 L5 14 Z M5 8 l1.5 1.5 M7 6 l1.5 1.5 M9 4 l1.5 1.5',
  polygon: 'M3 6 L8 2 L13 6 L11 13 L5 13 Z',
  gear: 'M8 5.5 A2.5 2.5 0 1 0 8 10.5 A2.5 2.5 0 1 0 8 5.5 M8 1 v2 M8 13 v2 M1 8 h2 M13 8 h2 M3 3 l1.4 1.4 M11.6 11.6 L13 13 M3 13 l1.4 -1.4 M11.6 4.4 L13 3',
  target: 'M8 3 A5 5 0 1 0 8 13 A5 5 0 1 0 8 3 M8 0.5 v4 M8 11.5 v4 M0.5 8 h4 M11.5 8 h4',
  table: 'M2 3 h12 v10 h-12 Z M2 6.5 h12 M2 9.8 h12 M6 3 v10',
  up: 'M8 13 V3 M4 7 L8 3 L12 7',
  down: 'M8 3 V13 M4 9 L8 13 L12 9',
  close: 'M4 4 L12 12 M12 4 L4 12',
  upload: 'M8 11 V2 M4 6 L8 2 L12 6 M2 11 v3 h12 v-3',
  folder: 'M1.5 4 h5 l1.5 1.5 h6.5 v8 h-13 Z',
  warning: 'M8 1.8 L15 14 H1 Z M8 6 v4 M8 11.8 v0.4',
  route: 'M3 13 A1.5 1.5 0 1 0 3 10 A1.5 1.5 0 1 0 3 13 M13 6 A1.5 1.5 0 1 0 13 3 A1.5 1.5 0 1 0 13 6 M4.5 11.5 C9 11.5 7 4.5 11.5 4.5',
  site: 'M8 14.5 C8 14.5 3 9.5 3 6 A5 5 0 0 1 13 6 C13 9.5 8 14.5 8 14.5 Z M8 4.3 A1.7 1.7 0 1 0 8 7.7 A1.7 1.7 0 1 0 8 4.3',
};

export function Icon({ name, size = 14 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="icon">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
