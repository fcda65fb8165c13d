/**
 * Scanning a page into a snapshot. One pass collects what the page shows (controls, groups of
 * radios or checkboxes, day-month-year boxes, tables, each with the labels around it); then each
 * profile whose title the page shows is matched against that collection, and the best match,
 * if it finds enough of the form's questions, becomes the snapshot. The scanner knows no rule.
 */
import { collapseWhiteSpace, labelPrefilter, normaliseLabel } from './normalise';
import type { FormKind, FormProfile, Question, QuestionType } from './profile';
import type { FieldSnapshot, FieldValue, FormSnapshot } from './snapshot';
import {
  CONTROL_SELECTOR,
  controlLabelTexts,
  groupContainer,
  groupLabelTexts,
  ownLabelTexts,
  containerLabelTexts,
  definitionTermText,
  textBefore,
  tableCellTexts,
  unlabelledControl,
  withLabelIndex,
} from './labels';
import {
  choiceFromText,
  controlText,
  controlValueAttribute,
  dateFromParts,
  dateFromText,
  multiFromTexts,
  multiFromViewText,
  optionText,
  tableColumnMatches,
  tableValue,
  yesNoFromText,
  type DatePartName,
} from './answers';
import { readableText } from './text';
import { locatorFor } from './locator';
import { findPersonId, personIdInDocument } from './person';

/** How many of a form's questions must be found for the page to be that form. */
export const MIN_QUESTIONS_FOUND = 3;

type CandidateKind = 'box' | 'date' | 'select' | 'multiSelect' | 'checkbox' | 'radios' | 'checkboxes' | 'dateParts' | 'table';

/** Something in the page that can hold one question's answer. */
interface Candidate {
  kind: CandidateKind;
  /** The element to focus (the first member of a group). */
  element: Element;
  members: Element[];
  /** Normalised label texts, nearest first. */
  labels: string[];
  /** Attribute values that may carry the question code, lower case. */
  codes: string[];
  parts?: Partial<Record<DatePartName, Element>>;
  order: number;
}

/** What the page shows, collected once per scan. */
export interface PageCollection {
  doc: Document;
  candidates: Candidate[];
  controlCount: number;
}

const COMPATIBLE: Record<QuestionType, readonly CandidateKind[]> = {
  text: ['box'],
  date: ['date', 'box', 'dateParts'],
  yesno: ['checkbox', 'radios', 'select'],
  choice: ['select', 'radios', 'box'],
  multi: ['checkboxes', 'multiSelect'],
  table: ['table'],
};

const CODE_ATTRIBUTES = ['id', 'name', 'data-question-code', 'data-question', 'data-code', 'data-field', 'data-question-user-code'];
/** The code attributes other than id and name, which few controls have. */
const RARE_CODE = CODE_ATTRIBUTES.filter((attribute) => attribute !== 'id' && attribute !== 'name')
  .map((attribute) => `[${attribute}]`)
  .join(', ');

/** Whether any of the control's codes passes `mayBeCode`: asks for the rarer attributes only when it has one. */
function someCodeOf(control: Element, mayBeCode: (code: string) => boolean): boolean {
  const some = (value: string | null) => value !== null && value !== '' && mayBeCode(value.toLowerCase());
  if (some(control.getAttribute('id')) || some(control.getAttribute('name'))) return true;
  return control.matches(RARE_CODE) && codesOf(control).some(mayBeCode);
}

function codesOf(...elements: Array<Element | null | undefined>): string[] {
  const codes: string[] = [];
  for (const element of elements) {
    if (!element) continue;
    for (const attribute of CODE_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value) codes.push(value.toLowerCase());
    }
  }
  return codes;
}

/** The texts normalised, without repeats or empties. */
function distinctLabels(texts: readonly string[]): string[] {
  return [...new Set(texts.map(normaliseLabel))].filter(Boolean);
}

/** Accepts every text: a collection made without knowing the questions. */
const ANY_TEXT = () => true;

/**
 * Each label text normalised, in the same places (so that a label's rank is where it was found);
 * a text the quick test rules out becomes '', which matches no question.
 */
