/**
 * The page's questions as the fitting view offers them: every place an answer can be, collected
 * without knowing any question (../forms/scan/collect.ts), each with its label as the page shows
 * it, its kind of control, its answers and, for a table, its columns.
 */
import { headerRow, isUnchosen, optionText } from '../forms/answers';
import { ownLabelTexts, CONTROL_SELECTOR } from '../forms/labels';
import { collapseWhiteSpace, MANDATORY, normaliseLabel } from '../forms/normalise';
import { collectPage, type Candidate, type CandidateKind } from '../forms/scan/collect';
import { readableText } from '../forms/text';

export interface PageQuestion {
  /** Its value in the fitting view's lists: `p1`, `p2`, … in page order. */
  id: string;
  /** The label as the page shows it (with "(2)" after a label the page uses twice). */
  label: string;
  /** The label as the profile will hold it. */
  text: string;
  kind: CandidateKind;
  candidate: Candidate;
  /** The answers it offers, as the page shows them (dropdowns, radios, checkboxes). */
  answers: string[];
  /** The option values behind them, where the page has them. */
  answerValues: string[];
  /** A table's column headings, or the labels of one entry of a repeating section. */
  columns: string[];
  /** Mosaic's question code, where the control carries one. */
  code: string | null;
  /** Chosen while it was on the page, and gone from it since (its section closed). */
  away?: boolean;
}

/** The attributes that carry a Mosaic question code (never an id or name, which pages make up). */
const CODE_ATTRIBUTES = ['data-question-code', 'data-question-user-code', 'data-question'];

const KIND_WORDS: Record<CandidateKind, string> = {
  box: 'a text box',
  date: 'a date box',
  select: 'a dropdown',
  multiSelect: 'a list to choose several from',
  checkbox: 'a checkbox',
  radios: 'radio buttons',
  checkboxes: 'checkboxes',
  dateParts: 'day, month and year boxes',
  table: 'a table',
  repeat: 'a repeating section',
};

/** The kind of control, in words: "radio buttons", "a checkbox". */
export function kindWords(kind: CandidateKind): string {
  return KIND_WORDS[kind];
}

function answersOf(candidate: Candidate): { answers: string[]; values: string[] } {
  const answers: string[] = [];
  const values: string[] = [];
  const add = (text: string, value: string) => {
    const shown = collapseWhiteSpace(text);
    if (shown === '' || isUnchosen(shown) || answers.includes(shown)) return;
    answers.push(shown);
    values.push(value);
  };
  if (candidate.kind === 'select' || candidate.kind === 'multiSelect') {
    for (const option of Array.from((candidate.element as HTMLSelectElement).options)) add(option.text, option.value);
  } else if (candidate.kind === 'radios' || candidate.kind === 'checkboxes') {
    for (const member of candidate.members) add(optionText(member), (member as HTMLInputElement).value ?? '');
  }
  return { answers, values };
}

function columnsOf(candidate: Candidate): string[] {
  if (candidate.kind === 'table') {
    const header = headerRow(candidate.element as HTMLTableElement);
    return header ? Array.from(header.cells, (cell) => collapseWhiteSpace(readableText(cell))).filter(Boolean) : [];
  }
  if (candidate.kind === 'repeat') {
    const entry = candidate.entries?.[0];
    if (!entry) return [];
    return Array.from(entry.querySelectorAll(CONTROL_SELECTOR), (control) => collapseWhiteSpace(ownLabelTexts(control)[0] ?? '')).filter(Boolean);
  }
  return [];
}

function codeOf(candidate: Candidate): string | null {
  for (let element: Element | null = candidate.element; element && element !== element.ownerDocument.body; element = element.parentElement) {
    for (const attribute of CODE_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value && /^[A-Za-z0-9_.-]+$/.test(value)) return value;
    }
    // Only the control's own element and the group around it.
    if (element !== candidate.element && element.matches('fieldset, [role=group], [role=radiogroup], .question, .form-group')) break;
  }
  return null;
}

