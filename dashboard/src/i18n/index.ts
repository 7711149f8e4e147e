import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { enPages } from './en-pages.ts';
import { zh } from './zh.ts';
import { zhPages } from './zh-pages.ts';

/** The interface's languages: English and Simplified Chinese. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'cadg.dashboard.language';

/** The remembered choice, else the browser's preference, else English. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** Switches the interface language, remembers it, and keeps `<html lang>` in step for screen readers. */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export async function startI18n(): Promise<void> {
  const language = initialLanguage();
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: {
      en: { translation: { ...en, ...enPages } },
      'zh-CN': { translation: { ...zh, ...zhPages } },
    },
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

/** Locale-aware formatting of dates and numbers, for the current language. */
export const formatDateTime = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
export const formatNumber = (value: number, language: string): string =>
  new Intl.NumberFormat(language).format(value);
/** A calendar date (`YYYY-MM-DD`), shown in the current language without a time zone shift. */
export const formatDate = (date: string, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );
