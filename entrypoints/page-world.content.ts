/**
 * Page-world script (runs in the page's own JS world, Cboe and Barchart only): observes data
 * the page itself loaded or holds and posts it to our content script with window.postMessage.
 * It sends no request of its own. The content script validates everything it receives
 * (lib/readers/page-world/receive.ts).
 */
import { observeBarchart } from '@/lib/readers/page-world/observe-barchart';
import { observeCboe } from '@/lib/readers/page-world/observe-cboe';
import { PAGE_WORLD_MATCHES, type PageWorldMessage } from '@/lib/readers/page-world/protocol';

export default defineContentScript({
  matches: [...PAGE_WORLD_MATCHES],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    const post = (msg: PageWorldMessage): void => window.postMessage(msg, window.location.origin);
    if (window.location.hostname === 'www.cboe.com') observeCboe(window, post);
    else if (window.location.hostname === 'www.barchart.com') {
      const start = (): void => {
        observeBarchart(
          document,
          post,
          (fn, ms) => window.setTimeout(fn, ms),
          (id) => window.clearTimeout(id),
        );
      };
      if (document.documentElement) start();
      else document.addEventListener('DOMContentLoaded', start, { once: true });
    }
  },
});
