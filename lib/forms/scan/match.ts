/**
 * Stage 4 of a scan: which of the page's candidates answers which of a profile's questions: by
 * label, then by question code; and, in the read-only view (View), which text on the page is a
 * question's label and which its answer.
 */
import { normaliseLabel } from '../normalise';
import type { Question, QuestionType } from '../profile';
import { tableColumnMatches } from '../answers';
import { repeatColumnMatches } from './read';
import { HEADING } from '../labels';
import { nameText, namePrefixes } from '../text';
import type { Candidate, CandidateKind, PageCollection } from './collect';
import { kindOf, styleOf } from './look';
import { codeMatches, type PreparedProfile } from './prepare';

/** The kinds of page control that can hold each type of answer. */
export const COMPATIBLE: Record<QuestionType, readonly CandidateKind[]> = {
  text: ['box'],
  date: ['date', 'box', 'dateParts'],
  yesno: ['checkbox', 'radios', 'select'],
  choice: ['select', 'radios', 'box'],
  multi: ['checkboxes', 'multiSelect'],
  table: ['table', 'repeat'],
};

export interface Match {
  question: Question;
  candidate: Candidate;
  foundBy: 'label' | 'code' | 'view';
  /** Which of the candidate's labels matched: nearer is better. */
  rank: number;
  hidden: boolean;
  /** For read-only answers: the element holding the answer, or null when the question shows none. */
  answer?: Element | null;
}

