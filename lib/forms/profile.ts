/**
 * Form profiles: how one council's Mosaic form maps onto the procedure's questions.
 *
 * A profile is plain data. The built-in profiles (./profiles) describe the reference forms of
 * forms.md; a council whose forms differ supplies its own as JSON, checked by
 * `parseProfile` (./profile-schema.ts) before anything uses it.
 */

import type { ColumnType, FieldName, FormKind, QuestionType } from '../model/vocabulary';
import type { VOCABULARY } from '../model/vocabulary';

export { FORM_KINDS, QUESTION_TYPES, type FormKind, type QuestionType } from '../model/vocabulary';

/** One answer of a choice or multi question, mapped to a stable value. */
export interface AnswerOption {
  /** Stable value the rules use, e.g. `corporateParent`. */
  value: string;
  /** The answer as the reference form words it. */
  label: string;
  /** Other wordings seen on councils' forms. */
  aliases?: string[];
}

/** One column of a repeating table. */
export interface TableColumn {
  name: string;
  label: string;
  aliases?: string[];
  type: 'text' | 'date';
}

export interface Question {
  /** Field name in the procedure's words, e.g. `firstReviewDate`. */
  name: string;
  type: QuestionType;
  /** The label the worker sees on the reference form. */
  label: string;
  /** Other labels for the same question. */
  aliases?: string[];
  /** Mosaic's QuestionUserCode, matched where the page carries it. */
  code?: string;
  /** The section of the form the question sits in (for people, not for matching). */
  section?: string;
  /** Choice and multi questions: the answers. */
  answers?: AnswerOption[];
  /** Table questions: the columns. */
  columns?: TableColumn[];
}

export interface FormProfile {
  /** Unique id of the profile, e.g. `reference-decision`. */
  id: string;
  kind: FormKind;
  /** The form's title as shown in Mosaic. */
  title: string;
  /** Older or local titles of the same form. */
  titleAliases?: string[];
  /** Mosaic template code, e.g. `CS_INET_MON_DEC`. */
  templateCode?: string;
  questions: Question[];
}

type Spec<K extends FormKind, N extends FieldName<K>> = (typeof VOCABULARY)[K][N];

/** A question of one form, held to the vocabulary: its name, its type, and its answers' values or columns. */
export type QuestionOf<K extends FormKind> = {
  [N in FieldName<K>]: Omit<Question, 'name' | 'type' | 'answers' | 'columns'> & {
    name: N;
    type: Spec<K, N> extends { type: infer T } ? T : never;
  } & (Spec<K, N> extends { values: readonly (infer V)[] }
      ? { answers: Array<AnswerOption & { value: V }> }
      : Spec<K, N> extends { columns: infer C }
        ? { columns: Array<{ [M in keyof C & string]: TableColumn & { name: M; type: C[M] & ColumnType } }[keyof C & string]> }
        : { answers?: never; columns?: never });
}[FieldName<K>];

/** A profile of one form, held to the vocabulary (the built-in profiles `satisfies` it). */
export type ProfileOf<K extends FormKind> = Omit<FormProfile, 'kind' | 'questions'> & { kind: K; questions: Array<QuestionOf<K>> };
