// Types for `chrome` inside serviceWorker.evaluate / page.evaluate callbacks.
declare const chrome: typeof import('wxt/browser').browser;
