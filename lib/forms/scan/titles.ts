/**
 * Stage 1 of a scan: which of the forms' titles the document shows. Read before anything else,
 * so that a page that shows none of the forms' titles (most of Mosaic) costs little more than
 * reading its text once.
 */
import { labelPrefilter, normaliseLabel } from '../normalise';
import { readableText } from '../text';

/** The longest run of text that is read as a title bar, heading or tab. */
const MAX_TITLE_RUN = 300;
const TITLE_DEPTH = 3;
const NOT_SHOWN_TEXT = 'script, style, template, noscript, select, textarea, monitoring-guard';

/**
 * Which of these (normalised) titles the document shows: in its title, or in a short run of text
 * (a title bar, a heading, a tab). Read before anything else, so that a page that shows none of
 * the forms' titles (most of Mosaic) costs little more than reading its text once. With `any`,
 * it stops at the first title found (the set then holds one, or none).
 */
export function shownTitles(doc: Document, titles: readonly string[], { any = false }: { any?: boolean } = {}): Set<string> {
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
  if (!body || (any && shown.size > 0)) return shown;
  // Asked whether any title shows (the guard's first stage): the headings first, where forms put
  // their titles, before the whole page's text.
  if (any) {
    for (const heading of body.querySelectorAll('h1, h2, h3, h4, [role="heading"]')) {
      const raw = heading.textContent ?? '';
      if (raw.length <= MAX_TITLE_RUN && mayHoldTitle(raw) && !heading.closest(NOT_SHOWN_TEXT)) check(readableText(heading));
      if (shown.size > 0) return shown;
    }
  }
  const seen = new Set<Element>();
  const atText = (node: Node) => {
    if (!mayHoldPart(node.nodeValue ?? '')) return;
    // The short run of text around it: its element, or (a title split by markup, as in
    // "Internet monitoring: <b>written agreement</b>") an element or two further out.
    let element = node.parentElement;
    for (let depth = 0; element && element !== body && depth < TITLE_DEPTH; depth++, element = element.parentElement) {
      if (seen.has(element)) break;
      seen.add(element);
      const raw = element.textContent ?? '';
      if (raw.length > MAX_TITLE_RUN) break;
      if (element.closest(NOT_SHOWN_TEXT)) break;
      // The run as the person reads it (which asks the browser for styles) only where its raw
      // text holds every word of a title: "Date of decision to monitor" is not "Decision to
      // monitor internet use".
      if (!mayHoldTitle(raw)) continue;
      const before = shown.size;
      check(readableText(element));
      if (shown.size > before) break;
    }
  };
  // Every text node in document order, except inside elements whose whole text fails the quick
  // test: a text node that passes it passes inside any text around it (labelPrefilter), so the
  // elements skipped hold none that would. On a long page this reads a few elements' text instead
  // of touching each of its thousands of text nodes (each node touched costs a script wrapper of
  // its own in the extension's world: walking them all took 30 ms on a page of 600 questions).
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
