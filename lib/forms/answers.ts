/** Turning what a control or a read-only answer shows into the snapshot's typed values. */
import { parseDate, parseDateParts } from '../dates';
import { collapseWhiteSpace, normaliseAnswer } from './normalise';
import type { AnswerOption, Question, TableColumn } from './profile';
import type { ChoiceValue, DateValue, MultiValue, TableCell, TableValue, YesNoValue } from './snapshot';
import { labelElementTexts, ariaTexts, CONTROL_SELECTOR } from './labels';
import { readableText } from './text';

/** What a dropdown shows when nothing is chosen. */
const UNCHOSEN = /^(?:|select|please select|select one|choose|please choose|choose one|none selected|not selected|select an option|select an answer)$/;

export function isUnchosen(text: string): boolean {
  return UNCHOSEN.test(normaliseAnswer(text));
}

export function yesNoFromText(text: string | null): YesNoValue {
  const shown = text === null ? '' : collapseWhiteSpace(text);
  const normal = normaliseAnswer(shown);
  if (normal === '' || isUnchosen(shown)) return { type: 'yesno', answer: null, text: null };
  if (/^(?:yes|y|true|ticked|checked)$/.test(normal)) return { type: 'yesno', answer: 'yes', text: shown };
  if (/^(?:no|n|false|not ticked|unticked)$/.test(normal)) return { type: 'yesno', answer: 'no', text: shown };
  return { type: 'yesno', answer: null, text: shown };
}

function answerIndex(answers: readonly AnswerOption[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const answer of answers) {
    for (const text of [answer.label, ...(answer.aliases ?? [])]) index.set(normaliseAnswer(text), answer.value);
    index.set(normaliseAnswer(answer.value), answer.value);
  }
  return index;
}

const indexes = new WeakMap<readonly AnswerOption[], Map<string, string>>();
function answerFor(answers: readonly AnswerOption[], text: string): string | null {
  let index = indexes.get(answers);
  if (!index) indexes.set(answers, (index = answerIndex(answers)));
  return index.get(normaliseAnswer(text)) ?? null;
}

/** A chosen answer's text (and, failing that, the option's value attribute) mapped to its stable value. */
export function choiceFromText(question: Question, text: string | null, alternative?: string | null): ChoiceValue {
  const shown = text === null ? '' : collapseWhiteSpace(text);
  if (shown === '' || isUnchosen(shown)) return { type: 'choice', answer: null, text: null };
  const answers = question.answers ?? [];
  const answer = answerFor(answers, shown) ?? (alternative ? answerFor(answers, alternative) : null);
  return { type: 'choice', answer, text: shown };
}

export function multiFromTexts(question: Question, texts: readonly string[]): MultiValue {
  const chosen = new Set<string>();
  const unrecognised: string[] = [];
  for (const text of texts) {
    const shown = collapseWhiteSpace(text);
    if (shown === '') continue;
    const answer = answerFor(question.answers ?? [], shown);
    if (answer) chosen.add(answer);
    else unrecognised.push(shown);
  }
  // Profile order, so that two pages with the same answers give the same snapshot.
  const answers = (question.answers ?? []).map((answer) => answer.value).filter((value) => chosen.has(value));
  return { type: 'multi', answers, unrecognised };
}

