/** Reading text out of the DOM the way a person reads it, without layout. */
import { collapseWhiteSpace } from './normalise';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'TEXTAREA', 'OPTION', 'MONITORING-GUARD']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LEGEND', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/**
 * Whether the page hides this element itself from everyone (the `hidden` attribute, or a style
 * of `display: none`), or, when `fromAssistiveTech`, from screen readers (`aria-hidden`). Asked of
 * the elements inside a text being read, never of the text's own root: a question the page hides
 * as a whole is still read (and marked hidden by the scan).
 */
function hiddenInside(element: Element, fromAssistiveTech: boolean): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (fromAssistiveTech && element.getAttribute('aria-hidden') === 'true') return true;
  const inline = (element as HTMLElement).style;
  if (inline && inline.display === 'none') return true;
  // A class that hides it: ask the browser, only for elements that have a class or style at all.
  if (element.hasAttribute('class') || element.hasAttribute('style')) {
    const view = element.ownerDocument.defaultView;
    if (view && typeof view.getComputedStyle === 'function') {
      const style = view.getComputedStyle(element);
      if (style.display === 'none') return true;
      // visibility is inherited: hidden here but shown around it.
      if (style.visibility === 'hidden' && element.parentElement && view.getComputedStyle(element.parentElement).visibility !== 'hidden') {
        return true;
      }
    }
  }
  return false;
}

interface ReadOptions {
  maxLength?: number;
  /**
   * Read as a label's accessible name (W3C accname): text hidden from screen readers and
   * buttons inside a label (a date picker's calendar button, a "?" help button) are no part of it.
   */
  asName?: boolean;
}

/** Whether an element inside a text being read is left out of it: see ReadOptions. */
function leftOut(element: Element, asName: boolean): boolean {
  if (SKIPPED.has(element.tagName)) return true;
  if (asName && (element.tagName === 'BUTTON' || element.getAttribute('role') === 'button')) return true;
  return hiddenInside(element, asName);
}

function read(root: Node, { maxLength = Infinity, asName = false }: ReadOptions): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (node: Node): boolean => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      return length <= maxLength;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return true;
    const element = node as Element;
    if (node.nodeType === 1 && node !== root && leftOut(element, asName)) return true;
    const block = node.nodeType === 1 && BLOCK.has(element.tagName);
    if (block) parts.push(' ');
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!visit(child)) return false;
    }
    if (block) parts.push(' ');
    return true;
  };
  visit(root);
  return collapseWhiteSpace(parts.join(''));
}

/**
 * The text of an element as a person sees it: white space collapsed, a space between blocks
 * (paragraphs, cells, line breaks), the text of controls inside it (a dropdown's options, a text
 * area) and of elements the page hides left out.
 */
export function readableText(root: Node, maxLength = Infinity): string {
  return read(root, { maxLength });
}

/**
 * A label's text as a screen reader announces it (the W3C accessible-name rules, as far as
 * labels need them): readableText without what is hidden from assistive technology
 * (`aria-hidden`) and without buttons inside the label.
 */
export function nameText(root: Node, maxLength = Infinity): string {
  return read(root, { maxLength, asName: true });
}

/**
 * The label's text up to each element inside it where more text begins (with that element),
 * longest first: a hint or
 * help text in a child element after the question's words ("Date of review <span>For example,
 * 27 3 2026</span>") leaves the question's words as one of these.
 */
export function namePrefixes(
  root: Element,
  maxLength = 300,
  { inlineOnly = false }: { inlineOnly?: boolean } = {},
): Array<{ prefix: string; next: Element }> {
  const prefixes: Array<{ prefix: string; next: Element }> = [];
  const parts: string[] = [];
  let length = 0;
  // With inlineOnly, the question's words must be the element's own text or inline text: a
  // block that holds a question's words and then its answer (a row, a grid) is not a label.
  let passedBlock = false;
  const visit = (node: Node): boolean => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      return length <= maxLength;
    }
    if (node.nodeType !== 1) return true;
    const element = node as Element;
    if (node !== root) {
      if (leftOut(element, true)) return true;
      const before = collapseWhiteSpace(parts.join(''));
      if (before !== '' && prefixes[prefixes.length - 1]?.prefix !== before && !(inlineOnly && passedBlock)) prefixes.push({ prefix: before, next: element });
    }
    const block = BLOCK.has(element.tagName);
    if (block) parts.push(' ');
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!visit(child)) return false;
    }
    if (block) {
      parts.push(' ');
      if (node !== root) passedBlock = true;
    }
    return true;
  };
  visit(root);
  return prefixes.reverse();
}

/** Rich text held as HTML (a rich-text editor's hidden text area): the text a person sees of it, markup set aside. */
export function textOfHtml(doc: Document, html: string): string {
  if (!/[<&]/.test(html)) return collapseWhiteSpace(html);
  // A template's content is inert: nothing in it loads or runs.
  const template = doc.createElement('template');
  template.innerHTML = html;
  return readableText(template.content);
}

/** The text of the elements that an aria-labelledby (or aria-describedby) names. */
export function textOfIdRefs(element: Element, attribute: string): string | null {
  const ids = element.getAttribute(attribute)?.trim();
  if (!ids) return null;
  const root = element.getRootNode() as Document | ShadowRoot;
  const texts = ids
    .split(/\s+/)
    .map((id) => root.getElementById?.(id) ?? element.ownerDocument.getElementById(id))
    .filter((found): found is HTMLElement => found !== null)
    .map((found) => nameText(found));
  return texts.length > 0 ? texts.join(' ') : null;
}
