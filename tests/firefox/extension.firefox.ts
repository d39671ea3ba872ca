/**
 * The Firefox build, for real: .output/firefox-mv2 installed as a temporary add-on into the
 * system Firefox (Debian's firefox-esr) over WebDriver BiDi (puppeteer-core, no CDP), on the
 * bundled demo chain page. Checks that the overlay badges appear on the page, one per leg of
 * the condor the engine makes from the chain the background holds, and that the sidebar's
 * page shows that plan.
 *
 * Firefox opens a sidebar only on a user action, so the sidebar's page (sidebar_action's
 * default_panel, sidepanel.html) is opened in a tab with `?tabId=` — the same page and code.
 * The add-on's moz-extension:// host is fixed through the `extensions.webextensions.uuids`
 * pref, keyed by the add-on id from the built manifest. The demo page is served from
 * 127.0.0.1, so the build is installed with "read pages served from this computer" granted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../lib/engine';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import type { Plan } from '../../lib/engine/plan-types';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import type { TabState } from '../../lib/schema/tab-state';
import { DEMO_ROUTES } from '../demo/demo-routes';
import { findFirefox } from '../support/find-firefox';
import { grantedLocalPagesBuild } from '../support/granted-build';
import { type StaticServer, startStaticServer } from '../support/static-server';

const EXTENSION_DIR = resolve('.output/firefox-mv2');
/** Any fixed UUID: the add-on's pages are then at moz-extension://<it>/. */
const EXTENSION_UUID = '6b1e0c52-8d3f-4a51-9c1e-2f7a3d5b9e10';
const DEMO_CHAIN = '/demo/spx-chain.html';

function firefoxOrWhy(): { path: string } | { why: string } {
  try {
    return { path: findFirefox() };
  } catch (err) {
    return { why: String(err instanceof Error ? err.message : err) };
  }
}

const firefox = firefoxOrWhy();
if ('why' in firefox) console.log(`Firefox test skipped:\n${firefox.why}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a non-null value, or throws `what` after `timeoutMs`. */
async function until<T>(what: string, fn: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe.skipIf('why' in firefox)('Firefox (firefox-esr, WebDriver BiDi)', () => {
  let browser: Browser;
  let server: StaticServer;
  let profile: string;
  let addonId: string;
  let installedId: string;
  let chainPage: Page;

  /**
   * Opens one of the add-on's pages in a new tab. Firefox does not report the load of a
   * moz-extension:// page to BiDi, so the navigation is not awaited; the page's own location
   * is polled instead.
   */
  async function openExtensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    page.goto(`moz-extension://${EXTENSION_UUID}/${path}`, { timeout: 60_000 }).catch(() => {});
    await until(`moz-extension page ${path}`, async () =>
      (await page.evaluate(() => location.href)).startsWith('moz-extension:') ? true : null,
    );
    return page;
  }

  beforeAll(async () => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
      if (build.status !== 0) throw new Error('wxt build -b firefox failed');
    }
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    addonId = manifest.browser_specific_settings?.gecko?.id ?? '';
    server = await startStaticServer(resolve('tests'), DEMO_ROUTES);
    profile = mkdtempSync(join(tmpdir(), 'alvh-firefox-'));
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: (firefox as { path: string }).path,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      },
    });
    // Local pages granted, as the user does on the options page (tests/support/granted-build.ts).
    installedId = await browser.installExtension(grantedLocalPagesBuild(EXTENSION_DIR));
    chainPage = await browser.newPage();
    await chainPage.goto(`${server.origin}${DEMO_CHAIN}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('installs the Firefox build as a temporary add-on under its manifest id', () => {
    expect(addonId).toMatch(/@/);
    expect(installedId).toBe(addonId);
  });

  /** The demo tab's id and the state the background holds for it, once it has a plan. */
  async function heldState(): Promise<{ tabId: number; state: TabState }> {
    const ext = await openExtensionPage('sidepanel.html');
    try {
      return await until(
        'the background to hold a plan for the demo tab',
        async () =>
          (await ext.evaluate(async (chainUrl) => {
            const api = (globalThis as unknown as { browser: typeof chrome }).browser;
            const tab = (await api.tabs.query({})).find((t) => t.url === chainUrl);
            if (tab?.id === undefined) return null;
            const key = `tab:${tab.id}`;
            const state = (await api.storage.session.get(key))[key] as TabState | undefined;
            return state?.plan ? { tabId: tab.id, state } : null;
          }, `${server.origin}${DEMO_CHAIN}`)) as { tabId: number; state: TabState } | null,
      );
    } finally {
      await ext.close();
    }
  }

  /** The condor the engine makes from the held chain at the plan's own time (not the UI's). */
  function expectedLegs(state: TabState): number[] {
    if (!state.chain || !state.plan) throw new Error('no chain or plan held');
    const p: Plan = plan(
      {
        chain: state.chain,
        vixCurve: state.vixCurve,
        vixChain: null,
        history: [],
        calendar: builtinCalendar(),
        held: null,
      },
      DEFAULT_SETTINGS,
      (state.plan as Plan).asOf,
    );
    const best = p.condor.figures?.best;
    if (!best) throw new Error(`the engine made no condor: ${p.condor.reason}`);
    return [best.legs.longPut, best.legs.shortPut, best.legs.shortCall, best.legs.longCall].map(
      (l) => l.strike,
    );
  }

  it('draws the overlay badges on the demo page, one per leg of the condor the engine makes', async () => {
    const { state } = await heldState();
    const legs = expectedLegs(state);
    const badges = await until('four overlay badges', async () => {
      const strikes = await chainPage.evaluate(() => {
        const root = document.querySelector('[data-alvh-overlay]')?.shadowRoot;
        return [...(root?.querySelectorAll('[data-alvh-badge]') ?? [])].map((b) =>
          Number(b.getAttribute('data-strike')),
        );
      });
      return strikes.length === 4 ? strikes : null;
    });
    expect([...badges].sort((a, b) => a - b)).toEqual([...legs].sort((a, b) => a - b));
  });

  it("shows the demo page's plan in the sidebar page", async () => {
    const { tabId, state } = await heldState();
    const legs = expectedLegs(state);
    const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    try {
      const shown = await until('the Layer 1 legs in the sidebar', async () => {
        const strikes = await panel.evaluate(() =>
          [...document.querySelectorAll('[data-testid="condor-card"] table.legs tbody tr')].map((r) =>
            Number(r.getAttribute('data-strike')),
          ),
        );
        return strikes.length === 4 ? strikes : null;
      });
      expect(shown).toEqual(legs);
      const status = await panel.evaluate(
        () => document.querySelector('[data-testid="reader-status"]')?.textContent ?? '',
      );
      expect(status).toMatch(/\S/);
    } finally {
      await panel.close();
    }
  });
});
