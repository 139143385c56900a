// Safe HTML: every value put into a template is escaped unless it is already SafeHtml (made by this module).
// No catalogue or user text reaches innerHTML any other way.

export class SafeHtml {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes a value for HTML text or a quoted attribute. */
export function escape(value) {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESC[c]);
}

function render(value) {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escape(value);
}

/** The tag: html`<p>${name}</p>` escapes name; nested html`` and arrays of them are kept as they are. */
export function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Puts SafeHtml into an element (the only place the site sets innerHTML). */
export function mount(el, content) {
  if (!(content instanceof SafeHtml)) throw new TypeError('mount takes html`` only');
  el.innerHTML = content.text;
  // a page's container enters the document when the page first draws, if it is still the page being shown
  if (typeof el.attach === 'function') el.attach();
  return el;
}
