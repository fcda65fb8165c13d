/**
 * npm run demo: builds the demo extension, serves the sample Mosaic pages on this computer and
 * opens Chromium with the extension loaded. With no display (or with --headless) it visits every
 * sample page, writes a screenshot of each to demo-output/, and prints what it recognised.
 *
 * The sample pages' dates are served moved to today: every date in them is moved by the days from
 * the day they were written for (REFERENCE_DAY) to today, so that the forms and the tracker look
 * as they did that day, whenever the demo runs (the files themselves keep their fixed dates, which
 * the tests rely on).
 *
 *   npm run demo                 # a window if there is a display, else headless
 *   npm run demo -- --headless   # always headless
 *   npm run demo -- --no-build   # use the extension already in .output/chrome-mv3
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { addDays, addMonths, formatDate, todayInUk } from '../lib/dates.ts';
import { extensionId, launchWithExtension } from '../test/support/browser.ts';
import { serveDirectory } from '../test/support/server.ts';
import { daysBetween, shiftDates } from '../test/support/shift-dates.ts';
import { teamBackups } from '../test/support/team.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const OUTPUT = join(ROOT, 'demo-output');
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;
/** The sample page on which the demo also presses Finish. */
const FINISH_DEMO = 'step-editor-window-agreement.html';
/**
 * The day the sample pages were written for: the unit tests check each page's gaps on that day
 * (test/unit/fixtures.test.ts), and the tracking sample's first review, 25 October, is overdue then.
 */
const REFERENCE_DAY = '2026-11-25';
/** Today in the UK, as the extension has it; and the days every date in the sample pages is moved. */
const TODAY = todayInUk(new Date());
const SHIFT = daysBetween(REFERENCE_DAY, TODAY);
/** The popup's groups, in its order and words (components/popup/StatusTag.tsx). */
const STATUSES = { overdue: 'Overdue', 'due-soon': 'Due soon', upcoming: 'Upcoming', ended: 'Ended' } as const;

interface Expected {
  description: string;
  frameOf?: string;
}

function samplePages(): Array<{ file: string; description: string }> {
  return readdirSync(join(FIXTURES, 'expected'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, expected: JSON.parse(readFileSync(join(FIXTURES, 'expected', name), 'utf8')) as Expected }))
    .filter(({ expected }) => !expected.frameOf)
    .map(({ name, expected }) => ({ file: name.replace(/\.json$/, '.html'), description: expected.description }))
    .concat([
      { file: 'tracking/agreement.html', description: 'A written agreement whose first review is overdue, to show in the tracker.' },
      { file: 'tracking/review-continue.html', description: 'A review of that agreement, held since, with the date of the next review: in the tracker it is upcoming.' },
    ]);
}

