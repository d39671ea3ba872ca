/**
 * Finds a Chromium for the browser tests and the demo, in this order: $CHROMIUM_PATH, the
 * system Chromium/Chrome, Playwright's own browser if one happens to be installed. When none
 * is found: on Debian as root it installs the `chromium` package with apt-get; otherwise it
 * says how to get one. It never downloads a browser itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const HOW_TO_GET_ONE = [
  'No Chromium found for the browser tests.',
  '  Debian/Ubuntu: sudo apt-get install chromium   (then re-run)',
  '  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chrome',
  '  (the tests never download a browser themselves).',
].join('\n');

async function playwrightOwnBrowser(): Promise<string | null> {
  try {
    const { chromium } = await import('@playwright/test');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function isDebianRoot(): boolean {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

/** Returns an executable path, installing Debian's chromium when that is possible. */
export async function findBrowser(log: (line: string) => void = console.log): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.\n${HOW_TO_GET_ONE}`);
  }
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  const own = await playwrightOwnBrowser();
  if (own) return own;
  if (isDebianRoot()) {
    log('No Chromium found: installing Debian package "chromium" with apt-get (about 30 s)…');
    const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
    log(`  (${/PRETTY_NAME="([^"]+)"/.exec(osRelease)?.[1] ?? 'Debian'})`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(HOW_TO_GET_ONE);
}

/** Flags for running our extension in Chromium on these machines (see SETUP-NOTES.md). */
export function chromiumArgs(extensionPath: string): string[] {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
  ];
  // Chromium refuses to run as root without it.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return args;
}
