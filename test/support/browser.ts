/** Chromium with the built extension loaded (`.output/chrome-mv3`), for browser tests and the demo. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

export function chromePath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium was not found at ${path}. Install it (apt-get install chromium) or set CHROME_PATH.`);
  }
  return path;
}

/** Chromium as these machines need it: from Debian, headless, and making no traffic of its own. */
export function launchChromium(options: { headless?: boolean; extension?: boolean } = {}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromePath(),
    headless: options.headless ?? true,
    pipe: true,
    ...(options.extension ? { enableExtensions: [EXTENSION_DIR] } : {}),
    defaultViewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export async function launchWithExtension(options: { headless?: boolean } = {}): Promise<Browser> {
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run npm run build:demo first.`);
  }
  return launchChromium({ ...options, extension: true });
}

/** The loaded extension's ID, read from its service worker (`…/background.js`). */
export async function extensionId(browser: Browser): Promise<string> {
  const target = await browser.waitForTarget(
    (candidate) => candidate.type() === 'service_worker' && candidate.url().endsWith('background.js'),
    { timeout: 10_000 },
  );
  return new URL(target.url()).host;
}

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', '.output', 'firefox-mv3');

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`Firefox was not found at ${path}. Install it (apt-get install firefox-esr) or set FIREFOX_PATH.`);
  }
  return path;
}

/** Firefox with the Firefox build of the extension installed (as a temporary add-on). */
export async function launchFirefoxWithExtension(): Promise<Browser> {
  if (!existsSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run npm run build:demo:firefox first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: {
      // No update checks, telemetry or other traffic of Firefox's own.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'extensions.getAddons.cache.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return browser;
}
