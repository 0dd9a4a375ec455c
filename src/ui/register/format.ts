/** Numbers as the register's readers expect them: 万人 from ten thousand up in Chinese. */
import { dateTimeText } from '../../core/exposure/register-table';

export function formatPeople(n: number, lang: 'zh' | 'en'): string {
  if (!Number.isFinite(n)) return '—';
  if (lang === 'zh') return n >= 10_000 ? `${(n / 10_000).toFixed(2)} 万人` : `${Math.round(n)} 人`;
  return `${Math.round(n).toLocaleString('en')} people`;
}

/** A count with Chinese grouping (万) from ten thousand up; plain otherwise. */
export function formatCount(n: number, lang: 'zh' | 'en'): string {
  if (!Number.isFinite(n)) return '—';
  if (lang === 'zh' && n >= 10_000) return `${(n / 10_000).toFixed(2)} 万`;
  return Math.round(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
}

export { dateTimeText as formatDateTime } from '../../core/exposure/register-table';

export function today(): string {
  return dateTimeText(Date.now()).slice(0, 10);
}
