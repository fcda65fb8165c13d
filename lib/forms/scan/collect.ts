/**
 * Stage 3 of a scan: one pass over the document collecting every place an answer can be
 * (controls, groups of radios or checkboxes, day-month-year boxes, tables, repeating sections),
 * each with the labels around it. It knows no question: `mayBeLabel` only lets it skip reading
 * texts that cannot be any question's label.
 */
import { normaliseLabel } from '../normalise';
import type { DatePartName } from '../answers';
import { optionText } from '../answers';
import {
  CONTROL_SELECTOR,
  containerLabelTexts,
  controlLabelTexts,
  definitionTermText,
  groupContainer,
  groupLabelTexts,
  ownLabelTexts,
  tableCellTexts,
  textBefore,
  unlabelledControl,
} from '../labels';
import { readableText } from '../text';
import type { LabelIndex } from './label-index';
import { kindOf } from './look';

export type CandidateKind =
  | 'box'
  | 'date'
  | 'select'
  | 'multiSelect'
  | 'checkbox'
  | 'radios'
  | 'checkboxes'
  | 'dateParts'
  | 'table'
  | 'repeat';

/** Something in the page that can hold one question's answer. */
export interface Candidate {
  kind: CandidateKind;
  /** The element to focus (the first member of a group). */
  element: Element;
  /** The controls that hold the answer (every control of a repeating section). */
  members: Element[];
  /** Normalised label texts, nearest first. */
  labels: string[];
  /** The same label texts as the page shows them (for people: the fitting view lists questions by them). */
  texts: readonly string[];
  /** Attribute values that may carry the question code, lower case. */
  codes: string[];
  parts?: Partial<Record<DatePartName, Element>>;
  /**
   * Rich text edited in an editor beside a hidden text area that holds its HTML (CKEditor 4 or
   * TinyMCE style): the editor, whose text is the answer and whose box is what the worker sees.
   */
  editor?: Element;
  /** A repeating section: one element per entry (a fieldset or block of controls). */
  entries?: Element[];
  order: number;
}

/** What the page shows, collected once per scan. */
export interface PageCollection {
  doc: Document;
  candidates: Candidate[];
  controlCount: number;
}

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

/** Accepts every text: a collection made without knowing the questions. */
const ANY_TEXT = () => true;

/**
 * Each label text normalised, in the same places (so that a label's rank is where it was found);
 * a text the quick test rules out becomes '', which matches no question.
 */
