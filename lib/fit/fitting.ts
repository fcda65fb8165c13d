/**
 * Fitting a council's form: which of the page's questions (./page.ts) asks each question of the
 * procedure's form, and which of its answers means each of the procedure's answers. Plain data
 * and pure functions: the best guess, the problems that stop a fitting from working, and the
 * profile it makes (the format of docs/form-profiles.md, held to the vocabulary of lib/model).
 */
import { parseDate } from '../dates';
import { controlText, yesNoFromText } from '../forms/answers';
import { normaliseLabel } from '../forms/normalise';
import type { AnswerOption, FormKind, FormProfile, Question, TableColumn } from '../forms/profile';
import { referenceProfile } from '../forms/profiles';
import { COMPATIBLE } from '../forms/scan/match';
import { codeMatches } from '../forms/scan/prepare';
import { fieldSpec } from '../model/vocabulary';
import { kindWords, type PageQuestion } from './page';
import { bestSimilarity, pairBest } from './similarity';

/** What the person chose: page question ids, and answer and column positions, '' for "Not on this form". */
export interface FitChoice {
  kind: FormKind;
  /** The id of the fitting fitted again (a fitted profile keeps its id when its title is corrected). */
  id?: string;
  /** The form's title as the page shows it. */
  title: string;
  /** Other titles of the same form, kept from the profile being fitted. */
  titleAliases: string[];
  /** By field name: the page question's id. */
  questions: Record<string, string>;
  /** By `field:value`: the position of the page question's answer (as text). */
  answers: Record<string, string>;
  /** By `field:column`: the position of the page table's column (as text). */
  columns: Record<string, string>;
}

export interface FitProblem {
  /** The question of the procedure it is about, where there is one. */
  field?: string;
  /** The id of the element to go to from the error summary. */
  target: string;
  text: string;
}

/** The questions of the procedure's form, in its order (the built-in profile's wording). */
export function referenceQuestions(kind: FormKind): readonly Question[] {
  return referenceProfile(kind).questions;
}

/** The profile being fitted's own question of that name, if it has one. */
function ownQuestion(base: FormProfile | null, name: string): Question | undefined {
  return base?.questions.find((candidate) => candidate.name === name);
}

/** The page's answer (or column heading) chosen for `key`, with its position, if one is chosen and still there. */
function chosenAt(chosen: Record<string, string>, key: string, shown: readonly string[]): { index: string; text: string } | undefined {
  const index = chosen[key] ?? '';
  const text = index === '' ? undefined : shown[Number(index)];
  return text === undefined ? undefined : { index, text };
}

export const answerKey = (field: string, value: string) => `${field}:${value}`;

/** The ids the fitting view gives its controls, for the error summary's links. */
export const fitTargetId = {
  question: (field: string) => `mg-fit-${field}`,
  answer: (field: string, value: string) => `mg-fit-${field}-${value}`,
  column: (field: string, column: string) => `mg-fit-${field}-col-${column}`,
  title: 'mg-fit-title',
};

/** Every wording of a question the guard knows: the reference's, and the profile's being fitted. */
function wordings(question: Question, base: FormProfile | null): string[] {
  const own = ownQuestion(base, question.name);
  return [question.label, ...(question.aliases ?? []), ...(own ? [own.label, ...(own.aliases ?? [])] : [])];
}

function answerWordings(question: Question, value: string, base: FormProfile | null): string[] {
  const all = [question, ownQuestion(base, question.name)];
  return all.flatMap((item) => {
    const answer = item?.answers?.find((candidate) => candidate.value === value);
    return answer ? [answer.label, ...(answer.aliases ?? [])] : [];
  });
}

/** The question code the guard knows for a question (the profile's, or the reference's) that the page question carries, if any. */
export function knownCode(question: Question, page: PageQuestion, base: FormProfile | null): string | null {
  for (const code of [ownQuestion(base, question.name)?.code, question.code]) {
    if (code && page.candidate.codes.some((candidateCode) => codeMatches(candidateCode, code.toLowerCase()))) return code;
  }
  return null;
}

/** An answer the guard reads as yes or no (as it reads a yes/no question's answer). */
const isYesNo = (answer: string) => yesNoFromText(answer).answer !== null;

