import { describe, expect, it } from 'vitest';
import { COMPLETE, snapshotFor } from '../../test/support/snapshots';
import { builtInProfiles } from '../forms/profiles';
import { evaluate } from '../procedure/evaluate';
import { DEFAULT_SETTINGS } from '../settings';
import { buildView, finishLines } from './view-model';

const context = { today: '2026-11-25', settings: DEFAULT_SETTINGS, trackedReviewDue: null };
const agreement = builtInProfiles.find((profile) => profile.kind === 'agreement')!;
const names = (section: string) => agreement.questions.filter((question) => question.section === section).map((question) => question.name);

function viewOf(missing: string[], unreadSections: string[] = []) {
  const snapshot = { ...snapshotFor('agreement', COMPLETE.agreement, { missing }), ...(unreadSections.length ? { unreadSections } : {}) };
  return buildView(snapshot, evaluate(snapshot, context), { formName: agreement.title, questionsExpected: agreement.questions.length, signOff: false });
}

describe('what the panel lists', () => {
  it('shows a question not found once, with every check it blocks under it', () => {
    const view = viewOf(['signedBy']);
    const blocked = view.gaps.filter((gap) => gap.kind === 'not-found');
    expect(new Set(blocked.map((gap) => gap.rule)).size).toBeGreaterThan(1);
    const items = view.errorItems.filter((item) => item.kind === 'question');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ field: 'signedBy', message: "Could not find the question 'Agreement signed by': if the form asks it, tell your council's Mosaic team" });
    // Every gap is still in one item, once.
    expect(view.errorItems.flatMap((item) => (item.kind === 'gap' ? [item.gap] : item.gaps))).toEqual(view.gaps.filter((gap) => gap.severity === 'error'));
    expect(finishLines(view).filter((line) => line.message.includes('Agreement signed by'))).toHaveLength(1);
  });

  it('groups what it has not read by section, and the Finish dialog asks for those sections to be opened', () => {
    const view = viewOf([...names('Consent'), ...names('Review')], ['Consent', 'Review']);
    const sections = view.errorItems.filter((item) => item.kind === 'section');
    expect(sections.map((item) => item.kind === 'section' && item.section)).toEqual(['Consent', 'Review']);
    for (const item of sections) {
      if (item.kind !== 'section') continue;
      const checks = new Set(item.gaps.map((gap) => gap.rule)).size;
      expect(item.message).toBe(`Not checked yet: open ${item.section} — ${checks === 1 ? '1 check' : `${checks} checks`}`);
    }
    expect(view.errorItems.some((item) => item.kind === 'question')).toBe(false);
    expect(finishLines(view)[0]!.message).toBe('Open the sections Consent and Review so they can be checked');
  });
});
