/**
 * Where a question's label can be, tried in order (after Bitwarden's autofill and Firefox's
 * LabelUtils): the control's own `<label>` (`label[for]` or a wrapping label), `aria-labelledby`,
 * `aria-label`, the legend of its fieldset (groups), the `<dt>` before its `<dd>`, the table
 * cell beside it or above it (or a header cell spanning down to its row), the text just before
 * it, up to the previous control; a control with no label of its own is named by its `title` first.
 *
 * A label's text is what a screen reader announces (text.ts nameText): hidden text and buttons
 * inside it are no part of it, and a hint after the question's words in an element of its own is
 * tolerated (the text up to that element is a label too). A heading is never a label.
 *
 * Each function returns label texts as shown (not normalised), nearest first.
 */
import type { LabelIndex } from './scan/label-index';
import { nameText, namePrefixes, readableText, textOfIdRefs } from './text';

const CONTROL_SELECTOR =
  'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]):not([type=file]), select, textarea, [contenteditable]:not([contenteditable=false])';
export { CONTROL_SELECTOR };

/** The longest text that can be a question's label. */
const MAX_LABEL = 300;

export function isControl(node: Node): node is Element {
  return node.nodeType === 1 && (node as Element).matches(CONTROL_SELECTOR);
}

function labelsOf(control: Element, index: LabelIndex | null): Element[] {
  if (!index || index.doc !== control.ownerDocument) {
    const labels = (control as HTMLInputElement).labels;
    return labels ? Array.from(labels) : [];
  }
  const labels: Element[] = [];
  const wrapping = control.closest('label');
  if (wrapping && (!wrapping.hasAttribute('for') || wrapping.getAttribute('for') === control.id)) labels.push(wrapping);
  if (control.id) {
    for (const label of index.byFor.get(control.id) ?? []) {
      // A label[for] labels the first element with that id only.
      if (label !== wrapping && control.ownerDocument.getElementById(control.id) === control) labels.push(label);
    }
  }
  return labels;
}

/** Stands for a text the scan's quick test ruled out as a label: it matches no question. */
export const NOT_A_LABEL = '\u0000';

/** A section heading: never a question's label (forms.md). */
export const HEADING = 'h1, h2, h3, h4, h5, h6, [role=heading]';

/**
 * The element's text as a label reads (its accessible name), then the same text cut before each
 * element inside it where more text begins (a hint after the question's words), longest first;
 * or NOT_A_LABEL when the scan's quick test rules it out.
 */