/** How well a page question fits a question of the procedure: its label, its kind of control, its answers. */
function fitScore(question: Question, page: PageQuestion, base: FormProfile | null): number {
  if (!COMPATIBLE[question.type].includes(page.kind)) return 0;
  if (knownCode(question, page, base)) return 3;
  // Any of the texts that label it (its own label, a group's legend, the text before it), the nearest first.
  const known = wordings(question, base);
  const label = page.candidate.texts.reduce((best, text, rank) => Math.max(best, bestSimilarity(known, text) * (rank === 0 ? 1 : 0.95)), bestSimilarity(known, page.text));
  if (label < 0.3) return 0;
  let score = label;
  if (question.type === 'choice' || question.type === 'multi') {
    const values = question.answers ?? [];
    if (page.answers.length > 0 && values.length > 0) {
      const known = values.filter((answer) => page.answers.some((shown) => bestSimilarity(answerWordings(question, answer.value, base), shown) >= 0.5)).length;
      score += 0.5 * (known / values.length) - (known === 0 ? 0.3 : 0);
    }
  } else if (question.type === 'yesno') {
    if (page.answers.length > 0) score += page.answers.every(isYesNo) ? 0.3 : -0.4;
  } else if (question.type === 'date') {
    if (page.kind === 'date' || page.kind === 'dateParts') score += 0.2;
    else if (parseDate(controlText(page.candidate.element)).state === 'valid') score += 0.15;
  } else if (question.type === 'text' && page.kind === 'box' && parseDate(controlText(page.candidate.element)).state === 'valid') {
    score -= 0.15;
  }
  return score;
}

/** The best guess of which page answer means each of the procedure's answers. */
export function guessAnswers(question: Question, page: PageQuestion | undefined, base: FormProfile | null): Record<string, string> {
  const values = (question.answers ?? []).map((answer) => answer.value);
  const guess: Record<string, string> = Object.fromEntries(values.map((value) => [answerKey(question.name, value), '']));
  if (!page || page.answers.length === 0) return guess;
  const scores = values.flatMap((value) =>
    page.answers.map((shown, index) => ({
      left: value,
      right: index,
      score: Math.max(
        bestSimilarity(answerWordings(question, value, base), shown),
        normaliseLabel(page.answerValues[index] ?? '') === normaliseLabel(value) ? 1 : 0,
      ),
    })),
  );
  const paired = pairBest(scores, 0.3);
  // Where the page offers as many answers as the procedure has, one of each left over means the
  // other ("Carry on as agreed" is Continue once "Carry on with changes" and "Stop monitoring" are
  // taken). Not where the page offers more: its extra answer may mean none of them.
  const valuesLeft = values.filter((value) => !paired.has(value));
  const answersLeft = page.answers.map((_, index) => index).filter((index) => ![...paired.values()].includes(index));
  if (page.answers.length === values.length && valuesLeft.length === 1 && answersLeft.length === 1) paired.set(valuesLeft[0]!, answersLeft[0]!);
  for (const [value, index] of paired) guess[answerKey(question.name, value)] = String(index);
  return guess;
}

/** The best guess of which page column holds each of a table's columns. */
export function guessColumns(question: Question, page: PageQuestion | undefined, base: FormProfile | null): Record<string, string> {
  const columns = question.columns ?? [];
  const guess: Record<string, string> = Object.fromEntries(columns.map((column) => [answerKey(question.name, column.name), '']));
  if (!page || page.columns.length === 0) return guess;
  const own = ownQuestion(base, question.name)?.columns ?? [];
  const scores = columns.flatMap((column) => {
    const ownColumn = own.find((candidate) => candidate.name === column.name);
    const texts = [column.label, ...(column.aliases ?? []), ...(ownColumn ? [ownColumn.label, ...(ownColumn.aliases ?? [])] : [])];
    return page.columns.map((heading, index) => ({ left: column.name, right: index, score: bestSimilarity(texts, heading) }));
  });
  for (const [name, index] of pairBest(scores, 0.3)) guess[answerKey(question.name, name)] = String(index);
  return guess;
}

/**
 * The guard's best guess for a whole form: each question of the procedure paired with the page
 * question that fits it best (one each), then each answer and column.
 */
