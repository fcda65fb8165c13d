import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { builtInProfiles } from '../forms/profiles';
import { parseProfiles } from '../forms/profile-schema';
import { scanDocument } from '../forms/scan';
import { evaluate } from '../procedure/evaluate';
import { DEFAULT_SETTINGS } from '../settings';
import { FIXTURES_DIR, loadFixtures } from '../../test/support/fixtures';
import { answerKey, chooseQuestion, fittedProfile, fittingProblems, guessFitting, type FitChoice } from './fitting';
import { pageQuestions, questionAt, type PageQuestion } from './page';

function open(file: string): Document {
  const html = readFileSync(join(FIXTURES_DIR, file), 'utf8');
  return new JSDOM(html, { url: `http://localhost/${file}`, pretendToBeVisual: true }).window.document;
}

const agreement = builtInProfiles.find((profile) => profile.kind === 'agreement')!;
const context = { today: '2026-12-03', settings: DEFAULT_SETTINGS, trackedReviewDue: null };

const labelOf = (page: readonly PageQuestion[], id: string) => page.find((question) => question.id === id)?.label ?? '';
const answerOf = (page: readonly PageQuestion[], choice: FitChoice, field: string, value: string) => {
  const question = page.find((candidate) => candidate.id === choice.questions[field]);
  const index = choice.answers[answerKey(field, value)] ?? '';
  return index === '' ? '' : question?.answers[Number(index)];
};

