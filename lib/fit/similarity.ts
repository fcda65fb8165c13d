/**
 * How alike two labels (or two answers) read: the share of their words they have in common, once
 * case, marks, small words and word endings are set aside. For the fitting view's best guesses
 * only: matching a page to a profile stays exact (../forms/normalise.ts).
 */
import { normaliseLabel } from '../forms/normalise';

/** Words that say little about which question a label asks. */
const SMALL_WORDS = new Set(
  'a an the of to be by is are was were for and or in on at with this that it its has have had will would who what when how did does do any there their as from been being they them'.split(' '),
);

/** A word's stem, roughly: "reviewed", "reviews" and "review" alike. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The words of a text that say which question it is, stemmed. */
export function contentWords(text: string): Set<string> {
  const words = normaliseLabel(text)
    .replace(/'s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !SMALL_WORDS.has(word));
  return new Set(words.map(stem));
}

/**
 * 1 for the same label once normalised; otherwise the share of words in common (Dice), raised to
 * 0.75 when all the words of the shorter one (two at least) are in the longer one.
 */
export function similarity(a: string, b: string): number {
  const left = normaliseLabel(a);
  const right = normaliseLabel(b);
  if (left === '' || right === '') return 0;
  if (left === right) return 1;
  const wordsA = contentWords(a);
  const wordsB = contentWords(b);
  if (wordsA.size === 0 || wordsB.size === 0) return 0;
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared++;
  const dice = (2 * shared) / (wordsA.size + wordsB.size);
  const smaller = Math.min(wordsA.size, wordsB.size);
  return smaller >= 2 && shared === smaller ? Math.max(dice, 0.75) : dice;
}

/** The best similarity of a text to any of several. */
export function bestSimilarity(texts: readonly string[], text: string): number {
  let best = 0;
  for (const candidate of texts) best = Math.max(best, similarity(candidate, text));
  return best;
}

/**
 * One-to-one pairs with the highest scores first (a greedy assignment, which is what a person
 * would do by eye): each left and each right used once, and no pair below `threshold`.
 */
export function pairBest<L, R>(scores: Array<{ left: L; right: R; score: number }>, threshold: number): Map<L, R> {
  const chosen = new Map<L, R>();
  const taken = new Set<R>();
  for (const { left, right, score } of [...scores].sort((x, y) => y.score - x.score)) {
    if (score < threshold || chosen.has(left) || taken.has(right)) continue;
    chosen.set(left, right);
    taken.add(right);
  }
  return chosen;
}