function normalisedLabels(texts: readonly string[], mayBeLabel: (text: string) => boolean): string[] {
  return texts.map((text) => (mayBeLabel(text) ? normaliseLabel(text) : ''));
}

function datePartName(control: Element): DatePartName | null {
  const hints = [
    ...ownLabelTexts(control),
    control.getAttribute('name') ?? '',
    control.id,
    control.getAttribute('placeholder') ?? '',
    control.getAttribute('autocomplete') ?? '',
  ]
    .join(' ')
    .toLowerCase();
  // A word of its own: "Day", "dob_dd", "date-day", "bday-day" (an underscore separates too).
  if (/(?:^|[^a-z0-9])(?:day|dd)(?![a-z0-9])/.test(hints)) return 'day';
  if (/(?:^|[^a-z0-9])(?:month|mm)(?![a-z0-9])/.test(hints)) return 'month';
  if (/(?:^|[^a-z0-9])(?:year|yyyy|yy)(?![a-z0-9])/.test(hints)) return 'year';
  return null;
}

function isEditable(element: Element): boolean {
  return element.hasAttribute('contenteditable') && element.getAttribute('contenteditable') !== 'false';
}

function controlKind(control: Element): CandidateKind | 'radio' | null {
  if (isEditable(control)) return 'box';
  switch (control.tagName) {
    case 'TEXTAREA':
      return 'box';
    case 'SELECT':
      return (control as HTMLSelectElement).multiple ? 'multiSelect' : 'select';
    case 'INPUT': {
      const type = (control.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'date') return 'date';
      if (['text', 'search', 'number', 'tel', 'email', 'url', ''].includes(type)) return 'box';
      return null;
    }
    default:
      return null;
  }
}

/**
 * One pass over the document: every place an answer can be, with its labels. `mayBeLabel` (see
 * labelPrefilter) lets it skip reading texts that cannot be the label of a question looked for;
 * with `mayBeCode` as well (whether a control's code can be a question's), it leaves out the
 * standalone controls that can be neither: they could match no question.
 */