describe('fitting a form worded its own way', () => {
  const doc = open('fitting/agreement-own-words.html');
  const page = pageQuestions(doc);
  const guess = guessFitting('agreement', 'Internet monitoring: written agreement', page, agreement);

  it('lists the page questions by their labels as the page shows them', () => {
    const labels = page.map((question) => question.label);
    expect(labels).toEqual(expect.arrayContaining(['Who signed the agreement?', 'First review to be held by', 'How often will it be reviewed after that?']));
    const signed = page.find((question) => question.label === 'Who signed the agreement?')!;
    expect(signed.kind).toBe('radios');
    expect(signed.answers).toEqual(['The young person', 'A parent', 'Another person with parental responsibility', 'The council as corporate parent']);
  });

  it('guesses the three questions worded differently, and their answers', () => {
    expect(labelOf(page, guess.questions.signedBy!)).toBe('Who signed the agreement?');
    expect(labelOf(page, guess.questions.firstReviewDate!)).toBe('First review to be held by');
    expect(labelOf(page, guess.questions.reviewFrequency!)).toBe('How often will it be reviewed after that?');
    expect(answerOf(page, guess, 'signedBy', 'youngPerson')).toBe('The young person');
    expect(answerOf(page, guess, 'signedBy', 'parent')).toBe('A parent');
    expect(answerOf(page, guess, 'signedBy', 'otherParentalResponsibility')).toBe('Another person with parental responsibility');
    expect(answerOf(page, guess, 'signedBy', 'corporateParent')).toBe('The council as corporate parent');
    expect(answerOf(page, guess, 'reviewFrequency', 'twoMonthly')).toBe('Every 2 months');
  });

  it('makes a profile the profile check accepts, with which the guard reads the whole form', () => {
    expect(fittingProblems(guess, page)).toEqual([]);
    const profile = fittedProfile(guess, page, agreement);
    expect(parseProfiles(JSON.parse(JSON.stringify(profile)))).toEqual({ ok: true, profiles: [profile] });
    expect(profile.id).toBe('fitted-agreement-internet-monitoring-written-agreement');
    const before = scanDocument(doc, builtInProfiles)!.snapshot;
    expect(before.missing.sort()).toEqual(['firstReviewDate', 'reviewFrequency', 'signedBy']);
    const result = scanDocument(doc, [profile, ...builtInProfiles])!;
    expect(result.snapshot.profileId).toBe(profile.id);
    expect(result.snapshot.missing).toEqual([]);
    expect(result.snapshot.fields.signedBy!.value).toMatchObject({ answer: 'youngPerson' });
    expect(result.snapshot.fields.firstReviewDate!.value).toMatchObject({ date: { iso: '2026-12-02' } });
    expect(evaluate(result.snapshot, context).gaps.filter((gap) => gap.severity === 'error')).toEqual([]);
  });

  it("leaves a question 'Not on this form' out of the profile, and the guard then says the form does not ask it", () => {
    const choice = chooseQuestion(guess, 'stepDownPlan', '', page, agreement);
    const profile = fittedProfile(choice, page);
    expect(profile.questions.map((question) => question.name)).not.toContain('stepDownPlan');
    const snapshot = scanDocument(doc, [profile])!.snapshot;
    expect(snapshot.notAsked).toEqual(['stepDownPlan']);
    const gap = evaluate(snapshot, context).gaps.find((candidate) => candidate.fields.includes('stepDownPlan'))!;
    expect(gap).toMatchObject({ severity: 'error', kind: 'not-found' });
    expect(gap.message).toBe("Your council's form does not ask 'How monitoring will be reduced over the agreed period': check it is recorded, and tell your council's Mosaic team");
  });

  it('refuses two questions of the procedure on one page question', () => {
    const choice = chooseQuestion(guess, 'firstReviewDate', guess.questions.agreementEndDate!, page, agreement);
    expect(fittingProblems(choice, page)).toEqual([
      {
        field: 'firstReviewDate',
        target: 'mg-fit-firstReviewDate',
        text: "'Agreement end date' and 'Date of first review' are both matched to the page's question 'Agreement end date': match each to its own question, or one of them to 'Not on this form'",
      },
    ]);
  });

  it('refuses a date question on a checkbox', () => {
    const checkbox = page.find((question) => question.kind === 'checkbox')!;
    const choice = chooseQuestion(chooseQuestion(guess, 'agreementOnRecord', '', page, agreement), 'firstReviewDate', checkbox.id, page, agreement);
    expect(fittingProblems(choice, page).map((problem) => problem.text)).toEqual([
      `'Date of first review' takes a date, but the page's question '${checkbox.label}' is a checkbox, which cannot hold one: choose another question`,
    ]);
  });

  it("refuses a page answer left unmatched, and two of the procedure's answers on one page answer", () => {
    const unmatched = { ...guess, answers: { ...guess.answers, [answerKey('signedBy', 'corporateParent')]: '' } };
    expect(fittingProblems(unmatched, page).map((problem) => problem.text)).toEqual([
      "The answer 'The council as corporate parent' of 'Who signed the agreement?' is not matched to any answer of 'Agreement signed by': choose which answer it means",
    ]);
    const twice = { ...unmatched, answers: { ...unmatched.answers, [answerKey('signedBy', 'corporateParent')]: guess.answers[answerKey('signedBy', 'youngPerson')]! } };
    expect(fittingProblems(twice, page).map((problem) => problem.text)).toEqual([
      "'Young person' and 'Local authority (corporate parent)' are both matched to the answer 'The young person' of 'Who signed the agreement?': match each to its own answer",
      "The answer 'The council as corporate parent' of 'Who signed the agreement?' is not matched to any answer of 'Agreement signed by': choose which answer it means",
    ]);
  });

  it('refuses a fitting with no question matched, or no title', () => {
    const none: FitChoice = { ...guess, title: ' ', questions: Object.fromEntries(Object.keys(guess.questions).map((name) => [name, ''])) };
    expect(fittingProblems(none, page).map((problem) => problem.text)).toEqual([
      "Enter the form's title as the page shows it",
      "Match at least one of the form's questions to a question on the page",
    ]);
  });

  it('finds the question a click in the page landed on: its box, its label, or the block around it alone', () => {
    const signed = page.find((question) => question.label === 'Who signed the agreement?')!;
    expect(questionAt(page, signed.candidate.members[2]!)).toBe(signed);
    const firstReview = page.find((question) => question.label === 'First review to be held by')!;
    const label = doc.querySelector(`label[for="${firstReview.candidate.element.id}"]`)!;
    expect(questionAt(page, label)).toBe(firstReview);
    expect(questionAt(page, doc.body)).toBeNull();
  });
});

