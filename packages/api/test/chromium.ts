import { existsSync } from 'node:fs';

/** Debian's chromium (scripts/ensure-chromium.sh), or CHROMIUM_PATH: the browser tests drive it with playwright-core. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Without the background-networking flags chromium's own connections are refused on a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether chromium is there; when it is not, says which test is skipped and how to install it. */
export const haveChromium = (which: string): boolean => {
  const have = existsSync(CHROMIUM);
  if (!have)
    console.warn(
      `SKIPPED: ${which} needs chromium, and there is none at ${CHROMIUM}. ` +
        'Install it with scripts/ensure-chromium.sh (Debian: apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.',
    );
  return have;
};
