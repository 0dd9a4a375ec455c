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

/** Money as planners read it: 元 / 万元 / 亿元 in Chinese, yuan with k / M in English. */
export function formatYuan(n: number, lang: 'zh' | 'en'): string {
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  if (lang === 'zh') return a >= 1e8 ? `${(n / 1e8).toFixed(2)} 亿元` : a >= 1e4 ? `${(n / 1e4).toFixed(1)} 万元` : `${Math.round(n)} 元`;
  return a >= 1e6 ? `¥${(n / 1e6).toFixed(2)} M` : a >= 1e3 ? `¥${(n / 1e3).toFixed(1)} k` : `¥${Math.round(n)}`;
}

/** Minutes, rounded; ∞ when unreachable. */
export function formatMinutes(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n)) : '∞';
}
