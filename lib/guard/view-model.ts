/**
 * What the guard shows for a snapshot and its evaluation: plain data, worked out apart from the
 * DOM, so that the panel renders only when this changes.
 */
import type { FormKind } from '../forms/profile';
import type { FormSnapshot } from '../forms/snapshot';
import type { Evaluation } from '../procedure/evaluate';
import type { Gap, Rule, Severity } from '../procedure/types';

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
  /** What went wrong: an answer, a question not found (or not read), an unknown answer, a check that failed. */
  kind: Gap['kind'];
  message: string;
  /** What the rule checks, in a line (shown under a question not found, for each check it blocks). */
  summary: string;
  /** Field name of the question to go to, if any. */
  field?: string;
  /** How to reach the question's control again. */
  locator?: string;
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

/**
 * The gaps as the panel lists them. A question the guard could not find blocks every check that
 * needs it: it is one item, with those checks under it, not one identical error per check; the
 * questions of a section never shown are one item too ("Not checked yet: open Consent — 6
 * checks"). Every gap is still one element of its own inside its item (contract.md).
 */
export type GapItem =
  | { kind: 'gap'; key: string; gap: GapView }
  | { kind: 'question'; key: string; field: string; message: string; gaps: GapView[] }
  | { kind: 'section'; key: string; section: string; message: string; gaps: GapView[] };

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
  /** The errors, then the warnings, as the panel lists them. */
  errorItems: GapItem[];
  warningItems: GapItem[];
  checks: CheckView[];
}

const checksWord = (count: number) => (count === 1 ? '1 check' : `${count} checks`);

/** The gaps of one severity, a question not found (or a section never shown) as one item. */
export function gapItems(gaps: readonly GapView[], sectionOf: (field: string) => string | undefined, unreadSections: readonly string[]): GapItem[] {
  const items: GapItem[] = [];
  const byKey = new Map<string, Extract<GapItem, { gaps: GapView[] }>>();
  for (const gap of gaps) {
    if (gap.kind !== 'not-found' || !gap.field) {
      items.push({ kind: 'gap', key: gap.key, gap });
      continue;
    }
    const section = sectionOf(gap.field);
    const unread = section !== undefined && unreadSections.includes(section);
    const key = unread ? `section|${section}` : `question|${gap.field}|${gap.message}`;
    let item = byKey.get(key);
    if (!item) {
      item = unread
        ? { kind: 'section', key, section: section!, message: '', gaps: [] }
        : { kind: 'question', key, field: gap.field, message: gap.message, gaps: [] };
      byKey.set(key, item);
      items.push(item);
    }
    item.gaps.push(gap);
  }
  for (const item of byKey.values()) {
    if (item.kind === 'section') item.message = `Not checked yet: open ${item.section} — ${checksWord(new Set(item.gaps.map((gap) => gap.rule)).size)}`;
  }
  return items;
}

/** "Consent", "Consent and Review", "Consent, Action plan and Review". */
export function listOfNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The lines of the Finish dialog's list of errors: the sections never shown as one line ("Open
 * the sections Consent and Review so they can be checked"), each question not found once, and
 * every other error.
 */
export function finishLines(view: Pick<GuardView, 'errorItems'>): Array<{ key: string; message: string; gap?: GapView }> {
  const sections = view.errorItems.flatMap((item) => (item.kind === 'section' ? [item.section] : []));
  const lines: Array<{ key: string; message: string; gap?: GapView }> = [];
  if (sections.length > 0) {
    lines.push({
      key: 'sections',
      message: `Open the section${sections.length === 1 ? '' : 's'} ${listOfNames(sections)} so ${sections.length === 1 ? 'it' : 'they'} can be checked`,
    });
  }
  for (const item of view.errorItems) {
    if (item.kind === 'gap') lines.push({ key: item.key, message: item.gap.message, gap: item.gap });
    else if (item.kind === 'question') lines.push({ key: item.key, message: item.message, gap: item.gaps[0] });
  }
  return lines;
}

export function citationLabel(section: string): string {
  if (section === 'all') return 'Procedure, all sections';
  const parts = section.split(',').map((part) => part.trim().replace(/^§/, ''));
  return `Procedure ${listOfNames(parts)}`;
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
    return {
      key: `${gap.rule}|${gap.fields.join(',')}|${gap.message}`,
      rule: gap.rule,
      severity: gap.severity,
      kind: gap.kind,
      message: gap.message,
      summary: rule.summary,
      field,
      locator: field ? snapshot.fields[field]?.locator : undefined,
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
  const sectionOf = (field: string) => snapshot.sections?.[field] ?? options.sectionOf?.(field);
  const unreadSections = snapshot.unreadSections ?? [];
  return {
    kind: snapshot.kind,
    formName: options.formName,
    personId: snapshot.personId,
    readOnly: snapshot.readOnly,
    signOff: options.signOff,
    questionsFound: Object.keys(snapshot.fields).length,
    questionsExpected: options.questionsExpected,
    gaps,
    errorItems: gapItems(gaps.filter((gap) => gap.severity === 'error'), sectionOf, unreadSections),
    warningItems: gapItems(gaps.filter((gap) => gap.severity === 'warning'), sectionOf, unreadSections),
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
  const gaps = rules.map(
    (rule): GapView => ({
      key: `${rule.id}|guard-failed`,
      rule: rule.id,
      severity: 'error',
      kind: 'failed',
      message: `The guard could not check this form (${reason}): check this part of the form yourself`,
      summary: rule.summary,
      citation: citationOf(rule),
    }),
  );
  return {
    ...known,
    questionsFound: 0,
    gaps,
    errorItems: gaps.map((gap) => ({ kind: 'gap', key: gap.key, gap })),
    warningItems: [],
    checks: [],
  };
}
