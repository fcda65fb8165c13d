import { describe, expect, it } from 'vitest';
import { FORM_KINDS } from '../forms/profile';
import { builtInProfiles } from '../forms/profiles';
import type { FormSnapshot } from '../forms/snapshot';
import { evaluate } from '../procedure/evaluate';
import { DEFAULT_SETTINGS } from '../settings';
import { COMPLETE, snapshotFor } from '../../test/support/snapshots';
import { SectionMemory } from './sections';

const context = { today: '2026-11-25', settings: DEFAULT_SETTINGS, trackedReviewDue: null };
const agreement = builtInProfiles.find((profile) => profile.kind === 'agreement')!;
const inSection = (section: string) => agreement.questions.filter((question) => question.section === section).map((question) => question.name);
/** The agreement as the page shows it with only these sections in it. */
function showing(...sections: string[]): FormSnapshot {
  const missing = agreement.questions.filter((question) => !sections.includes(question.section!)).map((question) => question.name);
  return snapshotFor('agreement', COMPLETE.agreement, { missing, personId: '1234567' });
}

describe('sections that leave the page', () => {
  it('keeps what was read of a section while another is shown, and names the sections never shown', () => {
    const memory = new SectionMemory();
    const first = memory.recall(showing('Agreement'));
    expect(first.unreadSections).toEqual(['Consent', 'Action plan', 'Review']);
    const second = memory.recall(showing('Consent'));
    expect(second.recalled).toEqual(inSection('Agreement'));
    expect(second.fields.agreementStartDate?.value).toEqual(first.fields.agreementStartDate?.value);
    expect(second.unreadSections).toEqual(['Action plan', 'Review']);
    expect(evaluate(second, context).gaps.some((gap) => gap.message.startsWith("Open the section 'Review'"))).toBe(true);
    memory.recall(showing('Action plan'));
    const last = memory.recall(showing('Review'));
    expect(last.unreadSections).toBeUndefined();
    expect(last.missing).toEqual([]);
    expect(evaluate(last, context).gaps).toEqual([]);
  });

  it('reads a section again when it comes back', () => {
    const memory = new SectionMemory();
    memory.recall(showing('Agreement'));
    const changed = showing('Agreement');
    changed.fields.agreementStartDate = { ...changed.fields.agreementStartDate!, value: { type: 'date', date: { state: 'empty' } } };
    memory.recall(changed);
    expect(memory.recall(showing('Consent')).fields.agreementStartDate?.value).toEqual({ type: 'date', date: { state: 'empty' } });
  });

  it('forgets a question taken away from a section still shown (a conditional question)', () => {
    const memory = new SectionMemory();
    memory.recall(showing('Consent'));
    const without = showing('Consent');
    delete without.fields.gillickAssessedBy;
    without.missing = [...without.missing, 'gillickAssessedBy'];
    const read = memory.recall(without);
    expect(read.fields.gillickAssessedBy).toBeUndefined();
    expect(read.missing).toContain('gillickAssessedBy');
    // And it stays forgotten when the section leaves.
    expect(memory.recall(showing('Review')).fields.gillickAssessedBy).toBeUndefined();
  });

  it('keeps each person’s form apart', () => {
    const memory = new SectionMemory();
    memory.recall(showing('Agreement'));
    const other = { ...showing('Consent'), personId: '7654321' };
    expect(memory.recall(other).recalled).toBeUndefined();
  });

  it('remembers nothing of a form without a person ID, and still names the sections not read', () => {
    const memory = new SectionMemory();
    memory.recall({ ...showing('Agreement'), personId: null });
    const read = memory.recall({ ...showing('Consent'), personId: null });
    expect(read.recalled).toBeUndefined();
    expect(read.unreadSections).toEqual(['Agreement', 'Action plan', 'Review']);
  });

  // A form with a section never read is never complete: every section of every built-in form
  // holds a question that some rule needs on a form otherwise complete.
  for (const kind of FORM_KINDS) {
    const profile = builtInProfiles.find((candidate) => candidate.kind === kind)!;
    const sections = [...new Set(profile.questions.map((question) => question.section!))];
    it(`never calls a ${kind} complete while one of its sections is unread`, () => {
      for (const section of sections) {
        const missing = profile.questions.filter((question) => question.section === section).map((question) => question.name);
        const snapshot = { ...snapshotFor(kind, COMPLETE[kind], { missing }), unreadSections: [section] };
        const errors = evaluate(snapshot, context).gaps.filter((gap) => gap.kind === 'not-found' && gap.message.startsWith(`Open the section '${section}'`));
        expect(errors.length, section).toBeGreaterThan(0);
      }
    });
  }
});
