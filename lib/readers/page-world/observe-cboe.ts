/**
 * Page-world (MAIN world) observer for Cboe delayed-quotes pages: wraps the page's own
 * fetch and XMLHttpRequest so that when the page itself loads its option-chain JSON we read
 * a copy of the response. We never send a request of our own; the page's call is passed
 * through unchanged (same arguments, same promise, same response object).
 */
import { MAX_PAYLOAD_CHARS, type PageWorldMessage, pageWorldMessage } from './protocol';

/** The page's option-chain JSON requests (cdn.cboe.com/api/global/delayed_quotes/options/_SPX.json). */
const CBOE_CHAIN_URL = /\/api\/global\/delayed_quotes\/options\/[^/?#]+\.json/i;

type Post = (msg: PageWorldMessage) => void;

function requestUrl(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input && typeof input === 'object' && 'url' in input) return String((input as { url: unknown }).url);
  return String(input);
}

/**
 * Installs the observers on `win` (the page's window). Returns an uninstall function.
 * @param post sends one message to the content script (window.postMessage in production).
 */
export function observeCboe(win: Window & typeof globalThis, post: Post): () => void {
  const originalFetch = win.fetch;
  const forward = (url: string, text: string): void => {
    if (text.length <= MAX_PAYLOAD_CHARS) post(pageWorldMessage('cboe-options-json', url, text));
  };
  if (typeof originalFetch === 'function') {
    win.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const pending = originalFetch.apply(this, args);
      const url = requestUrl(args[0]);
      if (CBOE_CHAIN_URL.test(url)) {
        pending
          .then((res) => (res.ok ? res.clone().text() : null))
          .then((text) => text !== null && forward(url, text))
          .catch(() => undefined);
      }
      return pending;
    } as typeof fetch;
  }
  const proto = win.XMLHttpRequest?.prototype;
  const originalOpen = proto?.open;
  if (proto && originalOpen) {
    proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      const url = requestUrl(args[1]);
      if (CBOE_CHAIN_URL.test(url)) {
        this.addEventListener('load', () => {
          if (
            this.status >= 200 &&
            this.status < 300 &&
            (this.responseType === '' || this.responseType === 'text')
          ) {
            forward(url, this.responseText);
          }
        });
      }
      return (originalOpen as (...a: unknown[]) => void).apply(this, args);
    } as XMLHttpRequest['open'];
  }
  return () => {
    win.fetch = originalFetch;
    if (proto && originalOpen) proto.open = originalOpen;
  };
}
