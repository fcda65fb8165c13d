import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, TrackerDatabase } from './db';
import { readList, SUMMARY_ID } from './summary';
import { trackAgreementMessage } from './messages';
import {
  applyRetention, applyTrackingMessage, deleteAll, listAgreements, recordReview, removeAgreement, reviewDueBefore, upsertAgreement,
} from './store';
import { applyImport, changesOf, exportCsv, exportJson, planImport, planImports } from './transfer';

let db: TrackerDatabase;
let name: string;
let counter = 0;
const NOW = new Date('2026-11-25T10:00:00.000Z');

beforeEach(() => {
  name = `tracker-test-${++counter}`;
  db = new TrackerDatabase(name);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const agreementMessage = {
  type: 'track-agreement' as const,
  personId: '1234567',
  startDate: '2026-11-01',
  endDate: '2027-04-30',
  firstReviewDate: '2026-11-28',
  frequency: 'monthly' as const,
  source: 'save' as const,
};

describe('tracking forms', () => {
  it('keeps one entry per person and start date: a later save updates it', async () => {
    await applyTrackingMessage(db, agreementMessage, NOW);
    await applyTrackingMessage(db, { ...agreementMessage, endDate: '2027-03-31', source: 'finish' }, new Date('2026-11-26T09:00:00Z'));
    const all = await listAgreements(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ key: '1234567|2026-11-01', endDate: '2027-03-31', source: 'save', createdAt: NOW.toISOString() });
    expect(all[0]!.updatedAt).toBe('2026-11-26T09:00:00.000Z');
  });

  it('stores nothing but the ID, dates, frequency, outcomes, where they came from, and the gaps as rule IDs and counts', async () => {
    const gaps = { errors: { 'first-review-due': 1, 'signed-by': 2 }, warnings: { 'agreement-length': 1 } };
    await applyTrackingMessage(db, { ...agreementMessage, gaps }, NOW);
    await recordReview(db, { personId: '1234567', startDate: '2026-11-01', endDate: null }, { date: '2026-11-25', outcome: 'continue', nextReviewDate: null, gaps: { errors: {}, warnings: {} } }, 'save', NOW);
    const [entry] = await db.agreements.toArray();
    expect(Object.keys(entry!).sort()).toEqual(
      ['closesOn', 'createdAt', 'endDate', 'firstReviewDate', 'frequency', 'gaps', 'key', 'personId', 'reviews', 'source', 'startDate', 'updatedAt'],
    );
    expect(entry!.gaps).toEqual(gaps);
    expect(Object.keys(entry!.reviews[0]!).sort()).toEqual(['date', 'gaps', 'nextReviewDate', 'outcome', 'recordedAt', 'source']);
    expect(entry!.reviews[0]!.gaps).toEqual({ errors: {}, warnings: {} });
  });

  it('keeps the gaps of the last save; an entry by hand keeps what the form showed', async () => {
    await applyTrackingMessage(db, { ...agreementMessage, gaps: { errors: { 'signed-by': 1 }, warnings: {} } }, NOW);
    await applyTrackingMessage(db, { ...agreementMessage, source: 'finish', gaps: { errors: {}, warnings: {} } }, NOW);
    expect((await listAgreements(db))[0]!.gaps).toEqual({ errors: {}, warnings: {} });
    await upsertAgreement(db, { personId: '1234567', startDate: '2026-11-01', endDate: null, firstReviewDate: null, frequency: null }, 'manual', NOW);
    expect((await listAgreements(db))[0]!.gaps).toEqual({ errors: {}, warnings: {} });
    const where = { personId: '1234567', startDate: '2026-11-01', endDate: null };
    await recordReview(db, where, { date: '2026-11-25', outcome: null, nextReviewDate: null, gaps: { errors: { 'review-outcome': 1 }, warnings: {} } }, 'save', NOW);
    await recordReview(db, where, { date: '2026-11-25', outcome: 'continue', nextReviewDate: null }, 'manual', NOW);
    expect((await listAgreements(db))[0]!.reviews[0]!.gaps).toEqual({ errors: { 'review-outcome': 1 }, warnings: {} });
  });

  it('refuses gaps that are not rule IDs and counts', () => {
    const withGaps = (gaps: unknown) => trackAgreementMessage.safeParse({ ...agreementMessage, gaps }).success;
    expect(withGaps({ errors: { 'signed-by': 1 }, warnings: {} })).toBe(true);
    expect(withGaps(null)).toBe(true);
    expect(withGaps({ errors: { 'Sam Taylor did not sign': 1 }, warnings: {} })).toBe(false);
    expect(withGaps(JSON.parse('{"errors":{"__proto__":1},"warnings":{}}'))).toBe(false);
    expect(withGaps({ errors: { 'signed-by': 0 }, warnings: {} })).toBe(false);
    expect(withGaps({ errors: { 'signed-by': 1.5 }, warnings: {} })).toBe(false);
    expect(withGaps({ errors: {}, warnings: {}, text: 'the answers' })).toBe(false);
  });

  it('refuses a message carrying anything else (a name), or a date that is not real', () => {
    expect(trackAgreementMessage.safeParse({ ...agreementMessage, name: 'Sam Taylor' }).success).toBe(false);
    expect(trackAgreementMessage.safeParse({ ...agreementMessage, startDate: '2026-02-30' }).success).toBe(false);
    expect(trackAgreementMessage.safeParse({ ...agreementMessage, personId: 'Sam' }).success).toBe(false);
  });

  it('records a review on its agreement (a second save of the same review replaces it), and adds one it did not know', async () => {
    await applyTrackingMessage(db, agreementMessage, NOW);
    const review = { type: 'track-review' as const, personId: '1234567', agreementStartDate: '2026-11-01', agreementEndDate: null, reviewDate: '2026-11-25', outcome: 'continue' as const, nextReviewDate: '2027-01-10', source: 'save' as const };
    await applyTrackingMessage(db, review, NOW);
    await applyTrackingMessage(db, { ...review, outcome: 'continueWithChanges', source: 'finish' }, NOW);
    await applyTrackingMessage(db, { ...review, personId: '7654321', agreementStartDate: '2026-10-01' }, NOW);
    const all = await listAgreements(db);
    expect(all.map((entry) => entry.key).sort()).toEqual(['1234567|2026-11-01', '7654321|2026-10-01']);
    const first = all.find((entry) => entry.personId === '1234567')!;
    expect(first.reviews).toEqual([{ date: '2026-11-25', outcome: 'continueWithChanges', nextReviewDate: '2027-01-10', source: 'finish', recordedAt: NOW.toISOString(), gaps: null }]);
  });

  it('tells the due date it held before a review, and nothing for an agreement it did not hold', async () => {
    await applyTrackingMessage(db, agreementMessage, NOW);
    expect(await reviewDueBefore(db, '1234567', '2026-11-01', '2026-11-30')).toBe('2026-11-28');
    expect(await reviewDueBefore(db, '1111111', '2026-11-01', '2026-11-30')).toBeNull();
  });

  it('removes one entry, or all', async () => {
    await upsertAgreement(db, { personId: '1', startDate: '2026-01-01', endDate: null, firstReviewDate: null, frequency: null }, 'manual', NOW);
    await upsertAgreement(db, { personId: '2', startDate: '2026-01-01', endDate: null, firstReviewDate: null, frequency: null }, 'manual', NOW);
    expect(await removeAgreement(db, '1|2026-01-01')).toBe(true);
    expect(await removeAgreement(db, '1|2026-01-01')).toBe(false);
    expect((await listAgreements(db)).map((entry) => entry.personId)).toEqual(['2']);
    await deleteAll(db);
    expect(await listAgreements(db)).toEqual([]);
  });
});

describe('retention', () => {
  it('deletes entries whose review ended monitoring more than the retention period ago, and keeps the rest', async () => {
    const end = (personId: string, date: string) =>
      recordReview(db, { personId, startDate: '2026-01-01', endDate: '2027-01-01' }, { date, outcome: 'endMonitoring', nextReviewDate: null }, 'save', NOW);
    await end('100', '2026-08-26'); // ended 91 days before 25 November
    await end('101', '2026-08-27'); // 90 days: kept
    await upsertAgreement(db, { personId: '102', startDate: '2026-01-01', endDate: null, firstReviewDate: null, frequency: null }, 'manual', NOW);
    // Past its end date a year ago with no review that ended monitoring: kept, for the team overview to list.
    await upsertAgreement(db, { personId: '103', startDate: '2025-01-01', endDate: '2025-06-30', firstReviewDate: null, frequency: null }, 'manual', NOW);
    expect(await applyRetention(db, '2026-11-25', 90)).toBe(1);
    expect((await listAgreements(db)).map((entry) => entry.personId).sort()).toEqual(['101', '102', '103']);
  });
});

describe('schema versions', () => {
  const old = {
    key: '1234567|2026-01-01', personId: '1234567', startDate: '2026-01-01', endDate: '2026-06-30', firstReviewDate: null, frequency: 'monthly',
    reviews: [{ date: '2026-02-01', outcome: 'endMonitoring', nextReviewDate: null, source: 'save', recordedAt: '2026-02-01T10:00:00.000Z' }],
    source: 'save', createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-02-01T10:00:00.000Z',
  };
  const open = {
    key: '7654321|2026-10-01', personId: '7654321', startDate: '2026-10-01', endDate: null, firstReviewDate: '2026-10-20', frequency: null,
    reviews: [], source: 'view', createdAt: '2026-10-01T10:00:00.000Z', updatedAt: '2026-10-01T10:00:00.000Z',
  };

  // Each earlier version's data, written as that version wrote it, then opened by this one.
  it.each([
    ['1', (v: Dexie) => v.version(1).stores(SCHEMA_V1), [old, open]],
    ['2', (v: Dexie) => v.version(2).stores(SCHEMA_V2), [{ ...old, closesOn: '2026-02-01' }, { ...open, closesOn: null }]],
    // Version 3 counted retention from an end date too (a day no review ended it on): worked out again.
    ['3', (v: Dexie) => v.version(3).stores(SCHEMA_V3), [{ ...old, closesOn: '2026-02-01' }, { ...open, closesOn: '2026-10-31' }]],
  ] as const)('opens the data of version %s intact in the current version, with its list', async (_version, declare, rows) => {
    const earlier = new Dexie(name);
    declare(earlier);
    db.close();
    await earlier.open();
    await earlier.table('agreements').bulkPut([...rows]);
    earlier.close();
    db = new TrackerDatabase(name);
    expect(await listAgreements(db)).toEqual([old, open]);
    expect((await db.agreements.get(old.key))!.closesOn).toBe('2026-02-01');
    expect((await db.agreements.get(open.key))!.closesOn).toBeNull();
    expect(db.verno).toBe(4);
    expect(await db.summary.get(SUMMARY_ID)).toMatchObject({ count: 2, latest: '2026-10-01T10:00:00.000Z' });
    expect(await readList(db)).toEqual([
      { key: old.key, personId: '1234567', startDate: '2026-01-01', endDate: '2026-06-30', due: '2026-03-01', last: { date: '2026-02-01', outcome: 'endMonitoring' } },
      { key: open.key, personId: '7654321', startDate: '2026-10-01', endDate: null, due: '2026-10-20', last: null },
    ]);
  });
});

describe('export and import', () => {
  async function fill() {
    await applyTrackingMessage(db, agreementMessage, NOW);
    await recordReview(db, { personId: '7654321', startDate: '2026-09-01', endDate: '2027-02-28' }, { date: '2026-10-01', outcome: 'continue', nextReviewDate: '2026-12-01' }, 'view', NOW);
  }

  it('gives back exactly the same tracker: export, delete all, import', async () => {
    await fill();
    const before = await listAgreements(db);
    const file = exportJson(before, NOW);
    await deleteAll(db);
    const check = await planImport(db, file);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect([check.plan.add.length, check.plan.update.length]).toEqual([2, 0]);
    await applyImport(db, check.plan);
    expect(await listAgreements(db)).toEqual(before);
    // Importing the same file again changes nothing.
    const again = await planImport(db, file);
    expect(again.ok && again.plan).toEqual({ add: [], update: [], unchanged: 2 });
  });

  it('previews what will be added and updated, merging reviews', async () => {
    await fill();
    const entries = await listAgreements(db);
    const changed = entries.map((entry) =>
      entry.personId === '1234567' ? { ...entry, reviews: [{ date: '2026-11-20', outcome: 'continue' as const, nextReviewDate: null, source: 'manual' as const, recordedAt: NOW.toISOString() }] } : entry,
    );
    const extra = { ...entries[0]!, key: '5555555|2026-11-01', personId: '5555555' };
    const check = await planImport(db, exportJson([...changed, extra], NOW));
    expect(check.ok && check.plan.add.map((entry) => entry.key)).toEqual(['5555555|2026-11-01']);
    expect(check.ok && check.plan.update.map((entry) => entry.reviews.length)).toEqual([1]);
  });

  it.each([
    ['not JSON', '{', /^The file is not valid JSON/],
    ['another file', JSON.stringify({ hello: 1 }), /not a Monitoring Guard tracker backup/],
  ])('refuses %s and changes nothing', async (_, text, message) => {
    await fill();
    const before = await listAgreements(db);
    const check = await planImport(db, text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors[0]).toMatch(message);
    expect(await listAgreements(db)).toEqual(before);
  });

  it('names the row and the problem of a broken backup, and changes nothing', async () => {
    await fill();
    const before = await listAgreements(db);
    const file = JSON.parse(exportJson(before, NOW));
    file.agreements[1].startDate = '2026-02-30';
    file.agreements[0].name = 'Sam Taylor';
    const check = await planImport(db, JSON.stringify(file));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toContain('Row 1 (person 1234567): has fields the tracker does not keep: name');
    expect(check.errors).toContain('Row 2 (person 7654321), startDate: must be a real date written YYYY-MM-DD');
    expect(await listAgreements(db)).toEqual(before);
  });

  describe('several workers\' backups at once', () => {
    const agreement = (personId: string, updatedAt: string, extra: Record<string, unknown> = {}) => ({
      key: `${personId}|2026-09-01`, personId, startDate: '2026-09-01', endDate: null, firstReviewDate: null, frequency: null,
      reviews: [], source: 'save', createdAt: '2026-09-01T09:00:00.000Z', updatedAt, ...extra,
    });
    const review = (date: string, recordedAt: string, outcome: string | null = 'continue') => ({ date, outcome, nextReviewDate: null, source: 'save', recordedAt });
    const backup = (agreements: unknown[]) => JSON.stringify({ format: 'monitoring-guard-tracker', version: 2, exportedAt: NOW.toISOString(), agreements });

    it('keeps the same agreement once, with the latest facts and the reviews of both, and previews the changes', async () => {
      await fill();
      const alex = backup([
        agreement('2222222', '2026-10-01T09:00:00.000Z', { endDate: '2027-02-28', frequency: 'monthly', reviews: [review('2026-10-01', '2026-10-01T09:00:00.000Z')] }),
        agreement('3333333', '2026-10-01T09:00:00.000Z'),
      ]);
      const sam = backup([
        agreement('2222222', '2026-11-01T09:00:00.000Z', { endDate: '2027-03-31', reviews: [review('2026-11-01', '2026-11-01T09:00:00.000Z', 'endMonitoring')], gaps: { errors: { 'review-outcome': 1 }, warnings: {} } }),
      ]);
      const check = await planImports(db, [{ name: 'alex.json', text: alex }, { name: 'sam.json', text: sam }]);
      expect(check.ok).toBe(true);
      if (!check.ok) return;
      expect(check.plan.files).toEqual([{ name: 'alex.json', agreements: 2 }, { name: 'sam.json', agreements: 1 }]);
      expect(check.plan.shared).toBe(1);
      const merged = check.plan.add.find((entry) => entry.personId === '2222222')!;
      // The later file's end date, the earlier's frequency it left empty, both reviews.
      expect(merged).toMatchObject({ endDate: '2027-03-31', frequency: 'monthly', updatedAt: '2026-11-01T09:00:00.000Z', gaps: { errors: { 'review-outcome': 1 }, warnings: {} } });
      expect(merged.reviews.map((entry) => entry.date)).toEqual(['2026-10-01', '2026-11-01']);
      expect(await changesOf(db, check.plan)).toEqual([
        { key: '2222222|2026-09-01', personId: '2222222', startDate: '2026-09-01', change: 'New, with 2 reviews' },
        { key: '3333333|2026-09-01', personId: '3333333', startDate: '2026-09-01', change: 'New' },
      ]);
      // Nothing is written until the plan is applied.
      expect(await db.agreements.count()).toBe(2);
      await applyImport(db, check.plan);
      expect(await db.agreements.count()).toBe(4);
    });

    it('keeps a review recorded while the preview was shown', async () => {
      await fill();
      const check = await planImports(db, [{ name: 'a.json', text: backup([{ ...agreement('1234567', '2026-01-01T09:00:00.000Z'), key: '1234567|2026-11-01', startDate: '2026-11-01', reviews: [review('2026-11-10', '2026-11-10T09:00:00.000Z')] }]) }]);
      expect(check.ok).toBe(true);
      if (!check.ok) return;
      await recordReview(db, { personId: '1234567', startDate: '2026-11-01', endDate: null }, { date: '2026-11-24', outcome: 'continue', nextReviewDate: null }, 'finish', NOW);
      await applyImport(db, check.plan);
      const entry = (await listAgreements(db)).find((item) => item.personId === '1234567')!;
      expect(entry.reviews.map((item) => item.date)).toEqual(['2026-11-10', '2026-11-24']);
    });

    it('refuses a time not written as the tracker writes times, which could win every merge', async () => {
      const check = await planImports(db, [{ name: 'a.json', text: backup([agreement('2222222', '9')]) }]);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.errors[0]).toContain('updatedAt: must be a date and time written as the tracker writes them');
    });

    it('keeps the tracker\'s own facts when a file\'s are older, and says what changes', async () => {
      await fill();
      const older = backup([{ ...agreement('1234567', '2026-01-01T09:00:00.000Z'), key: '1234567|2026-11-01', startDate: '2026-11-01', endDate: '2026-12-31', reviews: [review('2026-11-20', '2026-11-20T09:00:00.000Z')] }]);
      const check = await planImports(db, [{ name: 'old.json', text: older }]);
      expect(check.ok).toBe(true);
      if (!check.ok) return;
      expect(check.plan.update).toHaveLength(1);
      expect(check.plan.update[0]).toMatchObject({ endDate: '2027-04-30', frequency: 'monthly' });
      expect((await changesOf(db, check.plan))[0]!.change).toBe('1 review added');
    });

    it.each([
      ['not JSON', '{"format":'],
      ['a list, not a backup', '[1,2,3]'],
      ['a name among the fields', backup([agreement('2222222', '2026-10-01T09:00:00.000Z', { name: 'Sam Taylor' })])],
      ['a rule ID that is text', backup([agreement('2222222', '2026-10-01T09:00:00.000Z', { gaps: { errors: { '<img src=x onerror=alert(1)>': 1 }, warnings: {} } })])],
      ['a "__proto__" field', backup([agreement('2222222', '2026-10-01T09:00:00.000Z')]).replace('"personId"', '"__proto__":{"polluted":true},"personId"')],
      ['a thousand and one reviews', backup([agreement('2222222', '2026-10-01T09:00:00.000Z', { reviews: Array.from({ length: 1001 }, (_, index) => review(`2026-10-${String((index % 28) + 1).padStart(2, '0')}`, NOW.toISOString())) })])],
    ])('refuses all the files, naming the file, when one holds %s, and changes nothing', async (_, text) => {
      await fill();
      const before = await listAgreements(db);
      const good = backup([agreement('2222222', '2026-10-01T09:00:00.000Z')]);
      const check = await planImports(db, [{ name: 'good.json', text: good }, { name: 'bad.json', text }]);
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.errors.length).toBeGreaterThan(0);
      for (const error of check.errors) expect(error).toMatch(/^bad\.json: /);
      expect(await listAgreements(db)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('reads a backup of version 1, before the gaps were kept', async () => {
      const v1 = JSON.stringify({ format: 'monitoring-guard-tracker', version: 1, exportedAt: NOW.toISOString(), agreements: [agreement('2222222', '2026-10-01T09:00:00.000Z')] });
      const check = await planImports(db, [{ name: 'v1.json', text: v1 }]);
      expect(check.ok && check.plan.add.map((entry) => entry.key)).toEqual(['2222222|2026-09-01']);
    });
  });

  it('writes a CSV a spreadsheet reads, with no cell read as a formula', async () => {
    await fill();
    const csv = exportCsv(await listAgreements(db), '2026-11-25', 14);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Person ID,Agreement start,Agreement end,First review date,Review frequency,Next review due,Status,Last review held,Last review outcome,Reviews held,Added from,Last updated');
    expect(lines[1]).toMatch(/^1234567,2026-11-01,2027-04-30,2026-11-28,monthly,2026-11-28,due-soon,,,0,save,/);
    expect(lines[2]).toMatch(/^7654321,2026-09-01,2027-02-28,,,2026-12-01,due-soon,2026-10-01,continue,1,view,/);
  });
});
