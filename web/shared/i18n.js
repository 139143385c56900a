// Strings live in i18n/vi.js and i18n/en.js; a page asks t('key'). Vietnamese is the language of record.
import vi from '../i18n/vi.js';
import en from '../i18n/en.js';

const TEXT = { vi, en };
let current = (typeof localStorage !== 'undefined' && localStorage.getItem('dvc.lang')) || 'vi';
if (!TEXT[current]) current = 'vi';

export const lang = () => current;
export function setLang(l) {
  current = TEXT[l] ? l : 'vi';
  localStorage.setItem('dvc.lang', current);
  document.documentElement.lang = current;
}

/** The string for key in the current language (a missing one falls back to Vietnamese, then shows the key). */
export function t(key, vars) {
  const path = key.split('.');
  let v = path.reduce((o, k) => (o == null ? undefined : o[k]), TEXT[current]);
  if (v === undefined) v = path.reduce((o, k) => (o == null ? undefined : o[k]), TEXT.vi);
  if (v === undefined) return key;
  return vars ? String(v).replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? '')) : v;
}

/** One side of an API text {vi, en}. */
export const pick = (text) => (text ? (current === 'en' ? text.en || text.vi : text.vi) : '');

export const strings = (l) => TEXT[l];
