import { findBrowser } from '../support/find-browser';

/** Finds (or on Debian as root installs) Chromium once, before any browser test. */
export default async function globalSetup(): Promise<void> {
  process.env.CHROMIUM_PATH = await findBrowser();
}