export function guessFitting(kind: FormKind, title: string, page: readonly PageQuestion[], base: FormProfile | null): FitChoice {
  const questions = referenceQuestions(kind);
  const scores = questions.flatMap((question) => page.map((candidate) => ({ left: question.name, right: candidate.id, score: fitScore(question, candidate, base) })));
  const paired = pairBest(scores, 0.4);
  const choice: FitChoice = {
    kind,
    ...(base?.id.startsWith('fitted-') ? { id: base.id } : {}),
    title,
    titleAliases: base ? [base.title, ...(base.titleAliases ?? [])].filter((alias) => normaliseLabel(alias) !== normaliseLabel(title)) : [],
    questions: {},
    answers: {},
    columns: {},
  };
  for (const question of questions) {
    const id = paired.get(question.name) ?? '';
    choice.questions[question.name] = id;
    const chosen = page.find((candidate) => candidate.id === id);
    Object.assign(choice.answers, guessAnswers(question, chosen, base));
    Object.assign(choice.columns, guessColumns(question, chosen, base));
  }
  return choice;
}

/** A question chosen anew: its answers and columns guessed again for the page question now chosen. */
export function chooseQuestion(choice: FitChoice, field: string, pageId: string, page: readonly PageQuestion[], base: FormProfile | null): FitChoice {
  const question = referenceQuestions(choice.kind).find((candidate) => candidate.name === field);
  if (!question) return choice;
  const chosen = page.find((candidate) => candidate.id === pageId);
  return {
    ...choice,
    questions: { ...choice.questions, [field]: pageId },
    answers: { ...choice.answers, ...guessAnswers(question, chosen, base) },
    columns: { ...choice.columns, ...guessColumns(question, chosen, base) },
  };
}

/** What kind of answer each type of question takes, in words. */
export const typeWords: Record<Question['type'], string> = {
  text: 'text',
  date: 'a date',
  yesno: 'a yes or no answer',
  choice: 'one answer from a list',
  multi: 'several answers from a list',
  table: 'a table of entries',
};

/**
 * What stops a fitting from working, each as an error message that says what to do. A fitting
 * with any problem is not saved or exported.
 */
export function fittingProblems(choice: FitChoice, page: readonly PageQuestion[]): FitProblem[] {
  const problems: FitProblem[] = [];
  const questions = referenceQuestions(choice.kind);
  if (normaliseLabel(choice.title) === '') problems.push({ target: fitTargetId.title, text: "Enter the form's title as the page shows it" });
  const byPage = new Map<string, Question>();
  const labels = new Map<string, Question>();
  let fitted = 0;
  for (const question of questions) {
    const id = choice.questions[question.name] ?? '';
    if (id === '') continue;
    const target = fitTargetId.question(question.name);
    const chosen = page.find((candidate) => candidate.id === id);
    if (!chosen) {
      problems.push({ field: question.name, target, text: `Choose the page's question for '${question.label}' again: the one chosen is no longer on the page` });
      continue;
    }
    fitted++;
    const other = byPage.get(id);
    if (other) {
      problems.push({ field: question.name, target, text: `'${other.label}' and '${question.label}' are both matched to the page's question '${chosen.label}': match each to its own question, or one of them to 'Not on this form'` });
      continue;
    }
    byPage.set(id, question);
    if (!COMPATIBLE[question.type].includes(chosen.kind)) {
      problems.push({ field: question.name, target, text: `'${question.label}' takes ${typeWords[question.type]}, but the page's question '${chosen.label}' is ${kindWords(chosen.kind)}, which cannot hold one: choose another question` });
      continue;
    }
    if (question.type === 'yesno' && chosen.answers.length > 0 && !chosen.answers.every(isYesNo)) {
      problems.push({ field: question.name, target, text: `'${question.label}' takes yes or no, but the page's question '${chosen.label}' offers other answers (${chosen.answers.join(', ')}): choose another question` });
      continue;
    }
    if (normaliseLabel(chosen.text) === '') {
      problems.push({ field: question.name, target, text: `The page's question '${chosen.label}' has no words in its label for the guard to find it by: ask your Mosaic team to give it a label` });
      continue;
    }
    const sameLabel = labels.get(normaliseLabel(chosen.text));
    if (sameLabel) {
      problems.push({ field: question.name, target, text: `The page labels two questions '${chosen.text}', so the guard cannot tell '${sameLabel.label}' and '${question.label}' apart: ask your Mosaic team to give them labels of their own` });
      continue;
    }
    labels.set(normaliseLabel(chosen.text), question);
    if ((question.type === 'choice' || question.type === 'multi') && chosen.answers.length > 0) {
      const meaning = new Map<string, string>();
      for (const answer of question.answers ?? []) {
        const shown = chosenAt(choice.answers, answerKey(question.name, answer.value), chosen.answers);
        if (!shown) continue;
        const before = meaning.get(shown.index);
        if (before) {
          problems.push({ field: question.name, target: fitTargetId.answer(question.name, answer.value), text: `'${before}' and '${answer.label}' are both matched to the answer '${shown.text}' of '${chosen.label}': match each to its own answer` });
        } else meaning.set(shown.index, answer.label);
      }
      chosen.answers.forEach((shown, index) => {
        if (!meaning.has(String(index))) {
          const first = (question.answers ?? [])[0]!;
          problems.push({ field: question.name, target: fitTargetId.answer(question.name, first.value), text: `The answer '${shown}' of '${chosen.label}' is not matched to any answer of '${question.label}': choose which answer it means` });
        }
      });
    }
    if (question.type === 'table') {
      const taken = new Map<string, TableColumn>();
      for (const column of question.columns ?? []) {
        const heading = chosenAt(choice.columns, answerKey(question.name, column.name), chosen.columns);
        if (!heading) continue;
        const before = taken.get(heading.index);
        if (before) {
          problems.push({ field: question.name, target: fitTargetId.column(question.name, column.name), text: `The columns '${before.label}' and '${column.label}' of '${question.label}' are both matched to the page's column '${heading.text}': match each to its own column` });
        } else taken.set(heading.index, column);
      }
      if (taken.size === 0) problems.push({ field: question.name, target: fitTargetId.question(question.name), text: `Match at least one column of '${question.label}' to a column of the page's table` });
    }
  }
  if (fitted === 0) problems.push({ target: fitTargetId.question(questions[0]!.name), text: "Match at least one of the form's questions to a question on the page" });
  return problems;
}

