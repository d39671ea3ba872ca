/**
 * Which chain table on a page belongs to an expiration: pages label tables with the date in
 * a heading, caption or aria-label, written in one of a few common forms.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const CONTEXT_CHARS = 300;

const squash = (t: string) => t.toLowerCase().replace(/[,.]/g, ' ').replace(/\s+/g, ' ');

/** Ways pages print an expiry date (YYYY-MM-DD): "2026-12-31", "Dec 31, 2026", "12/31/2026"… */
export function expiryForms(expiry: string): string[] {
  const [y, m, d] = expiry.split('-').map(Number);
  if (!y || !m || !d) return [expiry];
  const mon = MONTHS[m - 1] ?? '';
  const full = FULL_MONTHS[m - 1] ?? '';
  return [
    expiry,
    `${m}/${d}/${y}`,
    `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`,
    `${mon} ${d} ${y}`,
    `${full} ${d} ${y}`,
    `${d} ${mon} ${y}`,
    `${mon} ${d} '${String(y).slice(2)}`,
  ].map(squash);
}

/** Text that labels a row group: caption, aria-label, and headings just before it. */
export function contextText(group: Element): string {
  let text = `${group.getAttribute('aria-label') ?? ''} ${group.querySelector('caption')?.textContent ?? ''}`;
  let el: Element | null = group;
  for (let depth = 0; el && depth < 3 && text.length < CONTEXT_CHARS; depth++, el = el.parentElement) {
    const prev = el.previousElementSibling;
    if (prev) text += ` ${(prev.textContent ?? '').slice(0, CONTEXT_CHARS)}`;
  }
  return squash(text);
}
