/** The app's own Chinese texts in Node (the UI's i18n module expects a page; a bare document does here). */
export async function uiTranslation(): Promise<(key: string, params?: Record<string, unknown>) => string> {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  const { default: i18next } = await import('../../src/ui/i18n');
  await i18next.changeLanguage('zh');
  return (key, params) => i18next.t(key, params);
}
