// Strings live in i18n/vi.js and i18n/en.js; a page asks t('key'). Vietnamese is the language of record and always
// loaded; the English strings are fetched only when English is chosen (a first visit in Vietnamese does not pay for
// them: bench/README.md, "First load of the web site").
import vi from '../i18n/vi.js';

const TEXT = { vi };
const LOADERS = { en: () => import('../i18n/en.js') };
let current = (typeof localStorage !== 'undefined' && localStorage.getItem('dvc.lang')) || 'vi';
if (current !== 'vi' && !LOADERS[current]) current = 'vi';

/** Loads the strings of language l (once); resolves to them. */
export async function load(l) {
  if (!TEXT[l] && LOADERS[l]) TEXT[l] = (await LOADERS[l]()).default;
  return TEXT[l] || TEXT.vi;
}

/** Resolves when the strings of the language chosen at start are here (the shell waits for it before drawing). */
export const ready = load(current);

export const lang = () => current;
/** Switches the language, its strings loaded first. */
export async function setLang(l) {
  const next = l === 'vi' || LOADERS[l] ? l : 'vi';
  await load(next);
  current = next;
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

/** The strings of language l once loaded ({@link load}); Vietnamese until then. */
export const strings = (l) => TEXT[l] || TEXT.vi;
