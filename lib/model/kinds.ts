/**
 * The procedure's three forms, apart from the rest of the vocabulary (./vocabulary.ts), so that
 * the guard's first stage, which must stay small, can name them without loading it.
 */
export type FormKind = 'decision' | 'agreement' | 'review';
export const FORM_KINDS: readonly FormKind[] = ['decision', 'agreement', 'review'];
