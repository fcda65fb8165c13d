/** Chromium with the built extension loaded (`.output/chrome-mv3`), for browser tests and the demo. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

export function chromePath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium was not found at ${path}. Install it (apt-get install chromium) or set CHROME_PATH.`);
  }
  return path;
}

/** Chromium as these machines need it: from Debian, headless, and making no traffic of its own. */
export function launchChromium(options: { headless?: boolean; extension?: boolean; extensionDir?: string } = {}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromePath(),
    headless: options.headless ?? true,
    pipe: true,
    ...(options.extension ? { enableExtensions: [options.extensionDir ?? EXTENSION_DIR] } : {}),
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

/** The add-on ID of the Firefox build, as its manifest gives it (wxt.config.ts). */
export function firefoxAddonId(): string {
  const manifest = JSON.parse(readFileSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`The Firefox build in ${FIREFOX_EXTENSION_DIR} has no add-on ID`);
  return id;
}

/** The host of the extension's pages (moz-extension://…) when Firefox is launched with `extensionPages`. */
export const FIREFOX_EXTENSION_UUID = '5b0c1f3e-7a2d-4e8b-9c61-0d4f2a9e7b13';

/**
 * A Firefox installation of its own, for one run, that reads `policies` from its
 * `distribution/policies.json`, as a council's managed Firefox does: a copy of the Firefox binary
 * (Firefox finds its installation folder from the real path of the running binary, so it must be
 * a copy, not a link) beside links to everything else of the installation. Nothing outside the
 * temporary folder is touched. (A policies.json in /etc/firefox/policies/ would win over it.)
 */
function firefoxWithPolicies(policies: unknown): { executablePath: string; folder: string } {
  const binary = realpathSync(firefoxPath());
  const installation = dirname(binary);
  const folder = mkdtempSync(join(tmpdir(), 'mg-firefox-policy-'));
  const own = new Set([basename(binary), 'firefox-bin', 'distribution']);
  for (const entry of readdirSync(installation)) {
    if (!own.has(entry)) symlinkSync(join(installation, entry), join(folder, entry));
  }
  copyFileSync(binary, join(folder, basename(binary)));
  const distribution = join(folder, 'distribution');
  mkdirSync(distribution);
  // Whatever else the installation's distribution folder holds (Debian's search plugins) stays.
  const installed = join(installation, 'distribution');
  if (existsSync(installed)) {
    for (const entry of readdirSync(installed)) {
      if (entry !== 'policies.json') symlinkSync(join(realpathSync(installed), entry), join(distribution, entry));
    }
  }
  writeFileSync(join(distribution, 'policies.json'), `${JSON.stringify(policies, null, 2)}\n`);
  return { executablePath: join(folder, basename(binary)), folder };
}

export interface FirefoxLaunchOptions {
  /**
   * The extension's settings as IT sets them by policy: written to a policies.json under
   * "3rdparty" → "Extensions" → the add-on ID (docs/deploying.md), read by Firefox as it starts.
   */
  policy?: Record<string, unknown>;
  /** Lets the test open the extension's own pages (openFirefoxExtensionPage). */
  extensionPages?: boolean;
  /**
   * The browser's prompt for a host permission (permissions.request, from a click) answers Allow
   * by itself, as the user would: the prompt is Firefox's own window, out of a test's reach.
   */
  allowHostPrompts?: boolean;
}

/** Firefox with the Firefox build of the extension installed (as a temporary add-on). */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<Browser> {
  if (!existsSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run npm run build:demo:firefox first.`);
  }
  const addonId = firefoxAddonId();
  const installation = options.policy
    ? firefoxWithPolicies({ policies: { '3rdparty': { Extensions: { [addonId]: options.policy } } } })
    : null;
  const removeInstallation = () => {
    if (installation) rmSync(installation.folder, { recursive: true, force: true });
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: installation?.executablePath ?? firefoxPath(),
      headless: true,
      // Lets the remote protocol open moz-extension:// pages.
      ...(options.extensionPages ? { args: ['--remote-allow-system-access'] } : {}),
      extraPrefsFirefox: {
        // No update checks, telemetry or other traffic of Firefox's own.
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        'network.captive-portal-service.enabled': false,
        'extensions.getAddons.cache.enabled': false,
        // The extension's pages at a host known beforehand.
        ...(options.extensionPages ? { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_EXTENSION_UUID }) } : {}),
        ...(options.allowHostPrompts ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
      },
    });
  } catch (error) {
    removeInstallation();
    throw error;
  }
  browser.once('disconnected', removeInstallation);
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/** The BiDi browsing context behind a page of Firefox (puppeteer's own, not in its public types). */
interface BidiBrowsingContext {
  navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<unknown>;
}

/**
 * Opens one of the extension's pages (`options.html`, `popup.html`) in a tab of Firefox launched
 * with `extensionPages`. page.goto() never sees a moz-extension:// page's load event, so this
 * navigates the BiDi context itself; page.url() may still say about:blank afterwards, but
 * evaluate runs in the page. The caller waits for the state it needs (waitForFunction).
 */
export async function openFirefoxExtensionPage(browser: Browser, path: string, page?: Page): Promise<Page> {
  const tab = page ?? (await browser.newPage());
  const context = (tab.mainFrame() as unknown as { browsingContext?: BidiBrowsingContext }).browsingContext;
  if (!context) throw new Error('This page has no BiDi browsing context: openFirefoxExtensionPage is for Firefox');
  await context.navigate(`moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`, 'complete');
  return tab;
}
