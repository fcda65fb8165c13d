/** Every rule of the procedure, by form. */
import type { FormKind } from '../forms/profile';
import { agreementRules } from './agreement';
import { decisionRules } from './decision';
import { reviewRules } from './review';
import type { Rule } from './types';

export const RULES: Readonly<Record<FormKind, readonly Rule[]>> = {
  decision: decisionRules,
  agreement: agreementRules,
  review: reviewRules,
};

export function rulesFor(kind: FormKind): readonly Rule[] {
  return RULES[kind];
}
