import { describe, expect, it } from 'vitest';
import { builtInProfiles } from '../forms/profiles';
import { FREQUENCIES, OUTCOMES } from '../tracker/model';
import { FORM_KINDS, VOCABULARY, answerValues, fieldNames, fieldSpec } from './vocabulary';

describe('the form vocabulary', () => {
  it.each(FORM_KINDS)('the built-in %s profile asks every question of the vocabulary, once, in its order', (kind) => {
    const profile = builtInProfiles.find((candidate) => candidate.kind === kind)!;
    expect(profile.questions.map((question) => question.name)).toEqual(fieldNames(kind));
    for (const question of profile.questions) {
      const spec = fieldSpec(kind, question.name)!;
      expect(question.type).toBe(spec.type);
      expect((question.answers ?? []).map((answer) => answer.value)).toEqual(answerValues(kind, question.name));
      const columns = 'columns' in spec ? Object.entries(spec.columns) : [];
      expect((question.columns ?? []).map((column) => [column.name, column.type])).toEqual(columns);
    }
  });

  it('is where the tracker takes its review frequencies and outcomes from', () => {
    expect(FREQUENCIES).toBe(VOCABULARY.agreement.reviewFrequency.values);
    expect(OUTCOMES).toBe(VOCABULARY.review.outcome.values);
  });

  it('knows no field of another name', () => {
    expect(fieldSpec('agreement', 'reviewDate')).toBeUndefined();
    expect(fieldSpec('agreement', 'toString')).toBeUndefined();
    expect(answerValues('agreement', 'firstReviewDate')).toEqual([]);
  });
});
