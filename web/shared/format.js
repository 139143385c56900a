// Dates dd/mm/yyyy (Vietnam time), money 3.000.000 ₫, sizes with their unit: the same in both languages.
import { lang } from './i18n.js';
import { html } from './html.js';

const VN = 'Asia/Ho_Chi_Minh';
const two = (n) => String(n).padStart(2, '0');

/** The Hà Nội calendar day of an instant ("2026-12-05T17:30:00Z" → "2026-12-06"); a date without time is kept. */
export function hanoiDay(iso) {
  if (!iso) return '';
  const s = String(iso);
  if (!/T\d{2}:\d{2}/.test(s)) return s.slice(0, 10);
  const t = new Date(s);
  if (isNaN(t)) return s.slice(0, 10);
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: VN, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(t).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * "2026-02-14" → "14/02/2026"; an instant ("2026-12-05T17:30:00Z") → its day in Hà Nội ("06/12/2026"), never the UTC
 * day. A date without time is a Vietnamese calendar day.
 */
export function date(iso) {
  if (!iso) return '';
  const [y, m, d] = hanoiDay(iso).split('-');
  return `${d}/${m}/${y}`;
}

/** A date in a span that never wraps inside ("21/12/2026", not "21/12/202 6"). */
export const dateSpan = (iso) => html`<span class="date">${date(iso)}</span>`;

/** Today in Hà Nội, ISO ("2026-12-06"). */
export const today = () => hanoiDay(new Date().toISOString());

/** The weekday of a calendar day, in the page's language. */
export function weekday(iso) {
  if (!iso) return '';
  return new Date(hanoiDay(iso) + 'T12:00:00+07:00').toLocaleDateString(lang() === 'en' ? 'en-GB' : 'vi-VN', { timeZone: VN, weekday: 'long' });
}

/** An instant → "14:05 14/02/2026", Vietnam time. */
export function moment(iso) {
  if (!iso) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: VN, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    .formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.hour === '24' ? '00' : parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

/** 3000000 → "3.000.000 ₫" (Vietnamese grouping on both languages: it is an amount in đồng). */
export function money(n) {
  return String(Math.round(Number(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.') + ' ₫';
}

/** Bytes → "1,5 MB" / "1.5 MB"; under 1 MB in kB ("340 kB"), never "0 MB". */
export function size(bytes) {
  const n = Number(bytes) || 0;
  const dec = (x) => (lang() === 'en' ? x : x.replace('.', ','));
  if (n < 1024 * 1024) {
    const kb = n / 1024;
    return dec(kb >= 10 || n === 0 ? Math.round(kb).toString() : Math.max(0.1, Math.round(kb * 10) / 10).toString()) + ' kB';
  }
  const mb = n / (1024 * 1024);
  const s = mb >= 10 ? Math.round(mb).toString() : (Math.round(mb * 10) / 10).toString();
  return dec(s) + ' MB';
}

export { two };