export function collectPage(
  doc: Document,
  mayBeLabel: (text: string) => boolean = ANY_TEXT,
  mayBeCode?: (code: string) => boolean,
): PageCollection {
  const body = doc.body;
  const candidates: Candidate[] = [];
  if (!body) return { doc, candidates, controlCount: 0 };
  const controls = Array.from(body.querySelectorAll(CONTROL_SELECTOR)).filter(
    // Rich text is one answer: the elements inside it are not answers of their own.
    (control) => !control.matches('[contenteditable]:not([contenteditable=false]) *'),
  );

  // One control that cannot be read (a page's odd element, a getter that throws) is left out, and
  // the question it answers is reported as not found: it never stops the rest of the scan.
  const safely = (make: () => Candidate) => {
    try {
      candidates.push(make());
    } catch {
      // Left out: see above.
    }
  };
  const position = new Map<Element, number>();
  controls.forEach((control, index) => position.set(control, index));
  const formNumbers = new Map<Element, number>();
  const radiosByGroup = new Map<string, Element[]>();
  const checkboxesByContainer = new Map<Element, Element[]>();
  const checkboxesByName = new Map<string, Element[]>();
  const datePartsByContainer = new Map<Element, Element[]>();

  for (const control of controls) {
    const kind = controlKind(control);
    if (kind === 'radio') {
      const name = control.getAttribute('name');
      const form = (control as HTMLInputElement).form;
      if (form && !formNumbers.has(form)) formNumbers.set(form, formNumbers.size);
      const key = name ? `${form ? formNumbers.get(form) : ''}|${name}` : `#${position.get(control)}`;
      const group = radiosByGroup.get(key) ?? [];
      group.push(control);
      radiosByGroup.set(key, group);
    } else if (kind === 'checkbox') {
      const container = groupContainer(control);
      if (container) checkboxesByContainer.set(container, [...(checkboxesByContainer.get(container) ?? []), control]);
      const name = control.getAttribute('name');
      if (name) checkboxesByName.set(name, [...(checkboxesByName.get(name) ?? []), control]);
    } else if (kind === 'box' || kind === 'select') {
      const container = groupContainer(control);
      if (container && datePartName(control)) {
        datePartsByContainer.set(container, [...(datePartsByContainer.get(container) ?? []), control]);
      }
    }
  }

  // Day, month and year boxes: a group whose boxes are each named so.
  const inDateParts = new Set<Element>();
  for (const [container, members] of datePartsByContainer) {
    const parts: Partial<Record<DatePartName, Element>> = {};
    for (const member of members) parts[datePartName(member)!] = member;
    const day = parts.day;
    if (!day || !parts.month || !parts.year) continue;
    members.forEach((member) => inDateParts.add(member));
    safely(() => ({
      kind: 'dateParts',
      element: day,
      members,
      labels: normalisedLabels(groupLabelTexts(container, day), mayBeLabel),
      codes: codesOf(container, ...members),
      parts,
      order: position.get(day)!,
    }));
  }

  for (const members of radiosByGroup.values()) {
    const first = members[0]!;
    const container = groupContainer(first);
    safely(() => ({
      kind: 'radios',
      element: first,
      members,
      labels: normalisedLabels(groupLabelTexts(container, first), mayBeLabel),
      codes: codesOf(container, first),
      order: position.get(first)!,
    }));
  }

  const grouped = new Set<string>();
  const addCheckboxGroup = (members: Element[], container: Element | null) => {
    const key = members.map((member) => position.get(member)!).join(',');
    if (members.length < 2 || grouped.has(key)) return;
    grouped.add(key);
    safely(() => ({
      kind: 'checkboxes',
      element: members[0]!,
      members,
      labels: normalisedLabels(groupLabelTexts(container, members[0]!), mayBeLabel),
      codes: codesOf(container, members[0]),
      order: position.get(members[0]!)!,
    }));
  };
  for (const [container, members] of checkboxesByContainer) addCheckboxGroup(members, container);
  for (const members of checkboxesByName.values()) addCheckboxGroup(members, groupContainer(members[0]!));

  // Most of a long step's controls are other questions: with a label of their own that is none
  // of ours, and no code of ours. Those are left out after a quick look (unlabelledControl)
  // instead of having every place a label can be read.
  const surelyNotOurs = (control: Element): boolean => {
    if (!mayBeCode) return false;
    try {
      return !someCodeOf(control, mayBeCode) && unlabelledControl(control, mayBeLabel);
    } catch {
      return false;
    }
  };
  controls.forEach((control, index) => {
    const kind = controlKind(control);
    if (kind === null || kind === 'radio' || inDateParts.has(control)) return;
    if (surelyNotOurs(control)) return;
    safely(() => ({
      kind,
      element: control,
      members: [control],
      labels: normalisedLabels(controlLabelTexts(control), mayBeLabel),
      codes: codesOf(control),
      order: index,
    }));
  });

  Array.from(body.querySelectorAll('table')).forEach((table, tableIndex) => {
    const texts: string[] = [];
    const caption = table.caption ? readableText(table.caption) : '';
    if (caption) texts.push(caption);
    texts.push(...ownLabelTexts(table, true));
    const container = groupContainer(table);
    if (container) texts.push(...containerLabelTexts(container));
    const term = definitionTermText(table);
    if (term) texts.push(term);
    texts.push(...tableCellTexts(table));
    const before = textBefore(table);
    if (before) texts.push(before);
    safely(() => ({
      kind: 'table',
      element: table,
      members: [table],
      labels: normalisedLabels(texts, mayBeLabel),
      codes: codesOf(table),
      // After every control, in the tables' own order.
      order: controls.length + tableIndex,
    }));
  });

  return { doc, candidates, controlCount: controls.length };
}

/** The longest run of text that is read as a title bar, heading or tab. */
const MAX_TITLE_RUN = 300;
const TITLE_DEPTH = 3;
const NOT_SHOWN_TEXT = 'script, style, template, noscript, select, textarea, monitoring-guard';

