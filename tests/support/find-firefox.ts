/**
 * Finds Firefox for the Firefox browser test: $FIREFOX_PATH, then Debian's firefox-esr or a
 * system firefox. When none is found: on Debian as root it installs the `firefox-esr` package
 * with apt-get; otherwise it says how to get one. It never downloads a browser itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export const HOW_TO_GET_FIREFOX = [
  'No Firefox found for the Firefox browser test.',
  '  Debian/Ubuntu: sudo apt-get install firefox-esr   (then re-run)',
  '  Elsewhere: install Firefox (128 or later, for WebDriver BiDi webExtension.install) and set FIREFOX_PATH=/path/to/firefox',
  '  (the tests never download a browser themselves).',
].join('\n');

function isDebianRoot(): boolean {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

/** Returns Firefox's executable path, installing Debian's firefox-esr when that is possible. */
export function findFirefox(log: (line: string) => void = console.log): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH=${fromEnv} does not exist.\n${HOW_TO_GET_FIREFOX}`);
  }
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  if (isDebianRoot()) {
    log('No Firefox found: installing Debian package "firefox-esr" with apt-get (about a minute)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/firefox-esr')) return '/usr/bin/firefox-esr';
  }
  throw new Error(HOW_TO_GET_FIREFOX);
}
