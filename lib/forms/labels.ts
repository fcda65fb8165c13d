/**
 * Where a question's label can be, tried in order (after Bitwarden's autofill and Firefox's
 * LabelUtils): the control's own `<label>` (`label[for]` or a wrapping label), `aria-labelledby`,
 * `aria-label`, the legend of its fieldset (groups), the `<dt>` before its `<dd>`, the table
 * cell beside it or above it, and the text just before it, up to the previous control.
 *
 * Each function returns label texts as shown (not normalised), nearest first.
 */
import { readableText, textOfIdRefs } from './text';

const CONTROL_SELECTOR =
  'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]):not([type=file]), select, textarea, [contenteditable]:not([contenteditable=false])';
export { CONTROL_SELECTOR };

/** The longest text that can be a question's label. */
const MAX_LABEL = 300;

export function isControl(node: Node): node is Element {
  return node.nodeType === 1 && (node as Element).matches(CONTROL_SELECTOR);
}

/**
 * The page's `label[for]` elements by the id they name, gathered once for a whole scan: asking
 * each control for its `.labels` makes the browser search the document each time, which on a
 * long form costs more than everything else the scan does.
 */
let labelIndex: { doc: Document; byFor: Map<string, Element[]>; mayBeLabel?: (text: string) => boolean } | null = null;

/**
 * Runs a scan's work with the page's `label[for]` index, and with an optional quick test
 * (`mayBeLabel`, see labelPrefilter) that lets the label finders skip reading an element's text
 * when it cannot be any question's label: they return NOT_A_LABEL in its place instead.
 */
export function withLabelIndex<T>(doc: Document, work: () => T, mayBeLabel?: (text: string) => boolean): T {
  const byFor = new Map<string, Element[]>();
  for (const label of Array.from(doc.querySelectorAll('label[for]'))) {
    const id = label.getAttribute('for')!;
    const list = byFor.get(id);
    if (list) list.push(label);
    else byFor.set(id, [label]);
  }
  const previous = labelIndex;
  labelIndex = { doc, byFor, mayBeLabel };
  try {
    return work();
  } finally {
    labelIndex = previous;
  }
}

function labelsOf(control: Element): Element[] {
  if (!labelIndex || labelIndex.doc !== control.ownerDocument) {
    const labels = (control as HTMLInputElement).labels;
    return labels ? Array.from(labels) : [];
  }
  const labels: Element[] = [];
  const wrapping = control.closest('label');
  if (wrapping && (!wrapping.hasAttribute('for') || wrapping.getAttribute('for') === control.id)) labels.push(wrapping);
  if (control.id) {
    for (const label of labelIndex.byFor.get(control.id) ?? []) {
      // A label[for] labels the first element with that id only.
      if (label !== wrapping && control.ownerDocument.getElementById(control.id) === control) labels.push(label);
    }
  }
  return labels;
}

/** Stands for a text the scan's quick test ruled out as a label: it matches no question. */
export const NOT_A_LABEL = '\u0000';

/** The element's text as a label would read, or NOT_A_LABEL when it cannot be one of the questions'. */
function labelTextOf(element: Element, filtered = true): string {
  const mayBeLabel = filtered ? labelIndex?.mayBeLabel : undefined;
  if (mayBeLabel) {
    const raw = element.textContent ?? '';
    if (!mayBeLabel(raw)) return /\S/.test(raw) ? NOT_A_LABEL : '';
  }
  return readableText(element, MAX_LABEL);
}

