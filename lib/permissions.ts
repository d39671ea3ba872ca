/**
 * Host permissions of the extension, one justification each. README.md's permission table
 * repeats this list and tests/e2e/manifest.spec.ts checks the built manifests against it.
 * Plain constants: wxt.config.ts imports this file at build time.
 */
export const SUPPORTED_SITE_MATCHES = [
  // Cboe delayed quotes and VIX futures pages (site readers).
  'https://www.cboe.com/*',
  // Yahoo Finance options pages.
  'https://finance.yahoo.com/*',
  // Barchart options pages.
  'https://www.barchart.com/*',
  // Fidelity option chain.
  'https://digital.fidelity.com/*',
  // E*TRADE legacy option chain.
  'https://us.etrade.com/*',
  // thinkorswim web.
  'https://trade.thinkorswim.com/*',
  // VIX Central's VIX curve tables: the site is linked as http and https, with and without www.
  '*://vixcentral.com/*',
  '*://www.vixcentral.com/*',
] as const;

/**
 * Pages served from this computer (saved broker pages, exports, the bundled demo). Not a
 * standing permission: any local web server (a dev server, a router page) would otherwise be
 * read. The user grants it on the options page ("Read pages served from this computer");
 * the background then registers the content script for these hosts (local-pages.ts).
 */
export const LOCAL_PAGE_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

export const HOST_PERMISSIONS = SUPPORTED_SITE_MATCHES;
export const OPTIONAL_HOST_PERMISSIONS = LOCAL_PAGE_MATCHES;

/** Every page a reader may run on: the supported sites and, once granted, local pages. */
export const READABLE_MATCHES = [...SUPPORTED_SITE_MATCHES, ...LOCAL_PAGE_MATCHES] as const;
