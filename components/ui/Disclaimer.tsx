/** The line every surface carries (ALVH.md: information, not advice). */
export function Disclaimer() {
  return <p class="disclaimer">Information, not financial advice.</p>;
}
