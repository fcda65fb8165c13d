/**
 * Stage 5 of a scan: a matched question's answer read into the snapshot's typed value, from its
 * controls (edit) or from the text that holds it (View). Rich text is read as the text a person
 * sees, markup set aside.
 */
import { collapseWhiteSpace } from '../normalise';
import type { Question, TableColumn } from '../profile';
import type { FieldValue, TableCell, TableValue } from '../snapshot';
import {
  choiceFromText,
  controlText,
  controlValueAttribute,
  dateFromParts,
  dateFromText,
  matchColumn,
  multiFromTexts,
  multiFromViewText,
  optionText,
  tableValue,
  yesNoFromText,
} from '../answers';
import { CONTROL_SELECTOR, ownLabelTexts } from '../labels';
import { readableText, textOfHtml } from '../text';
import type { Candidate } from './collect';
import { hiddenItself, isEditable } from './collect';

/** What a View shows for a question left unanswered: nothing, or a dash. */
const NO_ANSWER_SHOWN = /^[-\u2010-\u2015\u2212]*$/;

/** The text a View shows as an answer: a lone dash is no answer. */
function shownAnswer(text: string): string {
  return NO_ANSWER_SHOWN.test(text) ? '' : text;
}

/** A rich-text editor's text: the editor's own document where it can be read, else the HTML its text area holds. */
function richText(textarea: Element, editor: Element): string {
  if (editor.tagName === 'IFRAME') {
    try {
      const inner = (editor as HTMLIFrameElement).contentDocument;
      const body = inner?.body;
      if (body && (isEditable(body) || inner!.designMode === 'on')) return readableText(body);
    } catch {
      // Another origin's editor: its text area holds the same text.
    }
    return textOfHtml(textarea.ownerDocument, (textarea as HTMLTextAreaElement).value ?? '');
  }
  return readableText(editor);
}

/**
 * A text area the page hides itself that holds HTML: a rich-text editor's store whose editor
 * could not be found. Its text as a person would see it, never its markup; null for any other.
 */
function richSource(control: Element): string | null {
  if (control.tagName !== 'TEXTAREA') return null;
  const value = (control as HTMLTextAreaElement).value ?? '';
  if (!/<\/?(?:p|br|div|span|strong|em|b|i|u|ul|ol|li|h[1-6])\b[^>]*>/i.test(value) || !hiddenItself(control)) return null;
  return textOfHtml(control.ownerDocument, value);
}

function columnFor(columns: readonly TableColumn[], texts: readonly string[]): TableColumn | null {
  for (const text of texts) {
    const column = matchColumn(columns, text);
    if (column) return column;
  }
  return null;
}

/** The controls of one entry of a repeating section, each with the column its own label names. */
function entryColumns(entry: Element, columns: readonly TableColumn[]): Array<[Element, TableColumn]> {
  const found: Array<[Element, TableColumn]> = [];
  for (const control of Array.from(entry.querySelectorAll(CONTROL_SELECTOR))) {
    const column = columnFor(columns, ownLabelTexts(control));
    if (column && !found.some(([, taken]) => taken === column)) found.push([control, column]);
  }
  return found;
}

/** How many of the columns one entry of a repeating section holds. */
export function repeatColumnMatches(entry: Element | null, columns: readonly TableColumn[]): number {
  return entry ? entryColumns(entry, columns).length : 0;
}

/** A repeating section: one row per entry that has anything in it, as a repeating table reads. */
function repeatValue(entries: readonly Element[], columns: readonly TableColumn[]): TableValue {
  const rows: TableValue['rows'] = [];
  for (const entry of entries) {
    const row: Record<string, TableCell> = {};
    let filled = false;
    for (const [control, column] of entryColumns(entry, columns)) {
      const text = controlText(control);
      const value: TableCell = column.type === 'date' ? dateFromText(text) : { type: 'text', text: collapseWhiteSpace(text) };
      row[column.name] = value;
      if (value.type === 'text' ? value.text !== '' : value.date.state !== 'empty') filled = true;
    }
    if (filled) rows.push(row);
  }
  return { type: 'table', rows };
}

export function readCandidate(question: Question, candidate: Candidate): FieldValue {
  const { element, members } = candidate;
  switch (candidate.kind) {
    case 'dateParts':
      return dateFromParts(candidate.parts ?? {});
    case 'table':
      return tableValue(element as HTMLTableElement, question.columns ?? []);
    case 'repeat':
      return repeatValue(candidate.entries ?? [], question.columns ?? []);
    case 'checkbox':
      return { type: 'yesno', answer: (element as HTMLInputElement).checked ? 'yes' : 'no', text: null };
    case 'radios': {
      const chosen = members.find((member) => (member as HTMLInputElement).checked);
      const text = chosen ? optionText(chosen) : null;
      const value = chosen ? (chosen as HTMLInputElement).value : null;
      if (question.type === 'yesno') {
        const byText = yesNoFromText(text);
        return byText.answer === null && value ? { ...yesNoFromText(value), text } : byText;
      }
      return choiceFromText(question, text, value);
    }
    case 'checkboxes':
      return multiFromTexts(
        question,
        members.filter((member) => (member as HTMLInputElement).checked).map(optionText),
      );
    case 'multiSelect':
      return multiFromTexts(
        question,
        Array.from((element as HTMLSelectElement).selectedOptions, (option) => option.text),
      );
    default: {
      const text = candidate.editor ? richText(element, candidate.editor) : richSource(element) ?? controlText(element);
      switch (question.type) {
        case 'date':
          return dateFromText(text);
        case 'yesno':
          return yesNoFromText(text);
        case 'choice':
          return choiceFromText(question, text, controlValueAttribute(element));
        default:
          return { type: 'text', text: collapseWhiteSpace(text) };
      }
    }
  }
}

/** An answer in the read-only view, from the element that holds it (none: unanswered). */
export function readView(question: Question, answer: Element | null | undefined): FieldValue {
  const text = answer ? shownAnswer(readableText(answer)) : '';
  switch (question.type) {
    case 'date':
      return dateFromText(text);
    case 'yesno':
      return yesNoFromText(text);
    case 'choice':
      return choiceFromText(question, text);
    case 'multi':
      return answer && text !== '' ? multiFromViewText(question, answer) : multiFromTexts(question, []);
    case 'table':
      return answer && answer.tagName === 'TABLE'
        ? tableValue(answer as HTMLTableElement, question.columns ?? [])
        : { type: 'table', rows: [] };
    default:
      return { type: 'text', text };
  }
}

export function isReadOnlyControl(element: Element): boolean {
  if (isEditable(element)) return false;
  return (element as HTMLInputElement).disabled === true || (element as HTMLInputElement).readOnly === true;
}