/** Shown to the worker: not hidden by the page (display: none, the hidden attribute, a closed details). */
export function isShown(element: Element): boolean {
  const checkVisibility = (element as HTMLElement).checkVisibility;
  if (typeof checkVisibility === 'function') return checkVisibility.call(element);
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (current.hasAttribute('hidden')) return false;
    const style = (current as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/** The element the worker sees for a candidate: a rich-text editor rather than its hidden text area. */
function shownElement(candidate: Candidate): Element {
  return candidate.editor ?? candidate.element;
}

/** Whether the candidate's structure can hold the question's answer (a table's or section's columns). */
function holdsColumns(question: Question, candidate: Candidate): boolean {
  if (question.type !== 'table') return true;
  const columns = question.columns ?? [];
  if (candidate.kind === 'table') return tableColumnMatches(candidate.element as HTMLTableElement, columns) > 0;
  return repeatColumnMatches(candidate.entries?.[0] ?? null, columns) >= Math.min(2, columns.length);
}

export function matchCandidates(page: PageCollection, prepared: PreparedProfile): Map<string, Match> {
  const best = new Map<string, Match>();
  const consider = (match: Match) => {
    const current = best.get(match.question.name);
    const better =
      !current ||
      (current.hidden && !match.hidden) ||
      (current.hidden === match.hidden &&
        (match.rank < current.rank || (match.rank === current.rank && match.candidate.order < current.candidate.order)));
    if (better) best.set(match.question.name, match);
  };
  for (const candidate of page.candidates) {
    let matched = false;
    for (let rank = 0; rank < candidate.labels.length && !matched; rank++) {
      const question = prepared.byLabel.get(candidate.labels[rank]!);
      if (!question || !COMPATIBLE[question.type].includes(candidate.kind)) continue;
      if (!holdsColumns(question, candidate)) continue;
      matched = true;
      consider({ question, candidate, foundBy: 'label', rank, hidden: !isShown(shownElement(candidate)) });
    }
    if (matched) continue;
    for (const code of candidate.codes) {
      if (!prepared.mayBeCode?.test(code)) continue;
      const question = prepared.codes.find(([questionCode]) => codeMatches(code, questionCode))?.[1];
      if (!question || !COMPATIBLE[question.type].includes(candidate.kind)) continue;
      if (!holdsColumns(question, candidate)) continue;
      consider({ question, candidate, foundBy: 'code', rank: 100, hidden: !isShown(shownElement(candidate)) });
      break;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The read-only view

const VIEW_LABEL_SELECTOR = `dt, th, td, label, span, div, p, strong, b, li, legend, ${HEADING}`;
/** How far up from a label the answer beside or below it is looked for. */
const VIEW_DEPTH = 3;

const LABEL_BY_NATURE = new Set(['DT', 'TH', 'LABEL', 'LEGEND']);
const BOLD = new Set(['STRONG', 'B']);
/** Blocks that hold questions, never a heading's one answer. */
const QUESTION_BLOCKS = 'dl, table, fieldset, section, form';
/** Elements that hold labels, not answers, when two of them follow each other. */
const LABEL_TAGS = new Set(['DT', 'TH', 'LABEL', 'LEGEND', 'STRONG', 'B', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The question a View label element names, by its whole text or its text before a hint. */
function viewQuestion(element: Element, prepared: PreparedProfile): Question | null {
  const name = nameText(element, 301);
  if (name.length > 300) return null;
  const question = prepared.byLabel.get(normaliseLabel(name));
  if (question) return question;
  // A hint after the question's words only in elements that are labels by nature: in a block or
  // a row, what follows the question's words may be its answer.
  if (element.childElementCount === 0 || !LABEL_BY_NATURE.has(element.tagName)) return null;
  for (const { prefix } of namePrefixes(element, 300, { inlineOnly: true })) {
    const found = prepared.byLabel.get(normaliseLabel(prefix));
    if (found) return found;
  }
  return null;
}

/** An element's kind, where a class says it (kindOf). Two siblings of one kind are two of a kind (two labels, two rows). */
function look(element: Element): string | null {
  return element.getAttribute('class')?.trim() ? kindOf(element) : null;
}

const INLINE_MARKERS = new Set(['SPAN', 'ABBR', 'SMALL', 'SUP', 'B', 'STRONG', 'EM', 'I']);

/** Text that is only a question number or a mandatory marker ("3.2", "*", "(required)"), never a dash (an answer left empty). */
function isMarker(element: Element): boolean {
  if (!INLINE_MARKERS.has(element.tagName)) return false;
  return isMarkerText(element.textContent ?? '');
}

function isMarkerText(raw: string): boolean {
  if (!/[\p{L}\p{N}*?]/u.test(raw)) return false;
  return normaliseLabel(raw) === '';
}

/**
 * Whether an element under a heading can be its one answer: text (a paragraph, a list), not a
 * block of questions, nor an element that starts with a label of its own ("<p><strong>Question
 * </strong> answer</p>").
 */
function answerLike(element: Element): boolean {
  if (element.matches(QUESTION_BLOCKS) || element.querySelector(`:scope > :is(div, ${QUESTION_BLOCKS})`)) return false;
  return !startsWithLabel(element);
}

/** Whether the element begins with a label-like element (bold, a label, a term) and has more text after it. */
function startsWithLabel(element: Element): boolean {
  const first = element.firstElementChild;
  if (!first || !LABEL_TAGS.has(first.tagName)) return false;
  const before = element.firstChild !== first && /\S/.test(element.firstChild?.textContent ?? '');
  if (before) return false;
  return (element.textContent ?? '').trim().length > (first.textContent ?? '').trim().length;
}

/**
 * Whether a block begins as the label's own block does (the same elements, first child by
 * first child, down to one of the label's look): the next question's block, its label in the
 * same place, whatever its words.
 */
function startsLike(next: Element, block: Element, label: Element): boolean {
  const path: string[] = [];
  for (let current: Element | null = label; current && current !== block; current = current.parentElement) {
    if (current.parentElement?.firstElementChild !== current) return false;
    path.unshift(styleOf(current));
  }
  let current: Element | null = next;
  for (const step of path) {
    current = current?.firstElementChild ?? null;
    if (!current || styleOf(current) !== step) return false;
  }
  return true;
}

/**
 * In the read-only view, the element that holds a label's answer, bounded by the structure that
 * holds the question: the `<dd>` of its `<dt>`, the cell beside its cell, or the element just
 * after it (or after the block around it, when the label ends its block). Null when the question
 * shows no answer: nothing follows within its structure, or what follows is another question (a
 * label, a block of the same look as the label's, a heading): never the next question's text.
 */
/** What reading one View answer knows of the page's questions. */
interface ViewContext {
  /** Whether an element names one of the questions (other than the one read). */
  isLabel: (element: Element) => boolean;
  /** Whether a text begins with one of the questions and a colon. */
  namesQuestion: (text: string) => boolean;
  /** The question is a repeating table: under a heading, its answer may be a table. */
  tableAnswer: boolean;
}

/** Whether an element holds, inside it, an element that names a question. */
function holdsLabel(element: Element, isLabel: (element: Element) => boolean): boolean {
  return Array.from(element.querySelectorAll('*')).some(isLabel);
}

function viewAnswerElement(inner: Element, { isLabel, namesQuestion, tableAnswer }: ViewContext): Element | null {
  const otherQuestion = (element: Element) =>
    element.matches(HEADING) ||
    isLabel(element) ||
    element.querySelector(HEADING) !== null ||
    holdsLabel(element, isLabel) ||
    // "Outcome: Continue", a question and its answer in one element.
    namesQuestion(element.textContent ?? '');
  // Links, buttons and hints beside a label are the page's, not the answer ("Change", "?", "Back to top").
  const aside = (element: Element) => element.matches(ASIDE) || isMarker(element);
  // A label inside a cell or a term that holds nothing else: the cell's structure bounds the answer.
  const holder = inner.parentElement?.closest('dt, th, td');
  const label = holder && normaliseLabel(nameText(holder, 301)) === normaliseLabel(nameText(inner, 301)) ? holder : inner;
  if (label.tagName === 'DT') {
    for (let sibling = label.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      if (sibling.tagName === 'DD') return otherQuestion(sibling) ? null : sibling;
      if (sibling.tagName === 'DT') return null;
    }
    return null;
  }
  if (label.tagName === 'TH' || label.tagName === 'TD') {
    const row = label.parentElement;
    // A header row of questions: each answer is in the cell below its header.
    if (row && row.children.length > 1 && Array.from(row.children).every((cell) => cell.tagName === 'TH')) {
      const below = nextRow(row);
      const cell = below ? cellBelow(below, label) : null;
      return cell && cell.tagName !== 'TH' && !otherQuestion(cell) ? cell : null;
    }
    let next = label.nextElementSibling;
    while (next && (aside(next) || onlyAside(next))) next = next.nextElementSibling;
    return next && next.tagName !== 'TH' && !otherQuestion(next) ? next : null;
  }
  // The answer as text after the label in the same element ("<li><b>Date of review:</b> 04/06/2026</li>").
  const after = textAfter(label, isLabel);
  if (after) return after;
  for (let current: Element | null = label, depth = 0; current && depth < VIEW_DEPTH; depth++) {
    let next = current.nextElementSibling;
    // A question number or mandatory marker in an element of its own is part of the label; a link,
    // button or hint is the page's.
    while (next && aside(next)) next = next.nextElementSibling;
    if (next) {
      if (otherQuestion(next)) return null;
      const ownLook = look(current);
      if (ownLook !== null && look(next) === ownLook) return null;
      // Two elements of a kind that only labels are ("<strong>", "<dt>", a heading) in a row.
      if (LABEL_TAGS.has(current.tagName) && (next.tagName === current.tagName || (BOLD.has(current.tagName) && BOLD.has(next.tagName)))) return null;
      // Under a heading, an answer is text (a paragraph, a list, a table), not a block of questions.
      if (label.matches(HEADING) && !(tableAnswer && next.matches('table')) && !answerLike(next)) return null;
      if (current !== label && startsLike(next, current, label)) return null;
      return next;
    }
    // The label ends its block: the answer, if any, follows the block, unless the block holds other questions too.
    const parent: Element | null = current.parentElement;
    if (!parent || parent === label.ownerDocument.body) return null;
    if (holdsLabel(parent, (element) => element !== label && !label.contains(element) && isLabel(element))) return null;
    current = parent;
  }
  return null;
}

/** What sits beside a label and is never an answer: a link, a button, a hint. */
const ASIDE = 'a, button, [role=button], [class*=hint], [class*=help]';

/** A cell holding nothing but links, buttons or a marker ("Change"). */
function onlyAside(cell: Element): boolean {
  const children = Array.from(cell.children);
  if (children.length === 0) return isMarkerText(cell.textContent ?? '');
  return children.every((child) => child.matches(ASIDE)) && Array.from(cell.childNodes).every((node) => node.nodeType !== 3 || !/\S/.test(node.nodeValue ?? ''));
}

function nextRow(row: Element): Element | null {
  if (row.nextElementSibling) return row.nextElementSibling;
  const section = row.parentElement;
  return section && section.tagName !== 'TABLE' ? (section.nextElementSibling?.firstElementChild ?? null) : null;
}

function cellBelow(row: Element, header: Element): Element | null {
  const index = Array.prototype.indexOf.call(header.parentElement!.children, header);
  return row.children[index] ?? null;
}

/**
 * The text that follows the label inside the same element, up to the next label: a copy of it
 * (nothing of the page is moved), or null when there is none.
 */
function textAfter(label: Element, isLabel: (element: Element) => boolean): Element | null {
  let text = false;
  const after: Node[] = [];
  for (let node = label.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (isLabel(node as Element) || (node as Element).matches(HEADING))) break;
    if (node.nodeType === 3 && /[^\s:\-\u2010-\u2015]/.test(node.nodeValue ?? '')) text = true;
    after.push(node);
  }
  // Only a marker after the words ("?", "*", "(required)") is the label's.
  if (!text || normaliseLabel(after.map((node) => node.textContent ?? '').join('')) === '') return null;
  const holder = label.ownerDocument.createElement('span');
  for (const node of after) holder.appendChild(node.cloneNode(true));
  // "Date of review: 04/06/2026": the colon after the label is the label's.
  const first = holder.firstChild;
  if (first && first.nodeType === 3) first.nodeValue = (first.nodeValue ?? '').replace(/^\s*:\s*/, '');
  return holder;
}

/**
 * The read-only view: labels as text, each with its answer as text beside or below it. A
 * heading is taken for a question only where no other element names it (a section "Outcome"
 * holding the question "Outcome" is the section, not the question).
 */
export function matchView(page: PageCollection, prepared: PreparedProfile, mayBeLabel: (text: string) => boolean): Map<string, Match> {
  const found = new Map<string, Match>();
  const body = page.doc.body;
  if (!body) return found;
  // The page's section headings: headings of a look that names two or more of the form's
  // sections ("Review", "Progress", "Outcome"). One of them is never a question, whatever its
  // words (the review's section "Outcome" holds the question "Outcome").
  const sectionNames = new Set(prepared.profile.questions.flatMap((question) => (question.section ? [normaliseLabel(question.section)] : [])));
  const namedSections = new Map<string, Set<string>>();
  const sectionHeadings: Element[] = [];
  for (const heading of Array.from(body.querySelectorAll(HEADING))) {
    const name = normaliseLabel(nameText(heading, 301));
    if (!sectionNames.has(name)) continue;
    namedSections.set(styleOf(heading), (namedSections.get(styleOf(heading)) ?? new Set()).add(name));
    sectionHeadings.push(heading);
  }
  const isSectionHeading = new Set(
    sectionHeadings.filter((heading) => (namedSections.get(styleOf(heading))?.size ?? 0) >= 2),
  );
  // Every element that names one of the questions.
  const labels = new Map<Element, Question>();
  const elements = Array.from(body.querySelectorAll(VIEW_LABEL_SELECTOR));
  for (const element of elements) {
    const raw = element.textContent ?? '';
    if (raw.length > 300 || !mayBeLabel(raw)) continue;
    if (element.closest('monitoring-guard') || isSectionHeading.has(element)) continue;
    const question = viewQuestion(element, prepared);
    if (!question) continue;
    // The innermost of a nest of elements that name the question (a <strong> in a <p>, a <dt>
    // in a row whose answer is empty): the one that holds nothing but its words.
    const parent = element.parentElement;
    if (parent && labels.get(parent) === question) labels.delete(parent);
    labels.set(element, question);
  }
  const isLabel = (element: Element) => labels.has(element);
  /** Whether a text begins with one of the questions and a colon ("Outcome: Continue"). */
  const namesQuestion = (text: string) => {
    const colon = text.indexOf(':');
    return colon > 0 && colon < 300 && prepared.byLabel.has(normaliseLabel(text.slice(0, colon)));
  };
  const byQuestion = new Map<string, Element[]>();
  for (const [element, question] of labels) byQuestion.set(question.name, [...(byQuestion.get(question.name) ?? []), element]);
  const answerOf = (candidate: Element) =>
    viewAnswerElement(candidate, {
      isLabel: (other) => other !== candidate && isLabel(other),
      namesQuestion,
      tableAnswer: labels.get(candidate)?.type === 'table',
    });
  let looks: Set<string> | null = null;
  /** The styles of the headings that stand for questions here: headings with an answer under them. */
  const questionHeadingStyles = (): Set<string> => {
    if (!looks) looks = new Set(Array.from(labels.keys(), (element) => (element.matches(HEADING) && answerOf(element) !== null ? styleOf(element) : '')).filter(Boolean));
    return looks;
  };
  /**
   * Whether a heading with nothing under it is a question left unanswered: where the page shows
   * its questions as headings of that style (others with their answers under them), alone in a
   * block of its own, in a block whose headings are all of its style (a list of questions as
   * headings), or in a series of headings of its style the next of which has its answer under
   * it. Otherwise it heads a section or subsection, and is not the question.
   */
  const unansweredQuestionHeading = (heading: Element): boolean => {
    if (questionHeadingStyles().has(styleOf(heading))) return true;
    const parent = heading.parentElement;
    if (parent && parent !== body && parent.childElementCount === 1 && !parent.matches(QUESTION_BLOCKS)) return true;
    if (parent && parent !== body && parent.childElementCount > 1) {
      const headings = Array.from(parent.children).filter((child) => child.matches(HEADING));
      if (headings.length > 1 && headings.every((other) => styleOf(other) === styleOf(heading))) return true;
    }
    const next = heading.nextElementSibling;
    const after = next?.nextElementSibling ?? null;
    return (
      next !== null &&
      styleOf(next) === styleOf(heading) &&
      after !== null &&
      !after.matches(HEADING) &&
      answerLike(after) &&
      !isLabel(after) &&
      !holdsLabel(after, isLabel)
    );
  };
  let order = 0;
  for (const [name, named] of byQuestion) {
    order++;
    // An element that is not a heading, else a heading with an answer under it (the question
    // "Outcome" as an <h4> under the section heading "Outcome"), else an unanswered question's.
    const element =
      named.find((candidate) => !candidate.matches(HEADING)) ??
      named.find((candidate) => answerOf(candidate) !== null) ??
      named.find(unansweredQuestionHeading);
    if (!element) continue;
    const question = labels.get(element)!;
    let answer = answerOf(element);
    if (question.type === 'table' && answer && answer.tagName !== 'TABLE') answer = answer.querySelector('table') ?? answer;
    found.set(name, {
      question,
      candidate: { kind: 'box', element: answer ?? element, members: [], labels: [], texts: [], codes: [], order },
      foundBy: 'view',
      rank: 0,
      hidden: !isShown(element),
      answer,
    });
  }
  return found;
}
