/**
 * Label normalisation, as forms.md lists the ways labels vary between councils: case, runs of
 * white space, a trailing ":" or "?", a mandatory marker ("*", "(mandatory)", "(required)"), a
 * question number in front ("3.2", "3.2.", "Q12"), curly or straight apostrophes, and "&" for
 * "and". Two labels mean the same question when their normalised forms are equal.
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