/**
 * Which of these (normalised) titles the document shows: in its title, or in a short run of text
 * (a title bar, a heading, a tab). Read before anything else, so that a page that shows none of
 * the forms' titles (most of Mosaic) costs little more than reading its text once.
 */
export function shownTitles(doc: Document, titles: readonly string[]): Set<string> {
  const shown = new Set<string>();
  // A cheap first look at each text: a whole run of text can hold a title only if it holds each
  // of its words; a title may be split by markup, so a text node, or an element to look inside,
  // only needs the title's longest word to be part of one.
  const mayHoldTitle = labelPrefilter(titles);
  const mayHoldPart = labelPrefilter(titles, { part: true });
  const check = (raw: string) => {
    if (!mayHoldTitle(raw)) return;
    const text = normaliseLabel(raw);
    for (const title of titles) if (text.includes(title)) shown.add(title);
  };
  if (doc.title) check(doc.title);
  const body = doc.body;
  if (!body) return shown;
  const seen = new Set<Element>();
  const atText = (node: Node) => {
    if (!mayHoldPart(node.nodeValue ?? '')) return;
    // The short run of text around it: its element, or (a title split by markup, as in
    // "Internet monitoring: <b>written agreement</b>") an element or two further out.
    let element = node.parentElement;
    for (let depth = 0; element && element !== body && depth < TITLE_DEPTH; depth++, element = element.parentElement) {
      if (seen.has(element)) break;
      seen.add(element);
      if ((element.textContent ?? '').length > MAX_TITLE_RUN) break;
      if (element.closest(NOT_SHOWN_TEXT)) break;
      const before = shown.size;
      check(readableText(element));
      if (shown.size > before) break;
    }
  };
  // Every text node in document order, except inside elements whose whole text fails the quick
  // test: a text node that passes it passes inside any text around it (labelPrefilter), so the
  // elements skipped hold none that would. On a long page this reads a few elements' text instead
  // of touching each of its thousands of text nodes.
  let node: Node | null = body.firstChild;
  while (node) {
    if (node.nodeType === 3) atText(node);
    else if (node.nodeType === 1 && node.firstChild && mayHoldPart(node.textContent ?? '')) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== body && !node.nextSibling) node = node.parentNode;
    node = node && node !== body ? node.nextSibling : null;
  }
  return shown;
}

/** A profile prepared for matching: its labels and codes, normalised once. */
interface PreparedProfile {
  profile: FormProfile;
  titles: string[];
  byLabel: Map<string, Question>;
  codes: Array<[string, Question]>;
  /** Whether a candidate's code (lower case) can be one of `codes` (see codeMatches): one test instead of one per code. */
  mayBeCode: RegExp | null;
  /** Normalised labels no other profile uses. */
  distinctive: Set<string>;
}

const prepared = new WeakMap<readonly FormProfile[], PreparedProfile[]>();

function questionLabels(question: Question): string[] {
  return distinctLabels([question.label, ...(question.aliases ?? [])]);
}

const labelFilters = new WeakMap<PreparedProfile[], (text: string) => boolean>();

/** The quick test for texts that may be the label of one of these profiles' questions. */
function labelFilterFor(preparedProfiles: PreparedProfile[]): (text: string) => boolean {
  let filter = labelFilters.get(preparedProfiles);
  if (!filter) {
    filter = labelPrefilter(preparedProfiles.flatMap((prepared) => [...prepared.byLabel.keys()]));
    labelFilters.set(preparedProfiles, filter);
  }
  return filter;
}

/**
 * The scan's two quick tests for these profiles: whether a text may be one of their questions'
 * labels, and whether a control's code (lower case) may be one of their question codes.
 */
export function profileFilters(profiles: readonly FormProfile[]): {
  mayBeLabel: (text: string) => boolean;
  mayBeCode: (code: string) => boolean;
} {
  const preparedProfiles = prepareProfiles(profiles);
  return { mayBeLabel: labelFilterFor(preparedProfiles), mayBeCode: codeFilterFor(preparedProfiles) };
}

