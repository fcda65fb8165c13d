/**
 * The snapshot: a plain, serialisable record of one form as the page shows it. The scanner
 * writes it; the rules read it and nothing else.
 */
import type { DateAnswer } from '../dates';
import type { FormKind, QuestionType } from './profile';

export type TextValue = { type: 'text'; text: string };
export type DateValue = { type: 'date'; date: DateAnswer };
/** `answer` is null when unanswered, or when the text shown (kept in `text`) is neither yes nor no. */
export type YesNoValue = { type: 'yesno'; answer: 'yes' | 'no' | null; text: string | null };
/** `answer` is the answer's stable value; null with a `text` means an answer the profile does not know. */
export type ChoiceValue = { type: 'choice'; answer: string | null; text: string | null };
export type MultiValue = { type: 'multi'; answers: string[]; unrecognised: string[] };
export type TableCell = TextValue | DateValue;
export type TableValue = { type: 'table'; rows: Array<Record<string, TableCell>> };

export type FieldValue = TextValue | DateValue | YesNoValue | ChoiceValue | MultiValue | TableValue;

export interface FieldSnapshot {
  /** The question's field name in the profile, e.g. `firstReviewDate`. */
  name: string;
  type: QuestionType;
  /** The question's label in the profile (for messages). */
  label: string;
  /** In the page but not shown (a conditional question the page has hidden). */
  hidden: boolean;
  value: FieldValue;
  /** A CSS selector that finds the question's control (or its answer, read-only) again. */
  locator: string;
  /** How the question was found: by its label, by its question code, or as read-only text. */
  foundBy: 'label' | 'code' | 'view';
}

export interface FormSnapshot {
  kind: FormKind;
  profileId: string;
  /** The title or alias by which the form was recognised. */
  title: string;
  personId: string | null;
  /** Opened read-only (View): answers shown as text, or every control disabled. */
  readOnly: boolean;
  /** The questions found, by field name. */
  fields: Record<string, FieldSnapshot>;
  /** Field names of the questions the profile expects but the page does not show, in form order. */
  missing: string[];
  /**
   * Questions found whose answers could not be read (the reason, by field name). They are in
   * `missing` too, so that every rule needing one reports an error.
   */
  unreadable?: Record<string, string>;
  /**
   * Questions of the procedure's form that the council's form does not ask (its profile leaves
   * them out, as fitting does for "Not on this form"). They are in `missing` too.
   */
  notAsked?: string[];
  /** The profile's label of every question, by field name (for messages about missing ones too). */
  labels: Record<string, string>;
  /** The form section each question belongs to, by field name, where the profile names one. */
  sections?: Record<string, string>;
  /**
   * Questions of sections the page has taken away, answered as they were read while their
   * section was shown (lib/guard/sections.ts).
   */
  recalled?: string[];
  /** Sections of which nothing has been read yet: none of their questions was ever in the page. */
  unreadSections?: string[];
}
