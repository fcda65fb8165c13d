/** A rule of the procedure: one small object, a pure function of the snapshot, today and the settings. */
import type { IsoDate } from '../dates';
import type { FormKind } from '../forms/profile';
import type { Settings } from '../settings';
import type { Answers } from './answers';
import type { Citation } from './citations';

export type Severity = 'error' | 'warning';

export interface RuleContext {
  /** Today's UK calendar date. */
  today: IsoDate;
  settings: Settings;
  /**
   * Reviews: the next review date the tracker held for this agreement before this review was
   * recorded, or null when the tracker did not hold the agreement.
   */
  trackedReviewDue: IsoDate | null;
}

/** What a rule found wrong: the message says what to do, in the words of the question. */
export interface Finding {
  message: string;
  /** The questions involved, the first to be focused. */
  fields: string[];
}

export interface Rule {
  /** The rule's ID in rules.md, e.g. `first-review-due`. */
  id: string;
  form: FormKind;
  severity: Severity;
  /** The paragraphs as rules.md gives them: "§3.6", "§2, §3.1", "all". */
  section: string;
  /** The sentences of the procedure the rule comes from. */
  citations: Citation[];
  /** What the rule checks, in a line a manager can read on the sign-off checklist. */
  summary: string;
  /** Whether the rule applies to these answers (default: always). */
  applies?: (answers: Answers, context: RuleContext) => boolean;
  /** The questions the rule reads to decide, given the answers (a conditional question only when its condition holds). */
  needs: (answers: Answers) => string[];
  check: (answers: Answers, context: RuleContext) => Finding[];
  /** When this holds, this rule's findings are the only ones reported for the form. */
  excludesOthers?: (answers: Answers) => boolean;
}

/** A gap as the guard shows it. */
export interface Gap {
  rule: string;
  severity: Severity;
  message: string;
  fields: string[];
  kind: 'answer' | 'not-found' | 'unrecognised' | 'failed';
}

export interface RuleResult {
  rule: Rule;
  applies: boolean;
  gaps: Gap[];
}
