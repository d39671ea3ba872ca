/** The line every surface carries (docs/method.md: information, not advice). */
export function Disclaimer() {
  return <p class="disclaimer">Information, not financial advice.</p>;
}
