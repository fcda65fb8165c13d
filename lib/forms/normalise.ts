/**
 * Label normalisation, as forms.md lists the ways labels vary between councils: case, runs of
 * white space, a trailing ":" or "?", a mandatory marker ("*", "(mandatory)", "(required)"), a
 * question number in front ("3.2", "3.2.", "Q12"), curly or straight apostrophes, and "&" for
 * "and" ("&/or" is "and/or", with or without spaces around the "/"). Two labels mean the same question when their normalised forms are equal.
 */

/** A mandatory marker: "*", "(mandatory)", "(required)" (in lower case, as normalising has it by then). */
export const MANDATORY = /(?:\*+|\((?:mandatory|required)\))/g;
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
 * Every word of one of the labels must appear in the text (except "and", which "&" becomes):
 * normalising ASCII text only lowers its case and removes or spaces out what is not a letter or
 * digit, so a word of the result is always in the text. One regular expression looks for each
 * label's longest word first, which turns most texts away at once. Text with other characters
 * that NFKC may fold into letters (MAY_FOLD_INTO_WORD) always passes.
 *
 * A text that passes passes inside any longer text that contains it (its words are still there,
 * or the character that let it through): shownTitles relies on that to skip whole elements.
 *
 * With `part`, the test is for a piece of a label's text split by markup (a text node of
 * "<span>Internet monitoring:</span> <b>agreement review</b>"): only the longest word is asked for.
 */
export function labelPrefilter(labels: Iterable<string>, { part = false }: { part?: boolean } = {}): (text: string) => boolean {
  // Each label's words, by its longest word.
  const byLongest = new Map<string, string[][]>();
  for (const label of labels) {
    const words = [...new Set(label.split(/[^a-z0-9]+/).filter((word) => word !== '' && word !== 'and'))];
    // A label without such a word ("?" alone) could hide in any text.
    if (words.length === 0) return () => true;
    const longest = words.reduce((found, word) => (word.length > found.length ? word : found));
    const group = byLongest.get(longest);
    if (group) group.push(words);
    else byLongest.set(longest, [words]);
  }
  if (byLongest.size === 0) return () => false;
  const pattern = new RegExp([...byLongest.keys()].join('|'), 'i');
  if (part) return (text) => pattern.test(text) || MAY_FOLD_INTO_WORD.test(text);
  const groups = [...byLongest];
  return (text) => {
    if (!pattern.test(text)) return MAY_FOLD_INTO_WORD.test(text);
    if (MAY_FOLD_INTO_WORD.test(text)) return true;
    // Plain ASCII and the characters let off, which lower-casing leaves as they are.
    const lower = text.toLowerCase();
    return groups.some(
      ([longest, labelWords]) => lower.includes(longest) && labelWords.some((words) => words.every((word) => lower.includes(word))),
    );
  };
}