const codeFilters = new WeakMap<PreparedProfile[], (code: string) => boolean>();

/** Whether a control's code (lower case) can be one of these profiles' question codes. */
function codeFilterFor(preparedProfiles: PreparedProfile[]): (code: string) => boolean {
  let filter = codeFilters.get(preparedProfiles);
  if (!filter) {
    const patterns = preparedProfiles.flatMap((prepared) => (prepared.mayBeCode ? [prepared.mayBeCode] : []));
    filter = (code) => patterns.some((pattern) => pattern.test(code));
    codeFilters.set(preparedProfiles, filter);
  }
  return filter;
}

export function prepareProfiles(profiles: readonly FormProfile[]): PreparedProfile[] {
  const cached = prepared.get(profiles);
  if (cached) return cached;
  const labelUse = new Map<string, number>();
  for (const profile of profiles) {
    for (const label of new Set(profile.questions.flatMap(questionLabels))) {
      labelUse.set(label, (labelUse.get(label) ?? 0) + 1);
    }
  }
  const result = profiles.map((profile) => {
    const byLabel = new Map<string, Question>();
    const codes: Array<[string, Question]> = [];
    const distinctive = new Set<string>();
    for (const question of profile.questions) {
      for (const label of questionLabels(question)) {
        if (!byLabel.has(label)) byLabel.set(label, question);
        if (labelUse.get(label) === 1) distinctive.add(question.name);
      }
      if (question.code) codes.push([question.code.toLowerCase(), question]);
    }
    const titles = distinctLabels([profile.title, ...(profile.titleAliases ?? [])]);
    const mayBeCode = codes.length === 0 ? null : new RegExp(`^(?:${codes.map(([code]) => escapeRegExp(code)).join('|')})(?:$|[-.:[]|__)`);
    return { profile, titles, byLabel, codes, mayBeCode, distinctive };
  });
  prepared.set(profiles, result);
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export function codeMatches(candidateCode: string, code: string): boolean {
  if (candidateCode === code) return true;
  if (!candidateCode.startsWith(code)) return false;
  return /^(?:[-.:[]|__)/.test(candidateCode.slice(code.length));
}

interface Match {
  question: Question;
  candidate: Candidate;
  foundBy: 'label' | 'code' | 'view';
  /** Which of the candidate's labels matched: nearer is better. */
  rank: number;
  hidden: boolean;
  /** For read-only answers: the element holding the answer. */
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

function matchCandidates(page: PageCollection, prepared: PreparedProfile): Map<string, Match> {
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
      if (question.type === 'table' && tableColumnMatches(candidate.element as HTMLTableElement, question.columns ?? []) === 0) continue;
      matched = true;
      consider({ question, candidate, foundBy: 'label', rank, hidden: !isShown(candidate.element) });
    }
    if (matched) continue;
    for (const code of candidate.codes) {
      if (!prepared.mayBeCode?.test(code)) continue;
      const question = prepared.codes.find(([questionCode]) => codeMatches(code, questionCode))?.[1];
      if (!question || !COMPATIBLE[question.type].includes(candidate.kind)) continue;
      consider({ question, candidate, foundBy: 'code', rank: 100, hidden: !isShown(candidate.element) });
      break;
    }
  }
  return best;
}

const VIEW_LABEL_SELECTOR = 'dt, th, td, label, span, div, p, strong, b, h3, h4, h5, h6, li, legend';

/** In the read-only view, the element beside or below a label that holds its answer. */
function viewAnswerElement(label: Element): Element | null {
  if (label.tagName === 'DT') {
    for (let sibling = label.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      if (sibling.tagName === 'DD') return sibling;
      if (sibling.tagName === 'DT') return null;
    }
    return null;
  }
  if (label.tagName === 'TH' || label.tagName === 'TD') return label.nextElementSibling;
  for (let current: Element | null = label, depth = 0; current && depth < 3; current = current.parentElement, depth++) {
    const next = current.nextElementSibling;
    if (next) return next;
  }
  return null;
}

/** The read-only view: labels as text, each with its answer as text beside or below it. */
function matchView(page: PageCollection, prepared: PreparedProfile, mayBeLabel: (text: string) => boolean): Map<string, Match> {
  const found = new Map<string, Match>();
  const body = page.doc.body;
  if (!body) return found;
  let order = 0;
  for (const element of Array.from(body.querySelectorAll(VIEW_LABEL_SELECTOR))) {
    order++;
    const raw = element.textContent ?? '';
    if (raw.length > 300 || !mayBeLabel(raw)) continue;
    const question = prepared.byLabel.get(normaliseLabel(readableText(element)));
    if (!question || found.has(question.name)) continue;
    let answer = viewAnswerElement(element);
    if (question.type === 'table' && answer && answer.tagName !== 'TABLE') answer = answer.querySelector('table') ?? answer;
    // Two labels in a row (a header row of a table) are not a label and its answer.
    if (answer && prepared.byLabel.has(normaliseLabel(readableText(answer, 300)))) continue;
    found.set(question.name, {
      question,
      candidate: { kind: 'box', element: answer ?? element, members: [], labels: [], codes: [], order },
      foundBy: 'view',
      rank: 0,
      hidden: !isShown(element),
      answer,
    });
  }
  return found;
}

function readCandidate(question: Question, candidate: Candidate): FieldValue {
  const { element, members } = candidate;
  switch (candidate.kind) {
    case 'dateParts':
      return dateFromParts(candidate.parts ?? {});
    case 'table':
      return tableValue(element as HTMLTableElement, question.columns ?? []);
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
      const text = controlText(element);
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

function readView(question: Question, answer: Element | null | undefined): FieldValue {
  const text = answer ? readableText(answer) : '';
  switch (question.type) {
    case 'date':
      return dateFromText(text);
    case 'yesno':
      return yesNoFromText(text);
    case 'choice':
      return choiceFromText(question, text);
    case 'multi':
      return answer ? multiFromViewText(question, answer) : multiFromTexts(question, []);
    case 'table':
      return answer && answer.tagName === 'TABLE'
        ? tableValue(answer as HTMLTableElement, question.columns ?? [])
        : { type: 'table', rows: [] };
    default:
      return { type: 'text', text };
  }
}

function isReadOnlyControl(element: Element): boolean {
  if (isEditable(element)) return false;
  return (element as HTMLInputElement).disabled === true || (element as HTMLInputElement).readOnly === true;
}

export interface ScanResult {
  snapshot: FormSnapshot;
  /** The element of each field found, by field name (not part of the plain snapshot). */
  elements: Map<string, Element>;
  /**
   * The snapshot with the answers of the questions these controls belong to read again, after
   * typing or a choice (a control that answers none of the form's questions changes nothing).
   * Changes to the page's structure need a new scan instead; so does an answer that cannot be
   * read (null).
   */
  reread(controls: readonly Element[]): FormSnapshot | null;
}

export interface ScanOptions {
  /** The window the document belongs to, to read the person ID from frames around it. */
  win?: Window;
}

/**
 * Recognises one of the profiles' forms in the document and reads it into a snapshot, or returns
 * null when the document holds none of them: the form's title (or an alias) must be shown, and at
 * least MIN_QUESTIONS_FOUND of its questions found, one of them a question no other form has.
 */
export function scanDocument(doc: Document, profiles: readonly FormProfile[], options: ScanOptions = {}): ScanResult | null {
  const preparedProfiles = prepareProfiles(profiles);
  const titles = shownTitles(doc, preparedProfiles.flatMap((prepared) => prepared.titles));
  if (titles.size === 0) return null;
  const mayBeLabel = labelFilterFor(preparedProfiles);
  return withLabelIndex(doc, () => scanWithIndex(doc, preparedProfiles, titles, mayBeLabel, options), mayBeLabel);
}

function scanWithIndex(
  doc: Document,
  preparedProfiles: PreparedProfile[],
  titles: Set<string>,
  mayBeLabel: (text: string) => boolean,
  options: ScanOptions,
): ScanResult | null {
  const page = collectPage(doc, mayBeLabel, codeFilterFor(preparedProfiles));
  let best: { prepared: PreparedProfile; title: string; matches: Map<string, Match>; readOnly: boolean; score: number } | null = null;

  for (const prepared of preparedProfiles) {
    const title = prepared.titles.find((candidate) => titles.has(candidate));
    if (!title) continue;
    let matches = matchCandidates(page, prepared);
    const answerControls = [...matches.values()].filter((match) => match.candidate.kind !== 'table');
    // Read-only (View): no control holds an answer (tables of text aside), or every one is disabled.
    const readOnly = answerControls.every((match) => isReadOnlyControl(match.candidate.element));
    if (answerControls.length === 0) matches = new Map([...matchView(page, prepared, mayBeLabel), ...matches]);
    const found = matches.size;
    const distinctive = [...matches.keys()].some((name) => prepared.distinctive.has(name));
    if (found < MIN_QUESTIONS_FOUND || !distinctive) continue;
    const score = found / prepared.profile.questions.length;
    if (!best || score > best.score) best = { prepared, title, matches, readOnly, score };
  }
  if (!best) return null;

  const { profile } = best.prepared;
  const fields: Record<string, FieldSnapshot> = {};
  const elements = new Map<string, Element>();
  const missing: string[] = [];
  const unreadable: Record<string, string> = {};
  for (const question of profile.questions) {
    const match = best.matches.get(question.name);
    if (!match) {
      missing.push(question.name);
      continue;
    }
    let value: FieldValue;
    try {
      value = match.foundBy === 'view' ? readView(question, match.answer) : readCandidate(question, match.candidate);
    } catch (error) {
      // Found, but its answer cannot be read: the rules that need it report it, never a pass.
      missing.push(question.name);
      unreadable[question.name] = error instanceof Error ? error.message : String(error);
      continue;
    }
    elements.set(question.name, match.candidate.element);
    fields[question.name] = {
      name: question.name,
      type: question.type,
      label: question.label,
      hidden: match.hidden,
      value,
      locator: locatorFor(match.candidate.element),
      foundBy: match.foundBy,
    };
  }

  // Each control, and the question it answers: to read again only what the worker changed.
  const owners = new Map<Element, string>();
  for (const [name, match] of best.matches) {
    if (match.foundBy === 'view') continue;
    for (const member of match.candidate.members) owners.set(member, name);
    owners.set(match.candidate.element, name);
  }
  const ownerOf = (control: Element): string | undefined => {
    for (let current: Element | null = control; current; current = current.parentElement) {
      const owner = owners.get(current);
      if (owner) return owner;
    }
    return undefined;
  };

  const win = options.win ?? doc.defaultView;
  const allTitles = preparedProfiles.flatMap((p) => p.titles);
  const personId = win ? findPersonId(win, allTitles) : personIdInDocument(doc, allTitles);

  let snapshot: FormSnapshot = {
    kind: profile.kind as FormKind,
    profileId: profile.id,
    title: best.title,
    personId,
    readOnly: best.readOnly,
    fields,
    missing,
    ...(Object.keys(unreadable).length > 0 ? { unreadable } : {}),
    labels: Object.fromEntries(profile.questions.map((question) => [question.name, question.label])),
  };
  const reread = (controls: readonly Element[]): FormSnapshot | null => {
    const names = new Set<string>();
    for (const control of controls) {
      const name = ownerOf(control);
      if (name) names.add(name);
    }
    if (names.size === 0) return snapshot;
    const fieldsNow = { ...snapshot.fields };
    for (const name of names) {
      // An answer that could not be read before, or cannot be read now: read the whole page again.
      if (!fieldsNow[name]) return null;
      const match = best!.matches.get(name)!;
      try {
        fieldsNow[name] = { ...fieldsNow[name]!, value: readCandidate(match.question, match.candidate) };
      } catch {
        return null;
      }
    }
    snapshot = { ...snapshot, fields: fieldsNow };
    return snapshot;
  };
  return { snapshot, elements, reread };
}
