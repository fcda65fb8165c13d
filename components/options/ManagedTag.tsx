/**
 * "Set by your organisation": the tag by a setting the organisation's policy set. The control
 * beside it is disabled; the tag is text (never colour alone), and the control's description.
 */
export const MANAGED_TEXT = 'Set by your organisation';

export function ManagedTag({ id }: { id?: string }) {
  return (
    <p class="managed" id={id}>
      <strong class="tag tag--managed">{MANAGED_TEXT}</strong>
    </p>
  );
}

/** The ids a control is described by, leaving out the ones not shown. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
