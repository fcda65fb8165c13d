import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { labelPrefilter, MAY_FOLD_INTO_WORD, normaliseLabel } from './normalise';

describe('normaliseLabel', () => {
  const same = 'date of first review';
  it.each([
    'Date of first review',
    'DATE OF FIRST REVIEW',
    '  Date   of\n first\treview  ',
    'Date of first review:',
    'Date of first review?',
    'Date of first review *',
    'Date of first review*',
    '* Date of first review',
    'Date of first review (mandatory)',
    'Date of first review (Required):',
    '3.2 Date of first review',
    '3.2. Date of first review',
    'Q12 Date of first review',
    'Q12. Date of first review:*',
    '12) Date of first review',
    'Date\u00a0of first review',
  ])('reads %j as the reference label', (label) => {
    expect(normaliseLabel(label)).toBe(same);
  });

  it('treats curly and straight apostrophes alike', () => {
    expect(normaliseLabel('Young person’s views')).toBe(normaliseLabel("Young person's views"));
  });

  it('reads & as and', () => {
    expect(normaliseLabel('Why the measure is necessary, reasonable & proportionate')).toBe(
      normaliseLabel('Why the measure is necessary, reasonable and proportionate'),
    );
  });

  it('keeps the words that make labels different', () => {
    expect(normaliseLabel('Date of review')).not.toBe(normaliseLabel('Date of next review'));
    expect(normaliseLabel('Reasons')).not.toBe(normaliseLabel('Reasons for the decision'));
  });

  it('keeps numbers that are part of the words', () => {
    expect(normaliseLabel('Every 2 months')).toBe('every 2 months');
  });

  it('leaves nothing of a label that is only a number and marks', () => {
    expect(normaliseLabel('3.2 *')).toBe('');
  });
});

describe('labelPrefilter', () => {
  const labels = ['date of first review', "young person's views", 'who will attend reviews', 'tools and apps'].map(normaliseLabel);
  const mayBeLabel = labelPrefilter(labels);

  it('never turns away a text that normalises to one of the labels', () => {
    const variant = fc
      .tuple(
        fc.constantFrom('Date of first review', 'Young person’s views', "YOUNG PERSON'S VIEWS", 'Who will attend reviews?', 'Tools & apps', 'Tools and apps'),
        fc.constantFrom('', '3.2 ', 'Q12. ', '* ', '(1) '),
        fc.constantFrom('', ':', '?', ' *', ' (mandatory)', '\u00a0(Required):'),
        fc.boolean(),
      )
      .map(([label, before, after, upper]) => `${before}${upper ? label.toUpperCase() : label}${after}`);
    fc.assert(
      fc.property(fc.oneof(variant, fc.string(), fc.string({ unit: 'grapheme' })), (text) => {
        if (labels.includes(normaliseLabel(text))) expect(mayBeLabel(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('lets a text through inside any longer text too (shownTitles skips elements by their whole text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), fc.string(), (text, before, after) => {
        if (mayBeLabel(text)) expect(mayBeLabel(before + text + after)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('turns away text whose only other characters are no-break spaces, dashes, curly quotes and the like', () => {
    expect(mayBeLabel('Date\u00a0of birth – carer’s “name” £5 • …')).toBe(false);
    expect(mayBeLabel('Date\u00a0of first review')).toBe(true);
    // Full-width letters and ligatures fold into plain ones: those texts are read.
    expect(mayBeLabel('Date of ｆｉｒｓｔ review')).toBe(true);
    expect(mayBeLabel('Date of birth ﬁ')).toBe(true);
    // The characters let off never become a letter or digit, however the text is normalised.
    for (let code = 0x80; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      if (MAY_FOLD_INTO_WORD.test(character)) continue;
      expect(character.normalize('NFKC').toLowerCase()).not.toMatch(/[a-z0-9]/);
      expect(character.normalize('NFKD').toLowerCase()).not.toMatch(/[a-z0-9]/);
    }
  });

  it('turns away plain text without any label word', () => {
    expect(mayBeLabel('Placement address (12)')).toBe(false);
    expect(mayBeLabel('Date of birth')).toBe(false);
    expect(mayBeLabel('3.2 Date of first review *')).toBe(true);
  });

  it('turns away text with a label’s longest word but not all its other words', () => {
    // "person" is the longest word of "young person's views".
    expect(mayBeLabel('Personal education plan (12)')).toBe(false);
    expect(mayBeLabel('Views of the person')).toBe(false);
    expect(mayBeLabel('The young person’s own views')).toBe(true);
    // "and" is not asked for: "&" becomes it.
    expect(mayBeLabel('Tools & apps')).toBe(true);
    expect(mayBeLabel('Apps')).toBe(false);
  });

  it('lets through every text that normalises to a label, for labels made at random', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.constantFrom(' ', ' & ', ' and ', ' / ', ', ', '-', '’'),
        fc.boolean(),
        (wordLists, pick, joiner, upper) => {
          const labels = wordLists.map((words) => normaliseLabel(words.join(' '))).filter(Boolean);
          fc.pre(labels.length > 0);
          const filter = labelPrefilter(labels);
          const shown = wordLists[pick % wordLists.length]!.join(joiner);
          const text = upper ? shown.toUpperCase() : shown;
          if (labels.includes(normaliseLabel(text))) expect(filter(text)).toBe(true);
          for (const label of labels) expect(filter(`3.2 ${label.toUpperCase()} *`)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('normaliseLabel with "&" and "/"', () => {
  it.each(['Is surveillance &/or monitoring warranted?', 'Is surveillance and/or monitoring warranted?', 'Is surveillance & / or monitoring warranted', 'IS SURVEILLANCE AND / OR MONITORING WARRANTED?'])(
    'reads %j as the alias with "and/or"',
    (label) => expect(normaliseLabel(label)).toBe('is surveillance and/or monitoring warranted'),
  );
});
