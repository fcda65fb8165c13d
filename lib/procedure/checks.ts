/** Small pieces the rules are made of. Each returns the findings for one question, or none. */
import { formatDate, type IsoDate } from '../dates';
import type { Answers } from './answers';
import type { Finding } from './types';

export function finding(message: string, ...fields: string[]): Finding {
  return { message, fields };
}

export function textGiven(answers: Answers, name: string, message: string): Finding[] {
  return answers.text(name) === null ? [finding(message, name)] : [];
}

/** A real date is given. A date that is not real counts as missing, and the message says so. */
export function dateGiven(answers: Answers, name: string, message: string): Finding[] {
  if (answers.date(name) !== null) return [];
  const invalid = answers.invalidDate(name);
  return [finding(invalid === null ? message : `${message}: "${invalid}" is not a real date`, name)];
}

export function yesNoAnswered(answers: Answers, name: string, message: string): Finding[] {
  return answers.yesno(name) === null ? [finding(message, name)] : [];
}

export function choiceAnswered(answers: Answers, name: string, message: string): Finding[] {
  return answers.choice(name) === null ? [finding(message, name)] : [];
}

export function answeredYes(answers: Answers, name: string, message: string): Finding[] {
  return answers.yesno(name) === 'yes' ? [] : [finding(message, name)];
}

/** The questions, in order, that are asked only when `condition` holds. */
export function when(condition: boolean, ...names: string[]): string[] {
  return condition ? names : [];
}

/** "4 June 2026" */
export const show = formatDate;

/** `later` is on or after `earlier` (nothing to say when either is missing). */
export function notBefore(
  answers: Answers,
  later: string,
  earlier: string,
  message: (earlierDate: IsoDate) => string,
): Finding[] {
  const laterDate = answers.date(later);
  const earlierDate = answers.date(earlier);
  if (laterDate === null || earlierDate === null || laterDate >= earlierDate) return [];
  return [finding(message(earlierDate), later, earlier)];
}
