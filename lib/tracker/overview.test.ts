import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { reviewTimeliness } from './due';
import { lastMonths, overviewCsv, overviewFromFacts, overviewOf } from './overview';
import { listEntry, listRows } from './summary';
import type { ReviewRecord, TrackedAgreement } from './model';

const TODAY = '2026-12-08';

function agreement(personId: string, startDate: string, extra: Partial<TrackedAgreement> = {}): TrackedAgreement {
  return {
    key: `${personId}|${startDate}`, personId, startDate, endDate: null, firstReviewDate: null, frequency: null, reviews: [],
    source: 'save', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', gaps: null, ...extra,
  };
}

function review(date: string, extra: Partial<ReviewRecord> = {}): ReviewRecord {
  return { date, outcome: 'continue', nextReviewDate: null, source: 'save', recordedAt: `${date}T10:00:00.000Z`, gaps: null, ...extra };
}

describe('the team overview', () => {
  it('takes the last 12 months up to this one', () => {
    expect(lastMonths(TODAY)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(lastMonths('2027-02-28', 3)).toEqual(['2026-12', '2027-01', '2027-02']);
  });

  it('calls a review late when held after the due date the tracker held before it', () => {
    // First review due a month after the start; then monthly.
    const entry = agreement('1234567', '2026-09-01', { frequency: 'monthly', reviews: [review('2026-09-25'), review('2026-11-03'), review('2026-12-01')] });
    expect(reviewTimeliness(entry)).toEqual([
      { date: '2026-09-25', due: '2026-10-01', late: false },
      { date: '2026-11-03', due: '2026-10-25', late: true },
      { date: '2026-12-01', due: '2026-12-03', late: false },
    ]);
    // The next review date recorded at a review, when earlier, is the due date.
    const recorded = agreement('1234567', '2026-09-01', { reviews: [review('2026-09-20', { nextReviewDate: '2026-10-10' }), review('2026-10-11')] });
    expect(reviewTimeliness(recorded).map((item) => item.late)).toEqual([false, true]);
  });

  it('counts by status as the popup does, reviews by month, past end dates and forms with errors by rule', () => {
    const entries = [
      agreement('1000001', '2026-10-01'), // first review due 1 November: overdue
      agreement('1000002', '2026-11-20'), // due 20 December: upcoming with a 7-day window
      agreement('1000003', '2026-11-12', { firstReviewDate: '2026-12-10' }), // due soon
      agreement('1000004', '2026-03-01', { endDate: '2026-09-01', reviews: [review('2026-03-25'), review('2026-07-01')] }), // past end, no review ended it
      agreement('1000005', '2026-03-01', { endDate: '2026-09-01', reviews: [review('2026-08-30', { outcome: 'endMonitoring' })] }), // ended by a review
      agreement('1000006', '2025-06-01', {
        reviews: [review('2025-06-20'), review('2025-12-01', { gaps: { errors: { 'review-outcome': 1 }, warnings: {} } }), review('2026-02-20', { gaps: { errors: { 'review-outcome': 2, 'next-review-date': 1 }, warnings: {} } })],
        gaps: { errors: { 'signed-by': 1 }, warnings: { 'agreement-length': 1 } },
      }),
      agreement('1000007', '2026-11-01', { gaps: { errors: {}, warnings: { 'agreement-length': 1 } } }),
    ];
    const overview = overviewOf(entries, TODAY, 7);
    const popup = { overdue: 0, 'due-soon': 0, upcoming: 0, ended: 0 };
    for (const row of listRows(entries.map(listEntry), TODAY, 7)) popup[row.status]++;
    expect(overview.counts).toEqual(popup);
    expect(overview.counts).toEqual({ overdue: 3, 'due-soon': 1, upcoming: 1, ended: 2 });
    // 2025-06-20 and 2025-12-01 are outside the 12 months. 2026-02-20 was due 1 March (three months
    // after 1 December): on time. 2026-08-30 was due 1 April (a month after the start): late.
    const held = Object.fromEntries(overview.months.filter((month) => month.onTime + month.late > 0).map((month) => [month.month, [month.onTime, month.late]]));
    expect(held).toEqual({ '2026-02': [1, 0], '2026-03': [1, 0], '2026-07': [0, 1], '2026-08': [0, 1] });
    expect([overview.reviewsOnTime, overview.reviewsLate]).toEqual([2, 2]);
    expect(overview.pastEnd.map((entry) => entry.personId)).toEqual(['1000004']);
    // Two reviews and one agreement of 1000006; a form with warnings only does not count.
    expect(overview.finishedWithErrors).toBe(3);
    expect(overview.byRule.map((rule) => [rule.rule, rule.forms.map((form) => `${form.form} ${form.date} ×${form.count}`)])).toEqual([
      ['review-outcome', ['review 2026-02-20 ×2', 'review 2025-12-01 ×1']],
      ['next-review-date', ['review 2026-02-20 ×1']],
      ['signed-by', ['agreement 2025-06-01 ×1']],
    ]);
  });

  it('lists as past its end date an agreement whose last review went on after one that ended monitoring', () => {
    const resumed = agreement('1000009', '2026-01-01', { endDate: '2026-10-31', reviews: [review('2026-02-01', { outcome: 'endMonitoring' }), review('2026-03-01')] });
    const ended = agreement('1000010', '2026-01-01', { endDate: '2026-10-31', reviews: [review('2026-02-01'), review('2026-03-01', { outcome: 'endMonitoring' })] });
    expect(overviewOf([resumed, ended], TODAY, 14).pastEnd.map((entry) => entry.personId)).toEqual(['1000009']);
  });

  it('writes a CSV with every figure, month and list, and no cell a spreadsheet reads as a formula', () => {
    const entries = [agreement('1000004', '2026-03-01', { endDate: '2026-09-01', gaps: { errors: { 'signed-by': 1 }, warnings: {} } })];
    const csv = overviewCsv(overviewOf(entries, TODAY, 14), () => '=HYPERLINK("x")');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Monitoring Guard team overview,2026-12-08');
    expect(lines).toContain('Agreements overdue,0');
    expect(lines).toContain('Agreements ended,1');
    expect(lines).toContain('Agreements past their end date with no review that ended monitoring,1');
    expect(lines).toContain('2026-12,0,0');
    expect(lines).toContain('1000004,2026-03-01,2026-09-01');
    expect(lines).toContain(`signed-by,"'=HYPERLINK(""x"")",1000004,agreement,2026-03-01,1`);
  });
});

describe('the overview\'s facts kept beside the entries', () => {
  it('agree with the entries after every kind of write, and are built again when missing or broken', async () => {
    const { TrackerDatabase } = await import('./db');
    const { OVERVIEW_ID, readOverviewFacts } = await import('./summary');
    const store = await import('./store');
    const { applyImport, planImports } = await import('./transfer');
    const { teamBackups } = await import('../../test/support/team');
    const db = new TrackerDatabase(`overview-facts-${Date.now()}`);
    const agree = async (when: string) => {
      const expected = overviewOf(await store.listAgreements(db), TODAY, 14);
      expect(overviewFromFacts(await readOverviewFacts(db), TODAY, 14), when).toEqual(expected);
    };
    try {
      await agree('empty');
      const files = teamBackups({ today: TODAY, agreements: 30, reviews: 90, seed: 4, workers: ['a', 'b'] });
      const check = await planImports(db, files);
      if (!check.ok) throw new Error(check.errors.join('; '));
      await applyImport(db, check.plan);
      await agree('after an import');
      const some = (await store.listAgreements(db))[0]!;
      await store.recordReview(db, some, { date: TODAY, outcome: 'endMonitoring', nextReviewDate: null, gaps: { errors: { 'young-person-views': 1 }, warnings: {} } }, 'finish');
      await agree('after a review');
      await store.upsertAgreement(db, { personId: '4444444', startDate: '2026-10-01', endDate: '2026-11-30', firstReviewDate: null, frequency: null, gaps: { errors: { 'agreement-signed': 1 }, warnings: {} } }, 'save');
      await agree('after an agreement');
      await store.removeAgreement(db, some.key);
      await agree('after a removal');
      await store.applyRetention(db, TODAY, 30);
      await agree('after retention');
      await db.summary.put({ id: OVERVIEW_ID, count: 1, latest: 'x', entries: '[["broken"]]' });
      await agree('after the facts were broken');
      await db.summary.delete(OVERVIEW_ID);
      await store.upsertAgreement(db, { personId: '5555555', startDate: '2026-10-01', endDate: null, firstReviewDate: null, frequency: null }, 'manual');
      await agree('after a write while the facts were missing');
      await store.deleteAll(db);
      await agree('after deleting all');
    } finally {
      db.close();
    }
  });

  it('are never read from a record that does not hold them', async () => {
    const { decodeOverview } = await import('./summary');
    expect(decodeOverview({ id: 'overview', count: 1, latest: '', entries: '[["1|2026-01-01",null,"2026-02-01",null,null,[],[["a","2026-01-01",{"x":0}]]]]' })).toBeNull();
    expect(decodeOverview({ id: 'overview', count: 2, latest: '', entries: '[]' })).toBeNull();
    expect(decodeOverview({ id: 'overview', count: 0, latest: '', entries: 'not json' })).toBeNull();
  });
});