function labelTextsOf(element: Element, index: LabelIndex | null, filtered = true): string[] {
  const mayBeLabel = filtered ? index?.mayBeLabel : undefined;
  if (mayBeLabel) {
    const raw = element.textContent ?? '';
    if (!mayBeLabel(raw)) return /\S/.test(raw) ? [NOT_A_LABEL] : [];
  }
  const name = nameText(element, MAX_LABEL);
  if (!name) return [];
  if (element.childElementCount === 0) return [name];
  // A hint is a text of its own, starting as a sentence does ("For example, 27 3 2026", "(If
  // known)"); words that go on with the question ("Reasons <span>for the outcome</span>") are
  // the question's.
  const hints = namePrefixes(element, MAX_LABEL)
    .filter(({ prefix, next }) => prefix !== name && (HINT_ELEMENT.test(`${next.tagName} ${next.getAttribute('class') ?? ''}`) || /^[\s:?*.-]*[\p{Lu}\p{N}(]/u.test(name.slice(prefix.length))))
    .map(({ prefix }) => prefix);
  return [name, ...hints];
}

/** An element that is a hint by its kind: small print, emphasis, or a class that says so. */
const HINT_ELEMENT = /^(?:SMALL|EM|I|DIV|P|BR)\b|\b(?:[\w-]*hint|[\w-]*help|[\w-]*desc(?:ription)?|[\w-]*note)\b/i;

/** The element's accessible-name text alone (no shorter forms). */
function labelTextOf(element: Element, index: LabelIndex | null, filtered = true): string {
  return labelTextsOf(element, index, filtered)[0] ?? '';
}

/** `label[for]` and wrapping labels, without the text of the controls or buttons inside them. */
export function labelElementTexts(control: Element, index: LabelIndex | null = null, filtered = false): string[] {
  return labelsOf(control, index).flatMap((label) => labelTextsOf(label, index, filtered));
}

/** aria-labelledby, then aria-label. */
export function ariaTexts(element: Element): string[] {
  const texts: string[] = [];
  const labelledBy = textOfIdRefs(element, 'aria-labelledby');
  if (labelledBy) texts.push(labelledBy);
  const label = element.getAttribute('aria-label')?.trim();
  if (label) texts.push(label);
  return texts;
}

/**
 * The control's own labels: `<label>`, aria-labelledby, aria-label. `filtered` lets the scan's
 * quick test stand NOT_A_LABEL in for a label that is no question's (see LabelIndex).
 */
export function ownLabelTexts(control: Element, index: LabelIndex | null = null, filtered = false): string[] {
  return [...labelElementTexts(control, index, filtered), ...ariaTexts(control)];
}

const GROUP = 'fieldset, [role=group], [role=radiogroup]';
const IN_GROUP = `:is(${GROUP}) *`;

/**
 * The nearest fieldset or ARIA group around the element (not the element itself). Asked first
 * with a selector, so that the common answer (none) touches no element around it: each element
 * the extension touches for the first time costs the browser a new object in its world.
 */
export function groupContainer(element: Element): Element | null {
  return element.matches(IN_GROUP) ? element.parentElement!.closest(GROUP) : null;
}

/**
 * Whether a label may be found around the control elsewhere than in its own `<label>` (by
 * `for`) or in the text just before it: a wrapping label, a group's legend, a `<dt>`, a table
 * cell, ARIA attributes or a title. See unlabelledControl.
 */
const LABELLED_AROUND = `label, dd, td, th, [aria-label], [aria-labelledby], [title], :is(label, ${GROUP}, dd, td, th) *`;

/**
 * Whether a standalone control surely has no label that could be one of the questions' (that
 * passes `mayBeLabel`): then every label controlLabelTexts gives it would be ruled out, so the
 * scan need not gather them. False whenever it cannot be sure (any of the places in
 * LABELLED_AROUND); otherwise its labels are only its `label[for]` elements or, without one, the
 * text before it, and those are what is tested here, as controlLabelTexts would read them.
 */
export function unlabelledControl(control: Element, mayBeLabel: (text: string) => boolean, index: LabelIndex | null): boolean {
  if (control.matches(LABELLED_AROUND)) return false;
  let labelled = false;
  for (const label of labelsOf(control, index)) {
    const raw = label.textContent ?? '';
    if (mayBeLabel(raw)) return false;
    if (/\S/.test(raw)) labelled = true;
  }
  if (labelled) return true;
  const before = textBefore(control);
  return !before || !mayBeLabel(before);
}

export function containerLabelTexts(container: Element, index: LabelIndex | null = null): string[] {
  const texts: string[] = [];
  if (container.tagName === 'FIELDSET') {
    const legend = Array.from(container.children).find((child) => child.tagName === 'LEGEND');
    if (legend) texts.push(...labelTextsOf(legend, index));
  }
  texts.push(...ariaTexts(container));
  return texts.filter(Boolean);
}

/** The `<dt>` of the `<dd>` the element sits in. */
export function definitionTermText(element: Element, index: LabelIndex | null = null): string | null {
  const dd = element.closest('dd');
  if (!dd) return null;
  for (let sibling = dd.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.tagName === 'DT') return labelTextOf(sibling, index);
  }
  return null;
}

function cellHasControl(cell: Element): boolean {
  return cell.querySelector(CONTROL_SELECTOR) !== null;
}

function columnIndex(cell: Element): number {
  let index = 0;
  for (let sibling = cell.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    index += Number((sibling as HTMLTableCellElement).colSpan) || 1;
  }
  return index;
}

function cellAtColumn(row: Element, column: number): Element | null {
  let index = 0;
  for (const cell of Array.from(row.children)) {
    if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
    const span = Number((cell as HTMLTableCellElement).colSpan) || 1;
    if (column >= index && column < index + span) return cell;
    index += span;
  }
  return null;
}

/**
 * The header cell that spans down into this row from a row above (`<th rowspan>`) at the row's
 * start: the question of a set of checkboxes laid out over several rows.
 */
function spanningHeader(row: Element): Element | null {
  let above = row.previousElementSibling;
  for (let distance = 1; above && distance < 20; distance++, above = above.previousElementSibling) {
    const first = above.firstElementChild;
    if (first && (first.tagName === 'TH' || first.tagName === 'TD') && ((first as HTMLTableCellElement).rowSpan || 1) > distance) {
      return cellHasControl(first) ? null : first;
    }
  }
  return null;
}

/** The cell to the left of the element's cell (or a header spanning down to its row), then the cell above it. */
export function tableCellTexts(element: Element, index: LabelIndex | null = null): string[] {
  const cell = element.closest('td, th');
  if (!cell || !cell.parentElement) return [];
  const texts: string[] = [];
  let left: string | null = null;
  for (let sibling = cell.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (cellHasControl(sibling)) break;
    const text = labelTextOf(sibling, index);
    if (text) {
      left = text;
      break;
    }
  }
  const row = cell.parentElement;
  if (left === null && !cell.previousElementSibling) {
    const header = spanningHeader(row);
    if (header) left = labelTextOf(header, index) || null;
  }
  if (left !== null) texts.push(left);
  let previousRow = row.previousElementSibling;
  if (!previousRow && row.parentElement && row.parentElement.tagName !== 'TABLE') {
    // First row of a tbody: the row above is the last row of the section before (a thead).
    const previousSection = row.parentElement.previousElementSibling;
    previousRow = previousSection?.lastElementChild ?? null;
  }
  if (previousRow) {
    const above = cellAtColumn(previousRow, columnIndex(cell));
    if (above && !cellHasControl(above)) {
      const text = labelTextOf(above, index);
      if (text) texts.push(text);
    }
  }
  return texts;
}

