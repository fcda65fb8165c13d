/** One Chromium with the built extension and the fixture pages served, for a file of browser tests. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchWithExtension } from './browser';
import { FIXTURES_DIR } from './fixtures';
import { serveDirectory, type StaticServer } from './server';

export interface Session {
  browser: Browser;
  server: StaticServer;
  /** Opens a fixture page (path under test/fixtures) and waits for it to load. */
  open(file: string): Promise<Page>;
}

/** Starts the browser and the server before the file's tests, and stops them after. */
export function useBrowserSession(): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await serveDirectory(FIXTURES_DIR);
    session.browser = await launchWithExtension();
    session.open = async (file) => {
      const page = await session.browser.newPage();
      await page.goto(`${session.server.url}/${file}`, { waitUntil: 'load' });
      return page;
    };
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
