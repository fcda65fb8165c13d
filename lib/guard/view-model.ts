/**
 * What the guard shows for a snapshot and its evaluation: plain data, worked out apart from the
 * DOM, so that the panel renders only when this changes.
 */
import type { FormKind } from '../forms/profile';
import type { FormSnapshot } from '../forms/snapshot';
import type { Evaluation } from '../procedure/evaluate';
import type { Rule, Severity } from '../procedure/types';

export type { Severity };

export interface CitationView {
  /** "Procedure 3.6", "Procedure 2 and 3.1". */
  label: string;
  quotes: string[];
}

export interface GapView {
  /** Stable key: the rule, the question and the message. */
  key: string;
  rule: string;
  severity: Severity;
  message: string;
  /** Field name of the question to go to, if any. */
  field?: string;
  /** How to reach the question's control again. */
  locator?: string;
  /** More for the worker: for a question not found, which check needs it and where it may be. */
  detail?: string;
  citation: CitationView;
}

/** A line of a manager's sign-off checklist: a rule that applies, met or not. */
export interface CheckView {
  rule: string;
  summary: string;
  met: boolean;
  severity: Severity;
  citation: CitationView;
}

export interface GuardView {
  kind: FormKind;
  formName: string;
  personId: string | null;
  readOnly: boolean;
  /** Show the sign-off checklist (a manager, or the form opened read-only). */
  signOff: boolean;
  questionsFound: number;
  questionsExpected: number;
  gaps: GapView[];
  checks: CheckView[];
}

export const FORM_NAMES: Record<FormKind, string> = {
  decision: 'Decision record',
  agreement: 'Written agreement',
  review: 'Agreement review',
};

export function citationLabel(section: string): string {
  if (section === 'all') return 'Procedure, all sections';
  const parts = section.split(',').map((part) => part.trim().replace(/^§/, ''));
  return `Procedure ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}`;
}

function citationOf(rule: Rule): CitationView {
  return { label: citationLabel(rule.section), quotes: rule.citations.map((citation) => citation.quote) };
}

export function buildView(
  snapshot: FormSnapshot,
  evaluation: Evaluation,
  options: {
    formName: string;
    questionsExpected: number;
    signOff: boolean;
    /** The section of the form a question is in (from the profile). */
    sectionOf?: (field: string) => string | undefined;
  },
): GuardView {
  const rules = new Map(evaluation.results.map((result) => [result.rule.id, result.rule]));
  const gaps = evaluation.gaps.map((gap): GapView => {
    const field = gap.fields.find((name) => snapshot.fields[name]) ?? gap.fields[0];
    const rule = rules.get(gap.rule)!;
    let detail: string | undefined;
    if (gap.kind === 'not-found' && field) {
      const section = options.sectionOf?.(field);
      detail = `Needed to check: ${rule.summary.charAt(0).toLowerCase()}${rule.summary.slice(1)}${
        section ? ` If the form shows one section at a time, open the section "${section}".` : ''
      }`;
    }
    return {
      key: `${gap.rule}|${gap.fields.join(',')}|${gap.message}`,
      rule: gap.rule,
      severity: gap.severity,
      message: gap.message,
      field,
      locator: field ? snapshot.fields[field]?.locator : undefined,
      detail,
      citation: citationOf(rule),
    };
  });
  const checks = evaluation.results
    .filter((result) => result.applies)
    .map((result): CheckView => ({
      rule: result.rule.id,
      summary: result.rule.summary,
      met: result.gaps.length === 0,
      severity: result.gaps.some((gap) => gap.severity === 'error') ? 'error' : result.rule.severity,
      citation: citationOf(result.rule),
    }));
  return {
    kind: snapshot.kind,
    formName: options.formName,
    personId: snapshot.personId,
    readOnly: snapshot.readOnly,
    signOff: options.signOff,
    questionsFound: Object.keys(snapshot.fields).length,
    questionsExpected: options.questionsExpected,
    gaps,
    checks,
  };
}

export function countBySeverity(gaps: readonly { severity: Severity }[]): Record<Severity, number> {
  let error = 0;
  let warning = 0;
  for (const gap of gaps) {
    if (gap.severity === 'error') error++;
    else warning++;
  }
  return { error, warning };
}

/** "3 to fix, 1 to check", or "Complete". */
export function statusText(gaps: readonly { severity: Severity }[]): string {
  const { error, warning } = countBySeverity(gaps);
  if (error === 0 && warning === 0) return 'Complete';
  return [error > 0 ? `${error} to fix` : '', warning > 0 ? `${warning} to check` : ''].filter(Boolean).join(', ');
}

/**
 * What the guard shows when it could not check a form it had recognised: every rule of the form
 * as an error it could not check (contract.md: each gap carries a rule ID), never a pass.
 */
export function failureView(
  known: Pick<GuardView, 'kind' | 'formName' | 'personId' | 'readOnly' | 'signOff' | 'questionsExpected'>,
  reason: string,
  rules: readonly Rule[],
): GuardView {
  return {
    ...known,
    questionsFound: 0,
    gaps: rules.map((rule) => ({
      key: `${rule.id}|guard-failed`,
      rule: rule.id,
      severity: 'error' as const,
      message: `The guard could not check this form (${reason}): check this part of the form yourself`,
      citation: citationOf(rule),
    })),
    checks: [],
  };
}
