/**
 * How long one scan of a large page takes in Chromium: our form among 150, 600 and 2,400 other
 * questions. Prints medians; asserts nothing (times on shared machines are noisy).
 *
 *   node bench/scan-time.ts
 */
import { bigPage } from '../test/support/big-page.ts';
import { chromePath } from '../test/support/browser.ts';
import { scannerBundle } from './scan-bundle.ts';
import puppeteer from 'puppeteer-core';

const RUNS = 15;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const code = await scannerBundle();
const browser = await puppeteer.launch({
  executablePath: chromePath(),
  headless: true,
  pipe: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const questions of [150, 600, 2400]) {
    await page.setContent(bigPage({ otherQuestions: questions, sections: Math.max(1, Math.round(questions / 20)) }));
    await page.addScriptTag({ content: code });
    // Two warm-up runs, then the measured ones.
    await page.evaluate(() => (window as unknown as { MonitoringGuardScan: { measure: (n: number) => unknown } }).MonitoringGuardScan.measure(2));
    const result = (await page.evaluate(
      (runs) => (window as unknown as { MonitoringGuardScan: { measure: (n: number) => unknown } }).MonitoringGuardScan.measure(runs),
      RUNS,
    )) as { times: number[]; found: number; kind: string; controls: number };
    console.log(
      `${questions} other questions (${result.controls} controls): scan median ${median(result.times).toFixed(1)} ms over ${RUNS} runs; found ${result.kind} with ${result.found} of 16 questions`,
    );
  }
} finally {
  await browser.close();
}
