/**
 * What the guard shows for a snapshot: plain data, worked out apart from the DOM so that the
 * panel only renders when this changes.
 */
import type { FormKind } from '../forms/profile';
import type { FormSnapshot } from '../forms/snapshot';

export type Severity = 'error' | 'warning';

export interface GapView {
  /** Stable key: what was found wrong, and where. */
  key: string;
  /** The rule ID of rules.md, when a rule reported it. */
  rule?: string;
  severity: Severity;
  message: string;
  /** Field name of the question involved, if any. */
  field?: string;
  /** How to reach the question's control again. */
  locator?: string;
}

export interface GuardView {
  kind: FormKind;
  formName: string;
  personId: string | null;
  readOnly: boolean;
  questionsFound: number;
  questionsExpected: number;
  gaps: GapView[];
}

export const FORM_NAMES: Record<FormKind, string> = {
  decision: 'Decision record',
  agreement: 'Written agreement',
  review: 'Agreement review',
};

/** "Could not find the question 'Date of first review'" for every question the page lacks. */
export function notFoundGaps(snapshot: FormSnapshot, labels: ReadonlyMap<string, string>): GapView[] {
  return snapshot.missing.map((name) => ({
    key: `not-found:${name}`,
    severity: 'error' as const,
    field: name,
    message: `Could not find the question '${labels.get(name) ?? name}': check the form profile`,
  }));
}

export function countBySeverity(gaps: readonly GapView[]): Record<Severity, number> {
  let error = 0;
  let warning = 0;
  for (const gap of gaps) {
    if (gap.severity === 'error') error++;
    else warning++;
  }
  return { error, warning };
}