function labelled(texts: readonly string[], mayBeLabel: (text: string) => boolean): { labels: string[]; texts: readonly string[] } {
  return { labels: texts.map((text) => (mayBeLabel(text) ? normaliseLabel(text) : '')), texts };
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

export function isEditable(element: Element): boolean {
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

/** Whether the page hides the element itself (not counting what is around it). */
export function hiddenItself(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = (element as HTMLElement).style;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  const view = element.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  const computed = view.getComputedStyle(element);
  return computed.display === 'none' || computed.visibility === 'hidden';
}

const EDITOR = 'iframe, [contenteditable]:not([contenteditable=false])';

/**
 * The rich-text editor a hidden text area stands behind (CKEditor 4 puts its editor just after
 * the text area, TinyMCE beside it): the shown element next to it that holds an iframe or an
 * editable element. Null for a text area that is simply hidden (a conditional question).
 */
function richTextEditor(textarea: Element): Element | null {
  if (!hiddenItself(textarea)) return null;
  const wrapper = textarea.parentElement;
  const around = wrapper && wrapper.querySelectorAll(CONTROL_SELECTOR).length === 1 ? [wrapper.nextElementSibling, wrapper.previousElementSibling] : [];
  for (const sibling of [textarea.nextElementSibling, textarea.previousElementSibling, ...around]) {
    if (!sibling || sibling.matches(CONTROL_SELECTOR) || hiddenItself(sibling)) continue;
    const editor = sibling.matches(EDITOR) ? sibling : sibling.querySelector(EDITOR);
    if (editor) return editor;
  }
  return null;
}

const ADD_ANOTHER = /^\s*add\b/i;

/**
 * The repeating sections of the page, each as its entries: sibling blocks of one look (a
 * fieldset, a group, or a block of the same tag and class), each holding two or more controls.
 * They are looked for among sibling fieldsets or groups, and inside a fieldset, a group or a
 * block with an "Add another" button, whose blocks of controls are its entries.
 */
function repeatingSections(body: Element): Array<{ entries: Element[]; around: Element | null }> {
  const found: Array<{ entries: Element[]; around: Element | null }> = [];
  const taken = new Set<Element>();
  const holdsEntry = (element: Element) =>
    !element.querySelector('fieldset fieldset, [role=group] [role=group]') && element.querySelectorAll(CONTROL_SELECTOR).length >= 2;
  const filler = (element: Element) =>
    element.matches('legend, button, a, [role=button], input[type=button], input[type=submit], h1, h2, h3, h4, h5, h6, p, span') ||
    !element.querySelector(CONTROL_SELECTOR);
  // Inside a container: its blocks of controls, all of one look, are the entries.
  const containers = new Set<Element>(Array.from(body.querySelectorAll('fieldset, [role=group]')));
  for (const add of Array.from(body.querySelectorAll('button, input[type=button], [role=button]'))) {
    const text = add.tagName === 'INPUT' ? (add as HTMLInputElement).value : (add.textContent ?? '');
    if (ADD_ANOTHER.test(text) && add.parentElement) containers.add(add.parentElement);
  }
  for (const container of containers) {
    const blocks = Array.from(container.children).filter((child) => !filler(child));
    if (blocks.length === 0 || !blocks.every((block) => kindOf(block) === kindOf(blocks[0]!) && holdsEntry(block))) continue;
    if (blocks.some((block) => taken.has(block))) continue;
    blocks.forEach((block) => taken.add(block));
    found.push({ entries: blocks, around: container });
  }
  // Sibling fieldsets or groups of one look, not inside a container already read.
  for (const block of Array.from(body.querySelectorAll('fieldset, [role=group]'))) {
    if (taken.has(block) || !holdsEntry(block) || block.querySelector('fieldset, [role=group]')) continue;
    const run: Element[] = [];
    for (let current: Element | null = block; current; current = current.nextElementSibling) {
      if (filler(current)) continue;
      if (kindOf(current) !== kindOf(block) || !holdsEntry(current) || taken.has(current)) break;
      run.push(current);
    }
    run.forEach((entry) => taken.add(entry));
    found.push({ entries: run, around: null });
  }
  return found;
}

/**
 * Whether the text between two checkboxes of a run belongs to neither (so a new question starts
 * there): the text just before the second one's own label or box is the first one's answer or
 * the second one's.
 */
function questionStartsBetween(previous: Element, next: Element): boolean {
  const anchor = next.closest('label') ?? next;
  const between = textBefore(anchor);
  if (between === null) return false;
  const said = normaliseLabel(between);
  if (said === '') return false;
  return said !== normaliseLabel(optionText(previous)) && said !== normaliseLabel(optionText(next));
}

/**
 * One pass over the document: every place an answer can be, with its labels. `mayBeLabel` (see
 * labelPrefilter) lets it skip reading texts that cannot be the label of a question looked for;
 * with `mayBeCode` as well (whether a control's code can be a question's), it leaves out the
 * standalone controls that can be neither: they could match no question.
 */
export function collectPage(
  doc: Document,
  index: LabelIndex | null,
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
  /** Checkboxes one after another with no other control between them. */
  const checkboxRuns: Element[][] = [];
  let run: Element[] | null = null;

  for (const control of controls) {
    const kind = controlKind(control);
    if (kind === 'checkbox') {
      if (!run) checkboxRuns.push((run = []));
      run.push(control);
    } else {
      run = null;
    }
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
      ...labelled(groupLabelTexts(container, day, index), mayBeLabel),
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
      ...labelled(groupLabelTexts(container, first, index), mayBeLabel),
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
      ...labelled(groupLabelTexts(container, members[0]!, index), mayBeLabel),
      codes: codesOf(container, members[0]),
      order: position.get(members[0]!)!,
    }));
  };
  for (const [container, members] of checkboxesByContainer) addCheckboxGroup(members, container);
  for (const members of checkboxesByName.values()) addCheckboxGroup(members, groupContainer(members[0]!));
  // A set of checkboxes the page groups only by where they are (table cells under one header,
  // labels in one block), each with a name of its own: one run of checkboxes up to where the text
  // between two of them is a new question's.
  for (const checkboxes of checkboxRuns) {
    let members: Element[] = [];
    checkboxes.forEach((checkbox, at) => {
      if (at > 0 && questionStartsBetween(checkboxes[at - 1]!, checkbox)) {
        addCheckboxGroup(members, groupContainer(members[0]!));
        members = [];
      }
      members.push(checkbox);
    });
    if (members.length > 0) addCheckboxGroup(members, groupContainer(members[0]!));
  }

  // Most of a long step's controls are other questions: with a label of their own that is none
  // of ours, and no code of ours. Those are left out after a quick look (unlabelledControl)
  // instead of having every place a label can be read.
  const surelyNotOurs = (control: Element): boolean => {
    if (!mayBeCode) return false;
    try {
      return !someCodeOf(control, mayBeCode) && unlabelledControl(control, mayBeLabel, index);
    } catch {
      return false;
    }
  };
  controls.forEach((control, order) => {
    const kind = controlKind(control);
    if (kind === null || kind === 'radio' || inDateParts.has(control)) return;
    if (surelyNotOurs(control)) return;
    safely(() => {
      const editor = control.tagName === 'TEXTAREA' ? richTextEditor(control) : null;
      return {
        kind,
        element: control,
        members: editor ? [control, editor] : [control],
        ...labelled(controlLabelTexts(control, index), mayBeLabel),
        codes: codesOf(control),
        ...(editor ? { editor } : {}),
        order,
      };
    });
  });

  Array.from(body.querySelectorAll('table')).forEach((table, tableIndex) => {
    const texts: string[] = [];
    const caption = table.caption ? readableText(table.caption) : '';
    if (caption) texts.push(caption);
    texts.push(...ownLabelTexts(table, index, true));
    const container = groupContainer(table);
    if (container) texts.push(...containerLabelTexts(container, index));
    const term = definitionTermText(table, index);
    if (term) texts.push(term);
    texts.push(...tableCellTexts(table, index));
    const before = textBefore(table, 60, { headings: true });
    if (before) texts.push(before);
    safely(() => ({
      kind: 'table',
      element: table,
      members: [table],
      ...labelled(texts, mayBeLabel),
      codes: codesOf(table),
      // After every control, in the tables' own order.
      order: controls.length + tableIndex,
    }));
  });

  // A repeating section (one fieldset or block per entry, "Add another"): labelled like a group,
  // by the fieldset or group around the entries, or the text (a heading too) before them.
  repeatingSections(body).forEach(({ entries, around }, repeatIndex) => {
    const first = entries[0]!;
    const texts: string[] = [];
    const group = around && around.matches('fieldset, [role=group]') ? around : groupContainer(first);
    if (group) texts.push(...containerLabelTexts(group, index));
    texts.push(...parentAriaLabel(first.parentElement));
    const before = textBefore(around && around !== group ? around : first, 60, { headings: true });
    if (before) texts.push(before);
    safely(() => ({
      kind: 'repeat',
      element: first,
      members: entries.flatMap((entry) => Array.from(entry.querySelectorAll(CONTROL_SELECTOR))),
      ...labelled(texts, mayBeLabel),
      codes: codesOf(first.parentElement),
      entries,
      order: controls.length + repeatIndex + 0.5,
    }));
  });

  return { doc, candidates, controlCount: controls.length };
}

/** The aria-label of the element holding a repeating section's entries. */
function parentAriaLabel(element: Element | null): string[] {
  if (!element || element === element.ownerDocument.body) return [];
  const label = element.getAttribute('aria-label')?.trim();
  return label ? [label] : [];
}