/** `label[for]` and wrapping labels, without the text of the controls inside them. */
export function labelElementTexts(control: Element, filtered = false): string[] {
  return labelsOf(control)
    .map((label) => labelTextOf(label, filtered))
    .filter(Boolean);
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
 * quick test stand NOT_A_LABEL in for a label that is no question's (see withLabelIndex).
 */
export function ownLabelTexts(control: Element, filtered = false): string[] {
  return [...labelElementTexts(control, filtered), ...ariaTexts(control)];
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
 * cell, or ARIA attributes. See unlabelledControl.
 */
const LABELLED_AROUND = `label, dd, td, th, [aria-label], [aria-labelledby], :is(label, ${GROUP}, dd, td, th) *`;

/**
 * Whether a standalone control surely has no label that could be one of the questions' (that
 * passes `mayBeLabel`): then every label controlLabelTexts gives it would be ruled out, so the
 * scan need not gather them. False whenever it cannot be sure (any of the places in
 * LABELLED_AROUND); otherwise its labels are only its `label[for]` elements or, without one, the
 * text before it, and those are what is tested here, as controlLabelTexts would read them.
 */
export function unlabelledControl(control: Element, mayBeLabel: (text: string) => boolean): boolean {
  if (control.matches(LABELLED_AROUND)) return false;
  let labelled = false;
  for (const label of labelsOf(control)) {
    const raw = label.textContent ?? '';
    if (mayBeLabel(raw)) return false;
    if (/\S/.test(raw)) labelled = true;
  }
  if (labelled) return true;
  const before = textBefore(control);
  return !before || !mayBeLabel(before);
}

export function containerLabelTexts(container: Element): string[] {
  const texts: string[] = [];
  if (container.tagName === 'FIELDSET') {
    const legend = Array.from(container.children).find((child) => child.tagName === 'LEGEND');
    if (legend) texts.push(labelTextOf(legend));
  }
  texts.push(...ariaTexts(container));
  return texts.filter(Boolean);
}

/** The `<dt>` of the `<dd>` the element sits in. */
export function definitionTermText(element: Element): string | null {
  const dd = element.closest('dd');
  if (!dd) return null;
  for (let sibling = dd.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.tagName === 'DT') return labelTextOf(sibling);
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

/** The cell to the left of the element's cell, then the cell above it. */
export function tableCellTexts(element: Element): string[] {
  const cell = element.closest('td, th');
  if (!cell || !cell.parentElement) return [];
  const texts: string[] = [];
  for (let sibling = cell.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (cellHasControl(sibling)) break;
    const text = labelTextOf(sibling);
    if (text) {
      texts.push(text);
      break;
    }
  }
  const row = cell.parentElement;
  let previousRow = row.previousElementSibling;
  if (!previousRow && row.parentElement && row.parentElement.tagName !== 'TABLE') {
    // First row of a tbody: the row above is the last row of the section before (a thead).
    const previousSection = row.parentElement.previousElementSibling;
    previousRow = previousSection?.lastElementChild ?? null;
  }
  if (previousRow) {
    const above = cellAtColumn(previousRow, columnIndex(cell));
    if (above && !cellHasControl(above)) {
      const text = labelTextOf(above);
      if (text) texts.push(text);
    }
  }
  return texts;
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
 * and a "*" in three spans read as one label).
 */
export function textBefore(element: Element, maxSteps = 60): string | null {
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
        while (
          block.parentElement &&
          block.parentElement !== body &&
          !block.parentElement.contains(element) &&
          !block.parentElement.querySelector(CONTROL_SELECTOR) &&
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
 * the page labels is not labelled by loose text as well.
 */
export function controlLabelTexts(control: Element): string[] {
  const texts = ownLabelTexts(control, true);
  const labelled = texts.length > 0;
  const container = groupContainer(control);
  if (container) texts.push(...containerLabelTexts(container));
  const term = definitionTermText(control);
  if (term) texts.push(term);
  texts.push(...tableCellTexts(control));
  if (!labelled) {
    const before = textBefore(control);
    if (before) texts.push(before);
  }
  return texts;
}

/** Where a group's label may be (radios, checkboxes, day-month-year boxes), nearest first. */
export function groupLabelTexts(container: Element | null, firstMember: Element): string[] {
  const texts: string[] = [];
  if (container) texts.push(...containerLabelTexts(container));
  // Without a container, look before the first member's own label ("<label>Yes <input></label>").
  const anchor = container ?? firstMember.closest('label') ?? firstMember;
  const term = definitionTermText(anchor);
  if (term) texts.push(term);
  texts.push(...tableCellTexts(anchor));
  const before = textBefore(anchor);
  if (before) texts.push(before);
  return texts;
}
