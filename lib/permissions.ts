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
  // vixcentral-style VIX curve tables.
  'http://vixcentral.com/*',
  // Pages you serve yourself on this computer: saved broker pages, exports, the bundled demo.
  'http://127.0.0.1/*',
  'http://localhost/*',
] as const;

export const HOST_PERMISSIONS = SUPPORTED_SITE_MATCHES;