describe('a form whose title is its own', () => {
  it('is fitted from the page alone, its title given by the person', () => {
    const doc = open('fitting/review-own-title.html');
    expect(scanDocument(doc, builtInProfiles)).toBeNull();
    const page = pageQuestions(doc);
    const guess = guessFitting('review', 'Online safety agreement: review meeting', page, null);
    expect(labelOf(page, guess.questions.reviewDate!)).toBe('Meeting date');
    expect(labelOf(page, guess.questions.outcome!)).toBe('Decision at this review');
    expect(answerOf(page, guess, 'outcome', 'endMonitoring')).toBe('Stop monitoring');
    expect(answerOf(page, guess, 'outcome', 'continue')).toBe('Carry on as agreed');
    expect(fittingProblems(guess, page)).toEqual([]);
    const snapshot = scanDocument(doc, [fittedProfile(guess, page), ...builtInProfiles])!.snapshot;
    expect(snapshot.missing).toEqual([]);
    expect(snapshot.fields.outcome!.value).toMatchObject({ answer: 'continue' });
  });
});

describe('the best guess on every reference page', () => {
  // On the reference forms the guess is what the scanner finds: the same control for every question.
  for (const fixture of loadFixtures()) {
    if (fixture.expected.frameOf || !fixture.expected.form || fixture.expected.form.readOnly) continue;
    it(fixture.file, async () => {
      const dom = new JSDOM(fixture.html, { url: `http://localhost/${fixture.file}`, runScripts: 'dangerously', pretendToBeVisual: true });
      await new Promise((resolve) => dom.window.addEventListener('load', resolve));
      if (/setTimeout/.test(fixture.html)) await new Promise((resolve) => setTimeout(resolve, 600));
      const doc = dom.window.document;
      const result = scanDocument(doc, builtInProfiles)!;
      const page = pageQuestions(doc);
      const guess = guessFitting(result.snapshot.kind, result.snapshot.title, page, null);
      for (const [name, element] of result.elements) {
        const guessed = page.find((question) => question.id === guess.questions[name]);
        expect({ name, element: guessed?.candidate.element === element ? 'same' : guessed?.label ?? 'none' }).toEqual({ name, element: 'same' });
      }
    });
  }
});

describe('fittings that would read the wrong answer', () => {
  const page = (body: string) =>
    new JSDOM(`<!doctype html><title>Internet monitoring: written agreement</title><body><h1>Internet monitoring: written agreement</h1>${body}`, { pretendToBeVisual: true }).window.document;

  it('refuses a yes or no question on radio buttons whose answers are not yes and no', () => {
    const doc = page(`<fieldset><legend>Gillick competent?</legend><label><input type="radio" name="g" value="a"> Assessed</label><label><input type="radio" name="g" value="b"> Not assessed</label></fieldset>`);
    const questions = pageQuestions(doc);
    const choice = chooseQuestion(guessFitting('agreement', 'Internet monitoring: written agreement', questions, null), 'gillickCompetent', questions[0]!.id, questions, null);
    expect(fittingProblems(choice, questions).map((problem) => problem.text)).toEqual([
      "'Is the young person Gillick competent to agree to this?' takes yes or no, but the page's question 'Gillick competent?' offers other answers (Assessed, Not assessed): choose another question",
    ]);
  });

  it('refuses a question whose label the page gives to another question found first', async () => {
    const { FitSession } = await import('../guard/fit-session');
    const doc = page(`<label for="a">Start</label><input id="a" value="01/11/2026"><label for="b">Start</label><input id="b" value="">
      <label for="c">Monitoring measures agreed</label><textarea id="c">Filtering</textarea>`);
    const session = new FitSession(doc, 'agreement', null, 'Internet monitoring: written agreement', builtInProfiles, { settings: DEFAULT_SETTINGS, today: '2026-12-03' });
    const second = session.page.find((question) => question.label === 'Start (2)')!;
    session.choose('agreementStartDate', second.id);
    expect(session.tryFitting()).toBeNull();
    expect(session.problems!.map((problem) => problem.text)).toEqual([
      "With this fitting the guard would read 'Agreement start date' from another question of the page labelled 'Start': ask your Mosaic team to give 'Start (2)' a label of its own",
    ]);
  });
});
