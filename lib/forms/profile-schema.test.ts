import { describe, expect, it } from 'vitest';
import { builtInProfiles } from './profiles';
import { parseProfileJson, parseProfiles } from './profile-schema';

const minimal = {
  id: 'acme-agreement',
  kind: 'agreement',
  title: 'Online safety agreement',
  questions: [
    { name: 'agreementStartDate', type: 'date', label: 'Start of agreement' },
    { name: 'signedBy', type: 'choice', label: 'Signed by', answers: [{ value: 'youngPerson', label: 'Child' }] },
  ],
};

describe('parseProfiles', () => {
  it('accepts the built-in profiles, unchanged', () => {
    const result = parseProfiles(JSON.parse(JSON.stringify(builtInProfiles)));
    expect(result).toEqual({ ok: true, profiles: JSON.parse(JSON.stringify(builtInProfiles)) });
  });

  it('accepts a council profile given as JSON text', () => {
    const result = parseProfileJson(JSON.stringify(minimal));
    expect(result.ok).toBe(true);
  });

  it('says when the file is not JSON, and uses nothing', () => {
    const result = parseProfileJson('{"id": "acme",');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^The file is not valid JSON/);
  });

  it('names the place of every problem', () => {
    const broken = {
      ...minimal,
      kind: 'contract',
      questions: [
        { name: 'agreementStartDate', type: 'when', label: 'Start of agreement' },
        { name: 'signedBy', type: 'choice', label: 'Signed by' },
        { name: 'Bad Name', type: 'text', label: 'Notes', colour: 'red' },
      ],
    };
    const result = parseProfiles(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'kind: must be one of "decision", "agreement", "review"',
        'questions 1 (agreementStartDate) type: must be one of "text", "date", "yesno", "choice", "multi", "table"',
        'questions 2 (signedBy) answers: is needed for a choice question',
        'questions 3 (Bad Name) name: must be a name in camelCase, like firstReviewDate',
        'questions 3 (Bad Name): has a field a profile does not use: colour',
      ]),
    );
  });

  it('finds two questions with the same name, code or label', () => {
    const result = parseProfiles({
      ...minimal,
      questions: [
        { name: 'agreementStartDate', type: 'date', label: 'Start', code: 'A1' },
        { name: 'agreementStartDate', type: 'date', label: '1.2 START:', code: 'A1' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'questions 2 (agreementStartDate) name: the name "agreementStartDate" is also used by question 1',
      'questions 2 (agreementStartDate) code: the code "A1" is also used by question 1',
      'questions 2 (agreementStartDate) label: the label "start" is also used by question 1',
    ]);
  });

  it('numbers profiles in a list, and refuses the whole list for one bad profile', () => {
    const result = parseProfiles([minimal, { ...minimal, id: 'Acme 2' }]);
    expect(result).toEqual({ ok: false, errors: ['Profile 2, id: must be lower-case letters, digits and hyphens, like acme-agreement'] });
  });

  it('refuses an empty list and a profile without questions', () => {
    expect(parseProfiles([])).toEqual({ ok: false, errors: ['The file holds no profile.'] });
    expect(parseProfiles({ ...minimal, questions: [] })).toEqual({ ok: false, errors: ['questions: must list at least one question'] });
    expect(parseProfiles({ ...minimal, title: undefined })).toEqual({ ok: false, errors: ['title: is missing'] });
    expect(parseProfiles({ ...minimal, title: 5 })).toEqual({ ok: false, errors: ['title: must be a string'] });
    expect(parseProfiles({ ...minimal, questions: 'none' })).toEqual({ ok: false, errors: ['questions: must be a list'] });
  });

  describe('holds a profile to the form vocabulary', () => {
    it('refuses a renamed field, with the name it may have meant', () => {
      const result = parseProfiles({ ...minimal, questions: [{ name: 'firstReviewDat', type: 'date', label: 'First review' }, minimal.questions[1]] });
      expect(result).toEqual({
        ok: false,
        errors: ['questions 1 (firstReviewDat) name: "firstReviewDat" is not a question of the written agreement: did you mean "firstReviewDate"? (its questions are listed in the form-profile guide)'],
      });
    });

    it("refuses a field of another form, and a field of this form with another type", () => {
      const result = parseProfiles({
        ...minimal,
        questions: [
          { name: 'reviewDate', type: 'date', label: 'Date of review' },
          { name: 'agreementEndDate', type: 'text', label: 'End' },
        ],
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toEqual([
        'questions 1 (reviewDate) name: "reviewDate" is not a question of the written agreement (its questions are listed in the form-profile guide)',
        'questions 2 (agreementEndDate) type: must be "date" for agreementEndDate',
      ]);
    });

    it('refuses an answer mapped to a value the rules do not know, and one value given twice', () => {
      const result = parseProfiles({
        ...minimal,
        questions: [
          {
            name: 'signedBy',
            type: 'choice',
            label: 'Signed by',
            answers: [
              { value: 'youngPerson', label: 'Child' },
              { value: 'council', label: 'The council' },
              { value: 'youngPerson', label: 'Young person' },
            ],
          },
        ],
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toEqual([
        'questions 1 (signedBy) answers 2 (council) value: "council" is not an answer of signedBy: it must be one of "youngPerson", "parent", "otherParentalResponsibility", "corporateParent"',
        'questions 1 (signedBy) answers 3 (youngPerson) value: the value "youngPerson" is also used by answer 1',
      ]);
    });

    it('refuses a column the table does not have, and a column of the wrong type', () => {
      const result = parseProfiles({
        ...minimal,
        questions: [
          {
            name: 'actionPlan',
            type: 'table',
            label: 'Actions',
            columns: [
              { name: 'action', label: 'Action', type: 'text' },
              { name: 'deadline', label: 'Deadline', type: 'date' },
              { name: 'byWhen', label: 'By when', type: 'text' },
            ],
          },
        ],
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toEqual([
        'questions 1 (actionPlan) columns 2 (deadline) name: "deadline" is not a column of actionPlan: it must be one of "action", "who", "byWhen"',
        'questions 1 (actionPlan) columns 3 (byWhen) type: must be "date" for the column byWhen',
      ]);
    });
  });
});
