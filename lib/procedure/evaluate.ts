/**
 * Judging a snapshot against the procedure: every rule of its form, each contained so that one
 * rule's failure is reported (as an error, never as a pass) without stopping the others.
 */
import type { FormSnapshot } from '../forms/snapshot';
import { Answers } from './answers';
import { rulesFor } from './registry';
import type { Gap, Rule, RuleContext, RuleResult } from './types';

export interface Evaluation {
  results: RuleResult[];
  /** Errors first, then warnings; within each, in the order of the form's rules. */
  gaps: Gap[];
}

/**
 * What the worker can do about a question the rule needs but could not have: open the section it
 * is in, when the form shows one section at a time and that one was never shown; check the answer
 * themselves, when it could not be read; otherwise tell the council's Mosaic team, who fit the
 * guard to the council's form.
 */
function notFoundMessage(answers: Answers, name: string): string {
  const { snapshot } = answers;
  const label = answers.label(name);
  const unreadable = snapshot.unreadable?.[name];
  if (unreadable !== undefined) return `Could not read the answer to '${label}' (${unreadable}): check this answer yourself`;
  if (snapshot.notAsked?.includes(name)) return `Your council's form does not ask '${label}': check it is recorded, and tell your council's Mosaic team`;
  const section = snapshot.sections?.[name];
  if (section && snapshot.unreadSections?.includes(section)) return `Open the section '${section}' so that '${label}' can be checked`;
  return `Could not find the question '${label}': if the form asks it, tell your council's Mosaic team`;
}

function evaluateRule(rule: Rule, answers: Answers, context: RuleContext): RuleResult {
  try {
    if (rule.applies && !rule.applies(answers, context)) return { rule, applies: false, gaps: [] };
    const needed = rule.needs(answers);
    const notFound = needed.filter((name) => answers.snapshot.missing.includes(name));
    if (notFound.length > 0) {
      return {
        rule,
        applies: true,
        gaps: notFound.map((name) => ({
          rule: rule.id,
          severity: 'error',
          kind: 'not-found',
          fields: [name],
          message: notFoundMessage(answers, name),
        })),
      };
    }
    const unknown = needed.flatMap((name) => answers.unrecognised(name).map((text) => ({ name, text })));
    if (unknown.length > 0) {
      return {
        rule,
        applies: true,
        gaps: unknown.map(({ name, text }) => ({
          rule: rule.id,
          severity: 'error',
          kind: 'unrecognised',
          fields: [name],
          message: `The answer '${text}' to '${answers.label(name)}' is not one the guard knows: if it is right, tell your council's Mosaic team`,
        })),
      };
    }
    const gaps = rule.check(answers, context).map((found): Gap => ({
      rule: rule.id,
      severity: rule.severity,
      kind: 'answer',
      fields: found.fields,
      message: found.message,
    }));
    return { rule, applies: true, gaps };
  } catch (error) {
    return {
      rule,
      applies: true,
      gaps: [
        {
          rule: rule.id,
          severity: 'error',
          kind: 'failed',
          fields: [],
          message: `This check could not be completed (${error instanceof Error ? error.message : String(error)}): check this part of the form yourself`,
        },
      ],
    };
  }
}

export function evaluate(snapshot: FormSnapshot, context: RuleContext): Evaluation {
  const answers = new Answers(snapshot);
  let results = rulesFor(snapshot.kind).map((rule) => evaluateRule(rule, answers, context));
  const exclusive = results.find((result) => {
    try {
      return result.rule.excludesOthers?.(answers) === true;
    } catch {
      return false;
    }
  });
  if (exclusive) {
    results = results.map((result) => (result === exclusive ? result : { ...result, applies: false, gaps: [] }));
  }
  const all = results.flatMap((result) => result.gaps);
  return { results, gaps: [...all.filter((gap) => gap.severity === 'error'), ...all.filter((gap) => gap.severity === 'warning')] };
}