/** A profile id from the form's kind and title: `fitted-agreement-online-safety-agreement`. */
export function fittedProfileId(kind: FormKind, title: string): string {
  const slug = normaliseLabel(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return slug ? `fitted-${kind}-${slug}` : `fitted-${kind}`;
}

/**
 * The profile a fitting makes: each question matched, labelled as the page labels it (with its
 * question code where the page carries one), its answers worded as the page words them. A
 * question 'Not on this form' is left out: the guard then says the form does not ask it.
 */
export function fittedProfile(choice: FitChoice, page: readonly PageQuestion[], base: FormProfile | null = null): FormProfile {
  const matched = referenceQuestions(choice.kind).flatMap((reference) => {
    const chosen = page.find((candidate) => candidate.id === choice.questions[reference.name]);
    return chosen ? [{ reference, chosen, code: knownCode(reference, chosen, base) ?? chosen.code }] : [];
  });
  // A code is kept only where one question carries it (a code on a group around several is no question's own).
  const uses = (code: string) => matched.filter((other) => other.code?.toLowerCase() === code.toLowerCase()).length;
  const questions = matched.map(({ reference, chosen, code }): Question => {
    const spec = fieldSpec(choice.kind, reference.name)!;
    const question: Question = { name: reference.name, type: spec.type, label: chosen.text };
    if (code && uses(code) === 1) question.code = code;
    if (reference.section) question.section = reference.section;
    if (reference.answers) {
      question.answers =
        chosen.answers.length === 0
          ? reference.answers.map((answer) => ({ ...answer, aliases: answer.aliases && [...answer.aliases] }))
          : reference.answers.flatMap((answer): AnswerOption[] => {
              const shown = chosenAt(choice.answers, answerKey(reference.name, answer.value), chosen.answers);
              return shown ? [{ value: answer.value, label: shown.text }] : [];
            });
    }
    if (reference.columns) {
      question.columns = reference.columns.map((column) => {
        const heading = chosenAt(choice.columns, answerKey(reference.name, column.name), chosen.columns);
        return heading ? { name: column.name, label: heading.text, type: column.type } : { ...column, aliases: column.aliases && [...column.aliases] };
      });
    }
    return question;
  });
  const profile: FormProfile = { id: choice.id ?? fittedProfileId(choice.kind, choice.title), kind: choice.kind, title: choice.title.trim(), questions };
  const aliases = [...new Set(choice.titleAliases.map((alias) => alias.trim()).filter((alias) => alias !== '' && normaliseLabel(alias) !== normaliseLabel(choice.title)))];
  if (aliases.length > 0) profile.titleAliases = aliases;
  return profile;
}
