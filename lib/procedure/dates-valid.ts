/** `dates-valid`, on every form: every date given is a real date, and dates of past events are not in the future. */
import type { FormKind } from '../forms/profile';
import { invalidDateReason } from '../dates';
import { finding, show } from './checks';
import type { Rule } from './types';

export function datesValidRule(form: FormKind, pastEvents: readonly string[]): Rule {
  return {
    id: 'dates-valid',
    form,
    severity: 'error',
    section: 'all',
    citations: [],
    summary: 'Every date is a real date, and no past event is dated in the future.',
    needs: () => [],
    check(answers, { today }) {
      const findings = [];
      for (const field of Object.values(answers.snapshot.fields)) {
        const { value } = field;
        if (value.type === 'date') {
          if (value.date.state === 'invalid') {
            findings.push(
              finding(
                invalidDateReason(value.date.text) === 'year-digits'
                  ? `${field.label}: year must include 4 numbers`
                  : `${field.label} must be a real date, like ${show(today)}`,
                field.name,
              ),
            );
          } else if (value.date.state === 'valid' && pastEvents.includes(field.name) && value.date.iso > today) {
            findings.push(finding(`${field.label} must be today or in the past`, field.name));
          }
        } else if (value.type === 'table') {
          value.rows.forEach((row, index) => {
            for (const cell of Object.values(row)) {
              if (cell.type === 'date' && cell.date.state === 'invalid') {
                const reason = invalidDateReason(cell.date.text) === 'year-digits' ? 'year must include 4 numbers' : 'must be a real date';
                findings.push(finding(`${field.label}, row ${index + 1}: "${cell.date.text}" ${reason}`, field.name));
              }
            }
          });
        }
      }
      return findings;
    },
  };
}
