import { useRef, useState } from 'preact/hooks';
import type { FormKind, FormProfile } from '../../lib/forms/profile';
import { parseProfileJson } from '../../lib/forms/profile-schema';
import { ErrorSummary } from '../shared/ErrorSummary';
import { MANAGED_TEXT } from './ManagedTag';
import { NoticeBox, noticeMaker, reasonOf, type Notice } from '../Notice';

export const KIND_LABEL: Record<FormKind, string> = {
  decision: 'Decision record',
  agreement: 'Written agreement',
  review: 'Review',
};

export const PROFILE_FILE_FIELD = 'profile-file';

const questions = (count: number) => `${count} ${count === 1 ? 'question' : 'questions'}`;
const profilesCount = (count: number) => `${count} ${count === 1 ? 'profile' : 'profiles'}`;

export interface ProfilesSectionProps {
  builtIn: readonly FormProfile[];
  /** The user's imported profiles. */
  imported: readonly FormProfile[];
  /** The profiles the organisation set by policy. */
  managed: readonly FormProfile[];
  /** What was wrong with profiles that are not used (mostly the organisation's), as the background found it. */
  errors: readonly string[];
  /** Saves the whole list of imported profiles; rejects on failure. */
  onSaveImported: (profiles: FormProfile[]) => Promise<void>;
  /** Hands a file to the browser to download. */
  onDownload: (fileName: string, text: string) => void;
}

type Source = 'builtIn' | 'imported' | 'managed';