/** A read-only list of answers: "Young person, Family, Carers" (or one per line, or a list). */
export function multiFromViewText(question: Question, element: Element): MultiValue {
  const items = element.querySelectorAll('li');
  if (items.length > 0) return multiFromTexts(question, Array.from(items, (item) => readableText(item)));
  const text = readableText(element);
  // Answers may hold commas of their own: take known answers whole before splitting the rest.
  const known = [...(question.answers ?? [])]
    .flatMap((answer) => [answer.label, ...(answer.aliases ?? [])])
    .sort((a, b) => b.length - a.length);
  let rest = normaliseAnswer(text);
  const found: string[] = [];
  for (const label of known) {
    const normal = normaliseAnswer(label);
    const pattern = new RegExp(`(^|[,;/]\\s*|\\s(?:and)\\s)${normal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s*(?:[,;/]|\\sand\\s|$))`);
    if (pattern.test(rest)) {
      found.push(label);
      rest = rest.replace(pattern, '$1');
    }
  }
  // Nothing the question offers: the text as shown, split only where a list would be ("N/A"
  // stays one answer, as it was written).
  if (found.length === 0) {
    return multiFromTexts(question, collapseWhiteSpace(text).split(/[,;]/));
  }
  const leftovers = rest
    .split(/[,;/]|\sand\s/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return multiFromTexts(question, [...found, ...leftovers]);
}

export function dateFromText(text: string): DateValue {
  return { type: 'date', date: parseDate(text) };
}

/** The text of a control's current answer: a box's value, a dropdown's chosen option, rich text. */
export function controlText(control: Element): string {
  if (control.tagName === 'SELECT') {
    const select = control as HTMLSelectElement;
    const option = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : null;
    if (!option) return '';
    if (option.value === '' && isUnchosen(option.text)) return '';
    return collapseWhiteSpace(option.text);
  }
  if (control.tagName === 'INPUT' || control.tagName === 'TEXTAREA') {
    return (control as HTMLInputElement).value ?? '';
  }
  return readableText(control);
}

/** A dropdown's chosen option's value attribute, as a second way to recognise the answer. */
export function controlValueAttribute(control: Element): string | null {
  if (control.tagName !== 'SELECT') return null;
  const select = control as HTMLSelectElement;
  return select.selectedIndex >= 0 ? (select.options[select.selectedIndex]?.value ?? null) : null;
}

/** The answer a radio or checkbox stands for: its own label, else the text after it, else its value. */
export function optionText(option: Element): string {
  const own = [...labelElementTexts(option), ...ariaTexts(option)][0];
  if (own) return own;
  let text = '';
  for (let node = option.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).matches(CONTROL_SELECTOR)) break;
    text += node.nodeType === 3 ? node.nodeValue : readableText(node);
    if (text.trim()) break;
  }
  return collapseWhiteSpace(text) || (option as HTMLInputElement).value || '';
}

/** Which box of three holds the day, the month and the year. */
export type DatePartName = 'day' | 'month' | 'year';

export function dateFromParts(parts: Partial<Record<DatePartName, Element>>): DateValue {
  const read = (name: DatePartName) => (parts[name] ? controlText(parts[name]!) : '');
  return { type: 'date', date: parseDateParts(read('day'), read('month'), read('year')) };
}

/** The column a header (or a control's label) names, by the column's label or an alias. */
export function matchColumn(columns: readonly TableColumn[], header: string): TableColumn | null {
  const normal = normaliseAnswer(header);
  return (
    columns.find((column) => [column.label, ...(column.aliases ?? [])].some((label) => normaliseAnswer(label) === normal)) ??
    null
  );
}

export function headerRow(table: HTMLTableElement): HTMLTableRowElement | null {
  const head = table.tHead?.rows[0];
  if (head) return head;
  const first = table.rows[0];
  return first && Array.from(first.cells).every((cell) => cell.tagName === 'TH' || !cell.querySelector(CONTROL_SELECTOR)) ? first : null;
}

/** How many of the profile's columns a table's header names. */
export function tableColumnMatches(table: HTMLTableElement, columns: readonly TableColumn[]): number {
  const header = headerRow(table);
  if (!header) return 0;
  return Array.from(header.cells).filter((cell) => matchColumn(columns, readableText(cell)) !== null).length;
}

function cellValue(cell: Element, column: TableColumn): TableCell {
  const control = cell.querySelector(CONTROL_SELECTOR);
  const text = control ? controlText(control) : readableText(cell);
  return column.type === 'date' ? dateFromText(text) : { type: 'text', text: collapseWhiteSpace(text) };
}

/** A repeating table: one entry per row that has anything in it. */
export function tableValue(table: HTMLTableElement, columns: readonly TableColumn[]): TableValue {
  const header = headerRow(table);
  const rows: TableValue['rows'] = [];
  if (!header) return { type: 'table', rows };
  const mapping = Array.from(header.cells).map((cell) => matchColumn(columns, readableText(cell)));
  for (const row of Array.from(table.rows)) {
    if (row === header || row.parentElement?.tagName === 'THEAD') continue;
    const entry: Record<string, TableCell> = {};
    let filled = false;
    Array.from(row.cells).forEach((cell, index) => {
      const column = mapping[index];
      if (!column) return;
      const value = cellValue(cell, column);
      entry[column.name] = value;
      if (value.type === 'text' ? value.text !== '' : value.date.state !== 'empty') filled = true;
    });
    if (filled) rows.push(entry);
  }
  return { type: 'table', rows };
}
