/** How elements look alike, from their markup: what tells two labels, two rows or two entries of a kind. */

/** Its tag and first class: the kind of element ("row" of "row row--no-actions"; modifiers aside). */
export function kindOf(element: Element): string {
  return `${element.tagName}|${element.getAttribute('class')?.trim().split(/\s+/)[0] ?? ''}`;
}

/** Its tag and every class: two headings, or two steps of a block, styled the same. */
export function styleOf(element: Element): string {
  return `${element.tagName}|${element.getAttribute('class') ?? ''}`;
}