/** "Form profiles": the profiles that map each council's forms onto the procedure's questions. */
export function ProfilesSection({ builtIn, imported, managed, errors, onSaveImported, onDownload }: ProfilesSectionProps) {
  const [importErrors, setImportErrors] = useState<string[] | null>(null);
  const [fileName, setFileName] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const makeNotice = useRef(noticeMaker()).current;
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = useRef(false);

  const managedIds = new Set(managed.map((profile) => profile.id));
  const importedIds = new Set(imported.map((profile) => profile.id));

  /** Why a profile is not used, when another with its id comes first (the organisation's, then the user's, then built-in). */
  const replacedBy = (profile: FormProfile, source: Source): string | null => {
    if (source === 'managed') return null;
    if (managedIds.has(profile.id)) return 'Not used: your organisation set a profile with the same id.';
    if (source === 'builtIn' && importedIds.has(profile.id)) return 'Not used: you imported a profile with the same id.';
    return null;
  };

  const exportProfile = (profile: FormProfile) => {
    try {
      onDownload(`${profile.id}.json`, `${JSON.stringify(profile, null, 2)}\n`);
      setNotice(makeNotice('success', `Downloading ${profile.id}.json`));
    } catch (error) {
      setNotice(makeNotice('error', `The profile could not be exported: ${reasonOf(error)}. Try again.`));
    }
  };

  const save = async (next: FormProfile[], done: string, failure: string): Promise<boolean> => {
    busy.current = true;
    try {
      await onSaveImported(next);
      setNotice(makeNotice('success', done));
      return true;
    } catch (error) {
      setNotice(makeNotice('error', `${failure}: ${reasonOf(error)}. Nothing has changed.`));
      return false;
    } finally {
      busy.current = false;
    }
  };

  const remove = (profile: FormProfile) => {
    if (busy.current) return;
    void save(
      imported.filter((item) => item.id !== profile.id),
      `The profile “${profile.title}” (${profile.id}) has been removed.`,
      'The profile could not be removed',
    );
  };

  const choose = async (file: File | undefined) => {
    if (!file || busy.current) return;
    setFileName(file.name);
    setNotice(null);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setImportErrors([`The file could not be read: ${reasonOf(error)}`]);
      setAttempt((count) => count + 1);
      return;
    } finally {
      // Choosing the same file again (after correcting it) checks it again.
      if (fileInput.current) fileInput.current.value = '';
    }
    const result = parseProfileJson(text);
    if (!result.ok) {
      setImportErrors(result.errors);
      setAttempt((count) => count + 1);
      return;
    }
    setImportErrors(null);
    const ids = new Set(result.profiles.map((profile) => profile.id));
    const replaced = imported.filter((profile) => ids.has(profile.id)).length;
    const count = result.profiles.length;
    const overridden = result.profiles.filter((profile) => managedIds.has(profile.id)).length;
    const words = [
      `Imported ${profilesCount(count)} from ${file.name}.`,
      replaced > 0 ? `${replaced === 1 ? 'One replaces a profile' : `${replaced} replace profiles`} you imported before with the same id.` : '',
      overridden > 0 ? `${overridden === 1 ? 'One is' : `${overridden} are`} not used: your organisation set a profile with the same id.` : '',
    ];
    await save(
      [...imported.filter((profile) => !ids.has(profile.id)), ...result.profiles],
      words.filter(Boolean).join(' '),
      'The profiles could not be imported',
    );
  };

  const table = (profiles: readonly FormProfile[], source: Source, caption: string) => (
    <table class="table" data-profiles={source}>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Profile</th>
          <th scope="col">Form</th>
          <th scope="col">Questions</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {profiles.map((profile) => {
          const note = replacedBy(profile, source);
          return (
            <tr key={profile.id} data-profile-id={profile.id}>
              <td>
                <span class="profile-title">{profile.title}</span>
                <span class="profile-id">{profile.id}</span>
                {source === 'managed' && <strong class="tag tag--managed">{MANAGED_TEXT}</strong>}
                {note && <span class="profile-note">{note}</span>}
              </td>
              <td>{KIND_LABEL[profile.kind]}</td>
              <td>{questions(profile.questions.length)}</td>
              <td class="table-actions">
                <button type="button" class="button button--secondary button--small" onClick={() => exportProfile(profile)}>
                  Export<span class="visually-hidden"> {profile.title} ({profile.id})</span>
                </button>
                {source === 'imported' && (
                  <button type="button" class="button button--secondary button--small" onClick={() => remove(profile)}>
                    Remove<span class="visually-hidden"> {profile.title} ({profile.id})</span>
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );

  return (
    <section class="section" aria-labelledby="profiles-title">
      <h2 id="profiles-title">Form profiles</h2>
      <p>
        A profile tells the guard how a council's Mosaic form words its questions. The built-in profiles describe the reference forms. If your
        council's forms differ, fit a form in the page (select Fit this form in the guard's panel on the form), import a profile, or ask your
        organisation to set profiles for them.
      </p>
      <NoticeBox notice={notice} />
      {errors.length > 0 && (
        <div class="warning-text" data-profile-errors>
          <span class="warning-text-icon" aria-hidden="true">
            !
          </span>
          <div class="warning-text-body">
            <p>
              <strong>
                <span class="visually-hidden">Warning: </span>
                Some profiles have problems and are not used. The guard uses the other profiles for these forms. Tell your IT service desk
                about problems with profiles set by your organisation.
              </strong>
            </p>
            <ul class="list">
              {errors.map((error, index) => (
                <li key={`${index}-${error}`}>{error}</li>
              ))}
            </ul>
          </div>
        </div>
      )}

      {managed.length > 0 && (
        <>
          <h3>Set by your organisation</h3>
          {table(managed, 'managed', 'Profiles set by your organisation')}
        </>
      )}

      <h3>Imported profiles</h3>
      <p>Profiles you imported, and forms fitted in the page on this computer (their ids start with fitted-).</p>
      {imported.length === 0 ? <p>You have not imported or fitted any profiles.</p> : table(imported, 'imported', 'Imported profiles')}

      <h3>Built-in profiles</h3>
      <p>These describe the reference forms and cannot be changed. Export one to start a profile of your own.</p>
      {table(builtIn, 'builtIn', 'Built-in profiles')}

      {importErrors && (
        <ErrorSummary errors={importErrors.map((text) => ({ fieldId: PROFILE_FILE_FIELD, text }))} level={3} focusToken={attempt} />
      )}
      <div class={`form-group${importErrors ? ' form-group--error' : ''}`}>
        <h3 class="label-wrapper">
          <label class="label label--heading" for={PROFILE_FILE_FIELD}>
            Import a profile (JSON)
          </label>
        </h3>
        <p class="hint" id={`${PROFILE_FILE_FIELD}-hint`}>
          A JSON file with one profile or a list of profiles. An imported profile replaces one you imported before with the same id.
        </p>
        {importErrors && (
          <p class="error-message" id={`${PROFILE_FILE_FIELD}-error`}>
            <span class="visually-hidden">Error:</span> {fileName} was not imported and nothing has changed. Correct the problems listed and
            choose the file again.
          </p>
        )}
        <input
          ref={fileInput}
          class={`file-upload${importErrors ? ' input--error' : ''}`}
          id={PROFILE_FILE_FIELD}
          type="file"
          accept=".json,application/json"
          aria-describedby={importErrors ? `${PROFILE_FILE_FIELD}-hint ${PROFILE_FILE_FIELD}-error` : `${PROFILE_FILE_FIELD}-hint`}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
      </div>
      <p>
        The guide “Fitting Monitoring Guard to your council's forms” (docs/form-profiles.md in the Monitoring Guard project) explains how to fit a
        form in the page, and how to write a profile by hand.
      </p>
    </section>
  );
}