/** Whether a `<label>` belongs to a control other than this element (by `for`, or around one). */
function labelsAnother(label: Element, element: Element): boolean {
  const target = label.getAttribute('for');
  if (target) return target !== element.id;
  return label.querySelector(CONTROL_SELECTOR) !== null;
}

const OPAQUE = new Set(['SELECT', 'TEXTAREA', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'MONITORING-GUARD']);

function previousInDocument(node: Node, boundary: Node): { node: Node; ancestor: boolean } | null {
  if (node === boundary) return null;
  const sibling = node.previousSibling;
  if (!sibling) {
    const parent = node.parentNode;
    return parent && parent !== boundary ? { node: parent, ancestor: true } : null;
  }
  let deepest: Node = sibling;
  while (deepest.lastChild && !(deepest.nodeType === 1 && (OPAQUE.has((deepest as Element).tagName) || isControl(deepest)))) {
    deepest = deepest.lastChild;
  }
  return { node: deepest, ancestor: false };
}

/**
 * The text just before the element, up to the previous control: the nearest text, widened to
 * the largest element around it that holds no control and stays short (so that "3.2", the words
 * and a "*" in three spans read as one label). A heading's text is a section's name, not a
 * control's label: none, unless `headings` (a repeating section's question may be one).
 */
export function textBefore(element: Element, maxSteps = 60, { headings = false }: { headings?: boolean } = {}): string | null {
  const body = element.ownerDocument.body ?? element.ownerDocument.documentElement;
  let step = previousInDocument(element, body);
  for (let count = 0; step && count < maxSteps; count++) {
    const { node, ancestor } = step;
    if (!ancestor) {
      if (node.nodeType === 1 && (isControl(node) || OPAQUE.has((node as Element).tagName))) {
        if (isControl(node)) return null;
      } else if (node.nodeType === 3 && node.nodeValue && node.nodeValue.trim() !== '') {
        let block: Element | null = node.parentElement;
        if (!block) return null;
        // A heading names a section, never the control after it (forms.md).
        if (!headings && block.closest(HEADING)) return null;
        // Another control's own label (the text after a checkbox) is not this one's.
        const owner = block.closest('label');
        if (owner && owner !== element && !owner.contains(element) && labelsAnother(owner, element)) return null;
        while (
          block.parentElement &&
          block.parentElement !== body &&
          !block.parentElement.contains(element) &&
          !block.parentElement.querySelector(CONTROL_SELECTOR) &&
          (headings || !block.parentElement.querySelector(HEADING)) &&
          (block.parentElement.textContent ?? '').length <= MAX_LABEL
        ) {
          block = block.parentElement;
        }
        if (block.contains(element) || block.querySelector(CONTROL_SELECTOR)) {
          const text = node.nodeValue.trim();
          return text.length <= MAX_LABEL ? text : null;
        }
        const text = readableText(block, MAX_LABEL + 1);
        if (text.length > MAX_LABEL) return null;
        return text;
      }
    }
    step = previousInDocument(node, body);
  }
  return null;
}

/**
 * Every place a standalone control's label may be, nearest first. The text just before a control
 * is looked for only when it has no label of its own: it is the costliest to find, and a control
 * the page labels is not labelled by loose text as well; nor is one with a `title`, which is its
 * label when it has none of its own (forms.md, the accessible-name rules).
 */
export function controlLabelTexts(control: Element, index: LabelIndex | null = null): string[] {
  const texts = ownLabelTexts(control, index, true);
  const labelled = texts.length > 0;
  const container = groupContainer(control);
  if (container) texts.push(...containerLabelTexts(container, index));
  const term = definitionTermText(control, index);
  if (term) texts.push(term);
  texts.push(...tableCellTexts(control, index));
  const title = control.getAttribute('title')?.trim();
  if (title && !labelled) texts.push(title);
  if (!labelled && !title) {
    const before = textBefore(control);
    if (before) texts.push(before);
  }
  return texts;
}

/** Where a group's label may be (radios, checkboxes, day-month-year boxes), nearest first. */
export function groupLabelTexts(container: Element | null, firstMember: Element, index: LabelIndex | null = null): string[] {
  const texts: string[] = [];
  if (container) texts.push(...containerLabelTexts(container, index));
  // Without a container, look before the first member's own label ("<label>Yes <input></label>").
  const anchor = container ?? firstMember.closest('label') ?? firstMember;
  const term = definitionTermText(anchor, index);
  if (term) texts.push(term);
  texts.push(...tableCellTexts(anchor, index));
  const before = textBefore(anchor);
  if (before) texts.push(before);
  return texts;
}
