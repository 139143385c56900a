// Dates dd/mm/yyyy (Vietnam time), money 3.000.000 ₫, sizes with their unit: the same in both languages.
import { lang } from './i18n.js';

const VN = 'Asia/Ho_Chi_Minh';
const two = (n) => String(n).padStart(2, '0');

/** "2026-02-14" → "14/02/2026" (a date without time is a Vietnamese calendar day). */
export function date(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The weekday of a calendar day, in the page's language. */
export function weekday(iso) {
  if (!iso) return '';
  return new Date(iso.slice(0, 10) + 'T12:00:00+07:00').toLocaleDateString(lang() === 'en' ? 'en-GB' : 'vi-VN', { timeZone: VN, weekday: 'long' });
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

/** Bytes → "1,5 MB" / "1.5 MB". */
export function size(bytes) {
  const mb = bytes / (1024 * 1024);
  const s = mb >= 10 ? Math.round(mb).toString() : (Math.round(mb * 10) / 10).toString();
  return (lang() === 'en' ? s : s.replace('.', ',')) + ' MB';
}

export { two };
