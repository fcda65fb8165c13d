/** An error's own words, without a full stop: it goes into a sentence. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.trim().replace(/\.+$/, '') || 'an unknown error';
}
