/**
 * The one way the UI words a message from the catalogue: in the language the user chose, and
 * again when they switch (the hook re-renders with i18next).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage, type Lang, type Message } from '../core/messages';

/**
 * `(message) => text` in the current UI language; re-renders the component on a language
 * switch. The function changes only with the language, so effects may depend on it.
 */
export function useMessageText(): (msg: Message) => string {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  return useCallback((msg: Message) => formatMessage(msg, lang), [lang]);
}
