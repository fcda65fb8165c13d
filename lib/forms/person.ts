/**
 * The Mosaic person ID of the person a form is about. It comes from the step editor's title bar
 * ("Internet monitoring: written agreement - Sam Taylor (1234567)") or the person identity bar
 * ("Mosaic ID: 1234567", "ID 1234567"): never from a date of birth, a phone or NHS number.
 */
import { normaliseLabel } from './normalise';
import { readableText } from './text';

const IN_BRACKETS = /\((\d{4,10})\)(?!\s*\d)/;
const LABELLED = /(?:^|[^a-z0-9])(?:mosaic\s+|person\s+|client\s+)?id(?:\s+no\.?|\s+number)?\s*[:#.]?\s*(\d{4,10})(?![\d/.-]*\d)/i;
const ID_WORD = /\bid\b/i;

function titleBarId(text: string, titles: readonly string[]): string | null {
  const match = text.match(IN_BRACKETS);
  if (!match) return null;
  const normal = normaliseLabel(text);
  return titles.some((title) => normal.includes(title)) ? match[1]! : null;
}

/** The person ID shown in one document, or null. `titles` are the normalised form titles. */
export function personIdInDocument(doc: Document, titles: readonly string[]): string | null {
  const fromTitle = titleBarId(doc.title ?? '', titles);
  if (fromTitle) return fromTitle;
  const body = doc.body;
  if (!body) return null;
  let labelled: string | null = null;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const seen = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, template, monitoring-guard, select, textarea')) continue;
    if (value.includes(')')) {
      // The title bar: the brackets may close in a text node of their own, and the bar may hold
      // buttons after the title, so look at the text node's element and a few around it.
      for (let element: Element | null = parent, depth = 0; element && element !== body && depth < 3; element = element.parentElement, depth++) {
        const line = readableText(element, 400);
        if (line.length > 400) break;
        const id = titleBarId(line, titles);
        if (id) return id;
      }
    }
    if (labelled === null && ID_WORD.test(value)) {
      // "Mosaic ID: 1234567", with the number perhaps in the next element.
      for (let element: Element | null = parent, depth = 0; element && depth < 2; element = element.parentElement, depth++) {
        if (seen.has(element)) break;
        seen.add(element);
        const text = readableText(element, 300);
        const match = text.length <= 300 ? text.match(LABELLED) : null;
        if (match) {
          labelled = match[1]!;
          break;
        }
      }
    }
  }
  return labelled;
}

/**
 * The person ID for a form in `win`: its own document first, then the documents around it that
 * the page lets us read (the parent pages of a frame, the window that opened a step editor).
 */
export function findPersonId(win: Window, titles: readonly string[]): string | null {
  const visited = new Set<Window>();
  const queue: Window[] = [win];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (visited.has(current)) continue;
    visited.add(current);
    let doc: Document | null = null;
    try {
      doc = current.document;
    } catch {
      continue; // another origin
    }
    if (!doc) continue;
    const id = personIdInDocument(doc, titles);
    if (id) return id;
    try {
      if (current.parent && current.parent !== current) queue.push(current.parent);
      if (current.opener) queue.push(current.opener as Window);
    } catch {
      // a window we may not read
    }
  }
  return null;
}
