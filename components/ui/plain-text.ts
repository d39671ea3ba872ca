/**
 * Engine sentences shown as they are, but in the surfaces' one number style: dollars grouped
 * ("$4170" → "$4,170"), ordinals right ("21th percentile" → "21st percentile") and no line
 * break between a number and its unit ("4.35 pts", "12 %", "25 days"). Only the wording's
 * typography changes; no figure is recomputed here. The engine now writes its money and
 * ordinals right itself (lib/engine/text/format.ts, guarded by tests/engine/text-format.test.ts);
 * the first two rules stay as a net for text from elsewhere (readers' messages, older plans).
 */
import { ordinal } from './format';

const NBSP = '\u00a0';
const UNITS = 'pts|points|%|min|days|day|d|h|contracts|contract\\(s\\)|condor\\(s\\)';

/** Applies the surfaces' number style to one sentence from the engine. */
export function plainText(text: string): string {
  return text
    .replace(/\$(\d{4,})(\.\d+)?(?!\d)/g, (_, whole: string, frac: string | undefined) => {
      const grouped = Number(whole).toLocaleString('en-US');
      return `$${grouped}${frac ?? ''}`;
    })
    .replace(/\b(\d+)(?:st|nd|rd|th)\b(?= percentile)/g, (_, n: string) => ordinal(Number(n)))
    .replace(new RegExp(`(\\d) (?=(?:${UNITS})(?![\\w]))`, 'g'), `$1${NBSP}`);
}
