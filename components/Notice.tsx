import { useLayoutEffect, useRef } from 'preact/hooks';

export interface Notice {
  kind: 'success' | 'error';
  text: string;
  /** A new number each time, so that the same words take the focus again. */
  serial: number;
}

/**
 * What an action did, or why it failed (in the popup and the options page): a status (or an
 * alert) that takes the focus, so that the result is heard and seen where the user is.
 */
export function NoticeBox({ notice }: { notice: Notice | null }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (notice) box.current?.focus();
  }, [notice?.serial]);
  if (!notice) return null;
  return (
    <div
      class={`notice notice--${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
      ref={box}
      data-notice={notice.kind}
    >
      <p>{notice.text}</p>
    </div>
  );
}

/** Makes notices with a new serial each time. */
export function noticeMaker(): (kind: Notice['kind'], text: string) => Notice {
  let serial = 0;
  return (kind, text) => ({ kind, text, serial: ++serial });
}

export { reasonOf } from '../lib/errors';
