/** Reading a snapshot's answers as the rules need them: placeholders and invalid dates count as missing. */
import type { IsoDate } from '../dates';
import type { FieldSnapshot, FormSnapshot, TableCell } from '../forms/snapshot';

/** Answers that say nothing (rules.md, "Common to all rules"). */
const PLACEHOLDERS = new Set([
  'n/a', 'na', 'none', 'tbc', 'tba', '', 'see above', 'as above', 'see case notes', 'see notes', 'see file',
]);

/** Empty, or a placeholder like "n/a" or "see notes" (any case, with white space or punctuation around it). */
export function isPlaceholder(text: string): boolean {
  const core = text
    .toLowerCase()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/\s+/g, ' ');
  return PLACEHOLDERS.has(core);
}

export class Answers {
  constructor(readonly snapshot: FormSnapshot) {}

  field(name: string): FieldSnapshot | undefined {
    return this.snapshot.fields[name];
  }

  /** A text answer, or null when empty or a placeholder. */
  text(name: string): string | null {
    const value = this.field(name)?.value;
    if (!value || value.type !== 'text') return null;
    return isPlaceholder(value.text) ? null : value.text;
  }

  /** A real calendar date, or null (no answer, or not a real date). */
  date(name: string): IsoDate | null {
    const value = this.field(name)?.value;
    return value?.type === 'date' && value.date.state === 'valid' ? value.date.iso : null;
  }

  /** The text of a date answer that is not a real date, or null. */
  invalidDate(name: string): string | null {
    const value = this.field(name)?.value;
    return value?.type === 'date' && value.date.state === 'invalid' ? value.date.text : null;
  }

  yesno(name: string): 'yes' | 'no' | null {
    const value = this.field(name)?.value;
    return value?.type === 'yesno' ? value.answer : null;
  }

  /** A choice's stable value, or null when unanswered (or an answer the profile does not know). */
  choice(name: string): string | null {
    const value = this.field(name)?.value;
    return value?.type === 'choice' ? value.answer : null;
  }

  multi(name: string): string[] {
    const value = this.field(name)?.value;
    return value?.type === 'multi' ? value.answers : [];
  }

  /** A repeating table's rows, each cell read as the rules need it (a column the page lacks reads as undefined). */
  rows(name: string): Array<Record<string, string | null>> {
    const value = this.field(name)?.value;
    if (value?.type !== 'table') return [];
    const read = (cell: TableCell | undefined): string | null => {
      if (!cell) return null;
      if (cell.type === 'date') return cell.date.state === 'valid' ? cell.date.iso : null;
      return isPlaceholder(cell.text) ? null : cell.text;
    };
    return value.rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, cell]) => [column, read(cell)])));
  }

  /** The answers a choice or multi question shows that the profile does not know. */
  unrecognised(name: string): string[] {
    const value = this.field(name)?.value;
    if (value?.type === 'choice') return value.answer === null && value.text !== null ? [value.text] : [];
    if (value?.type === 'multi') return value.unrecognised;
    if (value?.type === 'yesno') return value.answer === null && value.text !== null ? [value.text] : [];
    return [];
  }

  /** The question's label, for messages. */
  label(name: string): string {
    return this.field(name)?.label ?? this.snapshot.labels[name] ?? name;
  }
}
