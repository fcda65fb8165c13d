import { useRef, useState } from 'preact/hooks';
import { mosaicOrigin } from '../../lib/settings';
import { ErrorMessage, ErrorSummary } from '../shared/ErrorSummary';
import { describedBy, ManagedTag, MANAGED_TEXT } from './ManagedTag';
import { NoticeBox, noticeMaker, reasonOf, type Notice } from '../Notice';

export interface AddressStatus {
  /** The origin, like https://mosaic.example.gov.uk. */
  origin: string;
  /** Whether the browser lets the guard read pages there. */
  allowed: boolean;
}

export interface AddressesSectionProps {
  addresses: readonly AddressStatus[];
  /** The organisation set the addresses by policy: they are shown, not changed. */
  managed: boolean;
  /**
   * Asks the browser for the address, then saves it when allowed. Called straight from the click
   * (the browser shows its prompt only from a user gesture): it must ask before it awaits anything.
   */
  onAdd: (origin: string) => Promise<'added' | 'refused'>;
  /** Asks the browser for an address already listed (from the click, as onAdd). */
  onAllow: (origin: string) => Promise<boolean>;
  /** Saves the list without the address, then gives back its permission. */
  onRemove: (origin: string) => Promise<void>;
}

export const ADDRESS_FIELD = 'mosaic-address';
export const ADDRESS_ERRORS = {
  invalid: 'Enter a Mosaic address, like https://mosaic.example.gov.uk',
  refused: 'Monitoring Guard can only check forms on an address you allow. The address was not added.',
} as const;

/** "Mosaic addresses": where the guard runs, each allowed by the user in the browser's prompt. */
export function AddressesSection({ addresses, managed, onAdd, onAllow, onRemove }: AddressesSectionProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const makeNotice = useRef(noticeMaker()).current;
  const busy = useRef(false);
  const field = useRef<HTMLInputElement>(null);

  const fail = (message: string) => {
    setNotice(null);
    setError(message);
    setAttempt((count) => count + 1);
  };

  /** One request at a time; the work starts in the click itself, with no await before it. */
  const run = <T,>(start: () => Promise<T>, then: (result: T) => void, failure: string) => {
    if (busy.current) return;
    busy.current = true;
    let asked: Promise<T>;
    try {
      asked = start();
    } catch (caught) {
      asked = Promise.reject(caught);
    }
    asked
      .then(then, (caught: unknown) => setNotice(makeNotice('error', `${failure}: ${reasonOf(caught)}. Try again.`)))
      .finally(() => {
        busy.current = false;
      });
  };

  const add = (event: Event) => {
    event.preventDefault();
    const origin = mosaicOrigin(field.current?.value ?? text);
    if (!origin) return fail(ADDRESS_ERRORS.invalid);
    if (addresses.some((address) => address.origin === origin)) return fail(`${origin} is already in the list. Enter a different Mosaic address`);
    run(
      () => onAdd(origin),
      (outcome) => {
        if (outcome === 'refused') return fail(ADDRESS_ERRORS.refused);
        setError(null);
        setText('');
        setNotice(makeNotice('success', `${origin} has been added. The guard will check forms there.`));
      },
      'The address could not be added',
    );
  };

  const allow = (origin: string) =>
    run(
      () => onAllow(origin),
      (granted) =>
        setNotice(
          granted
            ? makeNotice('success', `${origin} is now allowed. The guard will check forms there.`)
            : makeNotice('error', `Monitoring Guard can only check forms on an address you allow. ${origin} is still not allowed.`),
        ),
      'The address could not be allowed',
    );

  const remove = (origin: string) =>
    run(
      () => onRemove(origin),
      () => setNotice(makeNotice('success', `${origin} has been removed. The guard no longer checks forms there.`)),
      'The address could not be removed',
    );

  return (
    <section class="section" aria-labelledby="addresses-title">
      <h2 id="addresses-title">Mosaic addresses</h2>
      <p>The guard checks forms only at these addresses. When you add one, the browser asks you to allow Monitoring Guard to read its pages.</p>
      {managed && (
        <>
          <ManagedTag id="addresses-managed" />
          <p>Your organisation sets the Mosaic addresses, so they cannot be changed here.</p>
        </>
      )}
      <NoticeBox notice={notice} />
      {addresses.length === 0 ? (
        <p class="empty">No Mosaic addresses have been added yet. Add your council's Mosaic address so the guard can check forms there.</p>
      ) : (
        <ul class="address-list">
          {addresses.map(({ origin, allowed }) => (
            <li class="address" key={origin} data-address={origin} data-allowed={String(allowed)}>
              <p class="address-head">
                <span class="address-origin">{origin}</span>{' '}
                {allowed ? <strong class="tag tag--allowed">Allowed</strong> : <strong class="tag tag--waiting">Not allowed yet</strong>}{' '}
                {managed && <strong class="tag tag--managed">{MANAGED_TEXT}</strong>}
              </p>
              {!allowed && (
                <p>
                  {managed
                    ? 'Your organisation added this address. Select Allow so the guard can check forms there.'
                    : 'The browser does not let the guard read this address. Select Allow so the guard can check forms there.'}
                </p>
              )}
              {(!allowed || !managed) && (
                <div class="button-group">
                  {!allowed && (
                    <button type="button" class="button button--small" onClick={() => allow(origin)}>
                      Allow<span class="visually-hidden"> {origin}</span>
                    </button>
                  )}
                  {!managed && (
                    <button type="button" class="button button--secondary button--small" onClick={() => remove(origin)}>
                      Remove<span class="visually-hidden"> {origin}</span>
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      {error && <ErrorSummary errors={[{ fieldId: ADDRESS_FIELD, text: error }]} level={3} focusToken={attempt} />}
      <h3 id="add-address-title">Add an address</h3>
      <form class="add-address" noValidate aria-labelledby="add-address-title" onSubmit={(event) => event.preventDefault()}>
        <div class={`form-group${error ? ' form-group--error' : ''}`}>
          <label class="label" for={ADDRESS_FIELD}>
            Mosaic address
          </label>
          <p class="hint" id={`${ADDRESS_FIELD}-hint`}>
            The address you use to open Mosaic, like https://mosaic.example.gov.uk
          </p>
          <ErrorMessage id={`${ADDRESS_FIELD}-error`} text={error} />
          <input
            ref={field}
            class={`input input--address${error ? ' input--error' : ''}`}
            id={ADDRESS_FIELD}
            name="mosaicAddress"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            disabled={managed}
            aria-describedby={describedBy(`${ADDRESS_FIELD}-hint`, managed && 'addresses-managed', error && `${ADDRESS_FIELD}-error`)}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </div>
        {/* A submit button: Enter in the field clicks it, so the browser's prompt still follows a user gesture. */}
        <button type="submit" class="button" disabled={managed} onClick={add}>
          Add address
        </button>
      </form>
    </section>
  );
}
