/**
 * Label normalisation, as forms.md lists the ways labels vary between councils: case, runs of
 * white space, a trailing ":" or "?", a mandatory marker ("*", "(mandatory)", "(required)"), a
 * question number in front ("3.2", "3.2.", "Q12"), curly or straight apostrophes, and "&" for
 * "and" ("&/or" is "and/or", with or without spaces around the "/"). Two labels mean the same question when their normalised forms are equal.
 */

const MANDATORY = /(?:\*+|\((?:mandatory|required)\))/g;
const QUESTION_NUMBER = /^(?:q\s*\d+(?:\.\d+)*\.?|\d+(?:\.\d+)*\.?|\(\d+\)|\d+\))(?=\s|$)/;
const EDGE_PUNCTUATION = /^[\s:?.\-–—]+|[\s:?.\-–—]+$/g;

export function normaliseLabel(text: string): string {
  // Most labels are plain ASCII, which NFKC leaves as it is.
  let label = (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/&/g, ' and ')
    .replace(MANDATORY, ' ')
    .replace(/\s+/g, ' ')
    // "and/or", "& / or" and "and / or" alike.
    .replace(/ ?\/ ?/g, '/')
    .trim();
  // A number in front ("3.2", "3.2.", "Q12"), possibly after punctuation.
  for (let previous = ''; previous !== label; ) {
    previous = label;
    label = label.replace(EDGE_PUNCTUATION, '').replace(QUESTION_NUMBER, '').trim();
  }
  return label;
}

/** Answer texts (options, radio labels, read-only values) are compared the same way. */
export const normaliseAnswer = normaliseLabel;

/** Visible text as a person reads it: white space collapsed and trimmed. */
export function collapseWhiteSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * A character outside ASCII that NFKC and lower-casing might turn into a letter or digit (a
 * full-width letter, a ligature): any but the few common ones that never do (no-break space,
 * dashes, curly quotes, the pound sign, bullet, ellipsis), which long pages are full of.
 */
export const MAY_FOLD_INTO_WORD = /[^\x00-\x7f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u00a3\u2022\u2026]/;

/**
 * A quick test that a text as shown could normalise to one of these (normalised) labels, so that
 * the many texts on a long page that cannot be one of them skip the reading and normalising.
 * Each label's longest word must appear in the text: normalising ASCII text only lowers its case
 * and removes or spaces out what is not a letter or digit, so a word of the result is always in
 * the text. Text with other characters that NFKC may fold into letters (MAY_FOLD_INTO_WORD)
 * always passes.
 *
 * A text that passes passes inside any longer text that contains it (a needle is still there, or
 * the character that let it through): shownTitles relies on that to skip whole elements.
 */
export function labelPrefilter(labels: Iterable<string>): (text: string) => boolean {
  const needles = new Set<string>();
  for (const label of labels) {
    const words = label.split(/[^a-z0-9]+/).filter((word) => word !== '' && word !== 'and');
    // A label without such a word ("?" alone) could hide in any text.
    if (words.length === 0) return () => true;
    needles.add(words.reduce((longest, word) => (word.length > longest.length ? word : longest)));
  }
  if (needles.size === 0) return () => false;
  const pattern = new RegExp([...needles].join('|'), 'i');
  return (text) => pattern.test(text) || MAY_FOLD_INTO_WORD.test(text);
}
