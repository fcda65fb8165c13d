/** Reading text out of the DOM the way a person reads it, without layout. */
import { collapseWhiteSpace } from './normalise';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'TEXTAREA', 'OPTION', 'MONITORING-GUARD']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LEGEND', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/**
 * The text of an element with white space collapsed, a space between blocks (paragraphs, cells,
 * line breaks), and the text of controls inside it (a dropdown's options, a text area) left out.
 */
export function readableText(root: Node, maxLength = Infinity): string {
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
    if (node.nodeType === 1 && node !== root && SKIPPED.has(element.tagName)) return true;
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

/** The text of the elements that an aria-labelledby (or aria-describedby) names. */
export function textOfIdRefs(element: Element, attribute: string): string | null {
  const ids = element.getAttribute(attribute)?.trim();
  if (!ids) return null;
  const root = element.getRootNode() as Document | ShadowRoot;
  const texts = ids
    .split(/\s+/)
    .map((id) => root.getElementById?.(id) ?? element.ownerDocument.getElementById(id))
    .filter((found): found is HTMLElement => found !== null)
    .map((found) => readableText(found));
  return texts.length > 0 ? texts.join(' ') : null;
}
