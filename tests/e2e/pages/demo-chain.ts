import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** Path of the bundled demo SPX chain page (generated for today by tests/demo/demo-routes.ts). */
export const DEMO_CHAIN_PAGE = '/demo/spx-chain.html';

/** Opens the demo chain page and waits until our content script has mounted its overlay. */
export async function openDemoChain(page: Page, site: string): Promise<void> {
  await page.goto(`${site}${DEMO_CHAIN_PAGE}`);
  await expect(page.locator('[data-alvh-overlay]')).toHaveCount(1, { timeout: 20_000 });
}