function indexPage(pages: ReturnType<typeof samplePages>): string {
  const items = pages
    .map(({ file, description }) => `<li><a href="${file}">${file}</a><br><span>${description.replace(/</g, '&lt;')}</span></li>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Monitoring Guard: sample Mosaic pages</title>
<style>body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto;line-height:1.4}li{margin-bottom:1em}span{color:#505a5f}</style></head>
<body><h1>Sample Mosaic pages</h1><p>Open a page: where it holds one of the three internet-monitoring forms, the guard appears at the bottom right.</p><ul>${items}</ul></body></html>`;
}

async function describeDocument(target: Page | Frame): Promise<string> {
  const reading = await target.evaluate(() => {
    const guard = document.querySelector('monitoring-guard');
    if (!guard) return null;
    const gaps = Array.from(guard.shadowRoot?.querySelectorAll('[data-rule]') ?? [], (gap) => {
      // A check blocked by a question not found (or a section not shown) is listed under it.
      const group = gap.closest('.mg-gap-group')?.querySelector('.mg-group-message')?.textContent?.trim();
      const own = (gap.querySelector('.mg-link, .mg-gap-message')?.textContent ?? '').trim();
      const message = group ? `${group} (${own})` : own;
      return `${gap.getAttribute('data-severity')} ${gap.getAttribute('data-rule')}: ${message}`;
    });
    const summary = (guard.shadowRoot?.querySelector('[role=status]')?.textContent ?? '').replace(/^Monitoring Guard: /, '').trim();
    return {
      kind: guard.getAttribute('data-form-kind'),
      personId: guard.getAttribute('data-person-id'),
      state: guard.getAttribute('data-state'),
      summary,
      gaps,
    };
  });
  if (!reading) return 'no form recognised (no guard shown)';
  const lines = [`${reading.summary} Person ID ${reading.personId ?? 'not found'}.`];
  for (const gap of reading.gaps) lines.push(`      - ${gap}`);
  return lines.join('\n');
}

async function main() {
  if (!args.has('--no-build')) {
    console.log('Building the demo extension (npm run build:demo)…');
    execFileSync('npm', ['run', '--silent', 'build:demo'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const pages = samplePages();
  writeFileSync(join(FIXTURES, 'index.html'), indexPage(pages));
  // Every date in the sample pages moved to today, as they are sent (the files are not changed).
  const toToday = (body: Buffer, file: string) => (file.endsWith('.html') ? shiftDates(body.toString('utf8'), SHIFT) : body);
  const server = await serveDirectory(FIXTURES, headless ? 0 : Number(process.env.DEMO_PORT ?? 8765), undefined, toToday);
  console.log(`Serving the sample Mosaic pages at ${server.url}/`);
  console.log(
    `Their dates are relative to today, ${formatDate(TODAY)}, as they were to ${formatDate(REFERENCE_DAY)}, the day they were written for: every date is moved ${SHIFT} ${Math.abs(SHIFT) === 1 ? 'day' : 'days'}.`,
  );
  const browser = await launchWithExtension({ headless });

  if (!headless) {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(`${server.url}/index.html`);
    console.log('Chromium is open with the extension loaded. Close the window or press Ctrl+C to stop.');
    browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
    return;
  }

  mkdirSync(OUTPUT, { recursive: true });
  const page = await browser.newPage();
  for (const { file } of pages) {
    await page.goto(`${server.url}/${file}`, { waitUntil: 'load' });
    // Let pages that build sections by script finish, and the guard settle.
    await new Promise((done) => setTimeout(done, 1500));
    // Save the form, as a worker would (the page's own Save; the tracker notes agreements and reviews).
    await page.evaluate(() => {
      const save = Array.from(document.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Save');
      if (document.querySelector('monitoring-guard')) save?.click();
    });
    await new Promise((done) => setTimeout(done, 200));
    // Open the guard's panel, as a worker would, so that the screenshot shows it.
    await page.evaluate(() => (document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('.mg-chip') as HTMLElement | null)?.click());
    await new Promise((done) => setTimeout(done, 100));
    const shot = join(OUTPUT, file.replace(/\.html$/, '.png').replace(/\//g, '-'));
    await page.screenshot({ path: shot as `${string}.png`, fullPage: false });
    console.log(`\n${file}\n    ${await describeDocument(page)}`);
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      console.log(`    frame ${frame.url().replace(server.url + '/', '')}: ${await describeDocument(frame)}`);
    }
    console.log(`    screenshot: ${shot.replace(ROOT + '/', '')}`);
    if (file === FINISH_DEMO) {
      // What a worker meets on pressing Finish with errors.
      await page.click('#btnFinish');
      await new Promise((done) => setTimeout(done, 200));
      const dialogShot = join(OUTPUT, file.replace(/\.html$/, '-finish.png'));
      await page.screenshot({ path: dialogShot as `${string}.png` });
      console.log(`    pressed Finish: the guard held it back with "There is a problem"; screenshot: ${dialogShot.replace(ROOT + '/', '')}`);
    }
  }
  await fittingDemo(browser, server.url);
  await addByHand(browser);

  // The team lead's view: the popup, with what the visits above saved, finished or viewed.
  const popup = await openPopup(browser, { width: 420, height: 900 });
  await new Promise((done) => setTimeout(done, 500));
  const rows = await popup.$$eval('[data-person-id]', (elements) =>
    elements.map((element) => ({
      personId: element.getAttribute('data-person-id'),
      status: element.getAttribute('data-status') ?? '',
      due: element.getAttribute('data-due'),
      recordReview: Array.from(element.querySelectorAll('button')).some((button) => button.textContent?.trim() === 'Record a review'),
    })),
  );
  const counts = await popup.$$eval('.count', (elements) => elements.map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()));
  const popupShot = join(OUTPUT, 'popup.png');
  // The popup draws only the rows on screen (content-visibility): a window as tall as the list draws them all.
  for (let pass = 0; pass < 3; pass++) {
    await popup.setViewport({ width: 420, height: await popup.evaluate(() => document.documentElement.scrollHeight) });
    await pause(200);
  }
  await popup.screenshot({ path: popupShot as `${string}.png`, fullPage: true });
  console.log(`\nThe review tracker (popup) today, ${formatDate(TODAY)}: ${counts.join(', ')}`);
  for (const [status, label] of Object.entries(STATUSES)) {
    const group = rows.filter((row) => row.status === status);
    console.log(`    ${label}:`);
    for (const row of group) {
      const due = status === 'ended' ? 'monitoring has ended' : `next review due ${formatDate(row.due!)}`;
      console.log(`      person ${row.personId}: ${due}${row.recordReview ? '' : ' (no "Record a review")'}`);
    }
  }
  console.log(`    screenshot: ${popupShot.replace(ROOT + '/', '')}`);
  const missing = Object.entries(STATUSES).filter(([status]) => !rows.some((row) => row.status === status));
  if (missing.length > 0) {
    console.error(`The popup shows no agreement ${missing.map(([, label]) => `'${label}'`).join(' or ')}: the demo should show every status.`);
    process.exitCode = 1;
  }

  await storeShots(browser, server.url);
  await teamOverview(browser);

  await browser.close();
  await server.close();
  console.log(`\nDone: ${pages.length} sample pages, screenshots in demo-output/.`);
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The popup opened in a tab of this size, as the demo photographs and drives it. */
async function openPopup(browser: Awaited<ReturnType<typeof launchWithExtension>>, viewport: { width: number; height: number }): Promise<Page> {
  const popup = await browser.newPage();
  await popup.setViewport(viewport);
  await popup.goto(`chrome-extension://${await extensionId(browser)}/popup.html`, { waitUntil: 'load' });
  return popup;
}

/**
 * The stores' screenshots (1280×800, docs/store-listing.md), into demo-output/store/: the panel
 * open on a written agreement, Finish held back, the popup, and the fitting view.
 */
async function storeShots(browser: Awaited<ReturnType<typeof launchWithExtension>>, url: string): Promise<void> {
  mkdirSync(join(OUTPUT, 'store'), { recursive: true });
  const size = { width: 1280, height: 800 };
  const taken: string[] = [];
  const shot = async (page: Page, name: string) => void taken.push(await shoot(page, `store/${name}`));
  const page = await browser.newPage();
  await page.setViewport(size);
  await page.goto(`${url}/${FINISH_DEMO}`, { waitUntil: 'load' });
  await page.waitForSelector('monitoring-guard');
  await pause(1500);
  await inGuard(page, '.mg-chip');
  await pause(300);
  await shot(page, 'guard-panel.png');
  await page.click('#btnFinish');
  await pause(300);
  await shot(page, 'finish.png');
  // The form fitted earlier in the demo, opened to be fitted again.
  await page.goto(`${url}/fitting/agreement-own-words.html`, { waitUntil: 'load' });
  await page.waitForSelector('monitoring-guard');
  await pause(1500);
  await inGuard(page, '.mg-chip');
  await pause(200);
  await inGuard(page, '[data-action="fit-again"]');
  await pause(500);
  await shot(page, 'fitting.png');
  await page.close();
  // The popup, drawn at its own width in the middle of the picture.
  const popup = await openPopup(browser, size);
  await popup.waitForSelector('[data-person-id]');
  await popup.addStyleTag({ content: 'html { background: #dee0e2; } body { margin: 24px auto; box-shadow: 0 2px 12px rgba(0, 0, 0, 0.3); }' });
  await pause(300);
  await shot(popup, 'popup.png');
  await popup.close();
  console.log(`\nThe stores' screenshots (1280×800, docs/store-listing.md):\n${taken.map((path) => `    ${path}`).join('\n')}`);
}

/**
 * A team lead adds, in the popup, an agreement signed on paper three weeks ago that the tracker
 * has not seen in Mosaic, its first review in a week: due soon, whatever the day.
 */
async function addByHand(browser: Awaited<ReturnType<typeof launchWithExtension>>): Promise<void> {
  const start = addDays(TODAY, -21);
  const firstReview = addDays(TODAY, 7);
  const end = addDays(addMonths(start, 6), -1);
  console.log(`\nAdding an agreement by hand in the popup: person 8800002, started ${formatDate(start)}, first review ${formatDate(firstReview)}`);
  const popup = await openPopup(browser, { width: 420, height: 900 });
  await pause(500);
  await popup.evaluate(() => Array.from(document.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Add an agreement by hand')?.click());
  await popup.waitForSelector('#add-person-id');
  await popup.type('#add-person-id', '8800002');
  for (const [id, iso] of [['add-start', start], ['add-end', end], ['add-first-review', firstReview]] as const) {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    await popup.type(`#${id}-day`, String(day));
    await popup.type(`#${id}-month`, String(month));
    await popup.type(`#${id}-year`, String(year));
  }
  await popup.click('#add-frequency-monthly');
  console.log(`    the form filled in: ${await shoot(popup, 'popup-add.png')}`);
  await popup.evaluate(() => Array.from(document.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Add agreement')?.click());
  await popup.waitForSelector('[data-person-id="8800002"]');
  const notice = await popup.$eval('[data-notice]', (element) => (element.textContent ?? '').trim()).catch(() => '');
  console.log(`    added: ${notice}`);
  await popup.close();
}

/** Who the demo team is: each worker's backup, as they would download it from their popup. */
const TEAM_WORKERS = ['alex-morgan', 'sam-okafor', 'priya-shah', 'jo-williams'];

/**
 * A team lead's overview: four workers' backups (dated relative to today, with a few cases held
 * by two of them after a handover) imported at once in the team overview, which is then
 * photographed, and printed on A4 into demo-output/overview.pdf.
 */
async function teamOverview(browser: Awaited<ReturnType<typeof launchWithExtension>>): Promise<void> {
  const folder = join(OUTPUT, 'team');
  mkdirSync(folder, { recursive: true });
  const paths = teamBackups({ today: TODAY, agreements: 48, reviews: 150, seed: 26, workers: TEAM_WORKERS }).map((file) => {
    const path = join(folder, file.name);
    writeFileSync(path, file.text);
    return path;
  });
  console.log(`\nThe team overview: importing ${paths.length} workers' backups at once (${paths.map((path) => path.replace(ROOT + '/', '')).join(', ')})`);
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${await extensionId(browser)}/overview.html`, { waitUntil: 'load' });
  await page.waitForSelector('main[data-overview-state="ready"]');
  const input = await page.waitForSelector('input[type=file]#import-file');
  await input!.uploadFile(...paths);
  await page.waitForSelector('#import-preview');
  console.log(`    preview: ${await page.$eval('#import-preview', (element) => (element.textContent ?? '').trim())}`);
  await page.evaluate(() => document.querySelector<HTMLDetailsElement>('.confirm details')?.setAttribute('open', ''));
  console.log(`      ${await page.$eval('.confirm .hint', (element) => (element.textContent ?? '').trim())}`);
  console.log(`      screenshot: ${await shoot(page, 'overview-import.png')}`);
  await page.evaluate(() => Array.from(document.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Import')?.click());
  await page.waitForSelector('[data-notice="success"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-figure="upcoming"]')?.textContent) + Number(document.querySelector('[data-figure="ended"]')?.textContent) > 0, { polling: 100 });
  console.log(`    ${await page.$eval('[data-notice]', (element) => (element.textContent ?? '').trim())}`);
  const figures = await page.$$eval('[data-figure]', (elements) => elements.map((element) => `${element.getAttribute('data-figure')} ${element.textContent}`));
  console.log(`    figures: ${figures.join(', ')}`);
  const rules = await page.$$eval('[data-rule-errors]', (elements) => elements.map((element) => `${element.querySelector('h3')?.textContent} (${element.querySelectorAll('tbody tr').length})`));
  for (const rule of rules) console.log(`      with errors: ${rule}`);
  const shot = join(OUTPUT, 'overview.png');
  await page.screenshot({ path: shot as `${string}.png`, fullPage: true });
  console.log(`    screenshot: ${shot.replace(ROOT + '/', '')}`);
  // The stores' fifth screenshot (1280×800): the figures and the chart, without the notice above them.
  await page.setViewport({ width: 1280, height: 800 });
  await page.evaluate(() => document.getElementById('status-heading')?.scrollIntoView());
  console.log(`    the stores' screenshot: ${await shoot(page, 'store/overview.png')}`);
  await page.emulateMediaType('print');
  const pdf = join(OUTPUT, 'overview.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  console.log(`    printed on A4: ${pdf.replace(ROOT + '/', '')}`);
  await page.close();
}

const inGuard = (page: Page, css: string) =>
  page.evaluate((selector) => (document.querySelector('monitoring-guard')?.shadowRoot?.querySelector(selector) as HTMLElement | null)?.click(), css);
const shoot = async (page: Page, name: string) => {
  const path = join(OUTPUT, name);
  await page.screenshot({ path: path as `${string}.png` });
  return path.replace(ROOT + '/', '');
};
/** What the fitting view has chosen for each question (and answer), as the page words it. */
const fittingChoices = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('monitoring-guard')!.shadowRoot!;
    const text = (select: HTMLSelectElement | null) => select?.selectedOptions[0]?.text ?? '';
    return {
      questions: Array.from(root.querySelectorAll('[data-fit-question]'), (element) => ({
        field: element.getAttribute('data-fit-question')!,
        label: element.querySelector('label')!.textContent!.trim(),
        chosen: text(element.querySelector('select')),
        answers: Array.from(element.querySelectorAll('[data-fit-answer]'), (answer) => `${answer.querySelector('label')!.textContent!.trim()} = ${text(answer.querySelector('select'))}`),
      })),
      preview: root.querySelector('[data-fit-preview]')?.textContent ?? '',
    };
  });

/**
 * Fitting a council's form in the page: the sample whose labels and answers are its own is
 * fitted from the guard's panel, a fitting that cannot work is refused, the fitting is saved and
 * exported; and a form the guard does not recognise is fitted from the popup.
 */
async function fittingDemo(browser: Awaited<ReturnType<typeof launchWithExtension>>, url: string): Promise<void> {
  console.log('\nFitting a council\'s own form (fitting/agreement-own-words.html: three labels and four answers worded its own way)');
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: OUTPUT, eventsEnabled: true });
  const page = await browser.newPage();
  await page.goto(`${url}/fitting/agreement-own-words.html`, { waitUntil: 'load' });
  await pause(1500);
  console.log(`    before: ${await describeDocument(page)}`);
  await inGuard(page, '.mg-chip');
  await pause(200);
  console.log(`    step 1, the panel offers "Fit this form": ${await shoot(page, 'fit-offer.png')}`);
  await inGuard(page, '[data-action="fit-form"]');
  await pause(300);
  // Checking one of the questions worded its own way: its page control is highlighted.
  await page.evaluate(() => {
    const select = document.querySelector('monitoring-guard')!.shadowRoot!.querySelector<HTMLSelectElement>('[data-fit-question="signedBy"] select')!;
    select.scrollIntoView({ block: 'center' });
    select.focus();
  });
  await pause(300);
  const choices = await fittingChoices(page);
  console.log(`    step 2, the fitting view with the best guesses (${choices.questions.length} questions): ${await shoot(page, 'fit-view.png')}`);
  for (const question of choices.questions.filter((item) => item.label !== item.chosen)) {
    console.log(`      ${question.label} -> ${question.chosen}${question.answers.length ? ` (${question.answers.join('; ')})` : ''}`);
  }
  console.log(`      ${choices.preview}`);
  // A fitting that cannot work: two of the procedure's questions on one page question.
  await page.evaluate(() => {
    const select = document.querySelector('monitoring-guard')!.shadowRoot!.querySelector<HTMLSelectElement>('[data-fit-question="firstReviewDate"] select')!;
    select.dataset.was = select.value;
    select.value = Array.from(select.options).find((option) => option.text === 'Agreement end date')!.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await inGuard(page, '[data-action="fit-save"]');
  await pause(300);
  const problems = await page.evaluate(() => Array.from(document.querySelector('monitoring-guard')!.shadowRoot!.querySelectorAll('.error-summary li'), (item) => item.textContent));
  console.log(`    a fitting that cannot work is refused ("There is a problem", nothing saved): ${await shoot(page, 'fit-problem.png')}`);
  for (const problem of problems) console.log(`      - ${problem}`);
  await page.evaluate(() => {
    const select = document.querySelector('monitoring-guard')!.shadowRoot!.querySelector<HTMLSelectElement>('[data-fit-question="firstReviewDate"] select')!;
    select.value = select.dataset.was!;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await pause(200);
  await inGuard(page, '[data-action="fit-export"]');
  await pause(800);
  console.log('    exported: demo-output/fitted-agreement-internet-monitoring-written-agreement.json (for IT to set by policy, or to import in the options page)');
  await inGuard(page, '[data-action="fit-save"]');
  await pause(800);
  console.log(`    step 3, saved and used at once: ${await describeDocument(page)}`);
  console.log(`      screenshot: ${await shoot(page, 'fit-saved.png')}`);
  await page.reload({ waitUntil: 'load' });
  await pause(1500);
  console.log(`    after a reload: ${await describeDocument(page)}`);

  console.log('\nFitting a form the guard does not recognise, from the popup (fitting/review-own-title.html: a title of its own)');
  const form = await browser.newPage();
  await form.goto(`${url}/fitting/review-own-title.html`, { waitUntil: 'load' });
  await pause(1500);
  console.log(`    before: ${await describeDocument(form)}`);
  const popup = await openPopup(browser, { width: 420, height: 700 });
  // The popup asks about the tab in front, as when opened from the toolbar.
  await form.bringToFront();
  await popup.reload({ waitUntil: 'load' });
  await pause(800);
  await popup.evaluate(() => (document.querySelector('#fit-kind-review') as HTMLElement | null)?.click());
  await pause(100);
  // In front for its photograph (a tab behind another draws nothing); it has already read the form's tab.
  await popup.bringToFront();
  const popupShot = join(OUTPUT, 'popup-fit.png');
  await popup.screenshot({ path: popupShot as `${string}.png` });
  console.log(`    the popup offers "Fit a form on this page": ${popupShot.replace(ROOT + '/', '')}`);
  await popup.evaluate(() => (document.querySelector('[data-action="fit-start"]') as HTMLElement | null)?.click());
  await pause(800);
  const review = await fittingChoices(form);
  for (const question of review.questions.filter((item) => item.label !== item.chosen)) {
    console.log(`      ${question.label} -> ${question.chosen}${question.answers.length ? ` (${question.answers.join('; ')})` : ''}`);
  }
  console.log(`      ${review.preview}`);
  await inGuard(form, '[data-action="fit-save"]');
  await pause(800);
  console.log(`    saved: ${await describeDocument(form)}`);
  await form.close();
  await page.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