/** A label as a person reads it: without a mandatory marker ("*", "(required)") at its end. */
const MARKER_AT_END = new RegExp(`\\s*${MANDATORY.source}\\s*$`, 'i');
function shownLabel(text: string): string {
  return collapseWhiteSpace(text).replace(MARKER_AT_END, '');
}

/** Every question of the page that has a label, in page order. */
export function pageQuestions(doc: Document): PageQuestion[] {
  const { candidates } = collectPage(doc, null);
  // A set of checkboxes with a label of its own (a legend, the text before it) is one question,
  // and its checkboxes are its answers; each checkbox is offered alone too (it may be a yes/no
  // question of its own), named as part of the set. A run of checkboxes labelled only by the
  // first one's own label is several yes/no questions (a table of them), not a set.
  const setOf = new Map<Element, string>();
  const notSets = new Set<Candidate>();
  for (const candidate of candidates) {
    if (candidate.kind !== 'checkboxes') continue;
    const label = shownLabel(candidate.texts.find((text) => shownLabel(text) !== '') ?? '');
    const own = candidate.members.map((member) => normaliseLabel(optionText(member)));
    if (label !== '' && !own.includes(normaliseLabel(label))) candidate.members.forEach((member) => setOf.set(member, label));
    else notSets.add(candidate);
  }
  const listed = candidates
    .filter((candidate) => !notSets.has(candidate))
    .map((candidate) => ({ candidate, text: shownLabel(candidate.texts.find((text) => shownLabel(text) !== '') ?? '') }))
    .filter(({ text }) => text !== '' && text.length <= 300)
    .sort((a, b) => a.candidate.order - b.candidate.order || (a.candidate.kind === 'checkboxes' ? -1 : 1));
  const uses = new Map<string, number>();
  return listed.map(({ candidate, text }, index) => {
    const used = (uses.get(text) ?? 0) + 1;
    uses.set(text, used);
    const { answers, values } = answersOf(candidate);
    const set = candidate.kind === 'checkbox' ? setOf.get(candidate.element) : undefined;
    return {
      id: `p${index + 1}`,
      label: set ? `${text} (a checkbox of '${set}')` : used > 1 ? `${text} (${used})` : text,
      text,
      kind: candidate.kind,
      candidate,
      answers,
      answerValues: values,
      columns: columnsOf(candidate),
      code: codeOf(candidate),
    };
  });
}

/**
 * The page question a click landed on: the one whose control (or label) it is, else the one
 * alone inside the nearest block around the click. Where a control belongs to two (a checkbox
 * and its set), the one `fits` accepts is taken. Null when the click was on none, or on a block
 * holding several.
 */
export function questionAt(questions: readonly PageQuestion[], target: Element, fits: (question: PageQuestion) => boolean = () => true): PageQuestion | null {
  const owners = (element: Element) =>
    questions.filter(
      (question) =>
        question.candidate.element === element || question.candidate.members.includes(element) || question.candidate.editor === element,
    );
  const pick = (found: PageQuestion[]) => found.find(fits) ?? found[0] ?? null;
  const label = target.closest('label');
  const control = label && (label as HTMLLabelElement).control;
  if (control) {
    const found = owners(control);
    if (found.length > 0) return pick(found);
  }
  for (let element: Element | null = target; element && element !== target.ownerDocument.body; element = element.parentElement) {
    const own = owners(element);
    if (own.length > 0) return pick(own);
    const inside = questions.filter((question) => element!.contains(question.candidate.element));
    const sets = new Set(inside.map((question) => (question.kind === 'checkbox' ? inside.find((other) => other.kind === 'checkboxes' && other.candidate.members.includes(question.candidate.element)) ?? question : question)));
    if (sets.size === 1) return pick(inside);
    if (sets.size > 1) return null;
  }
  return null;
}
