import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replyingListener, type MessageSender } from './reply';

type Listener = (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => unknown;

/**
 * How Chrome and Edge 120 to 143 call a `runtime.onMessage` listener: a returned Promise is
 * ignored; only `true` keeps the channel open for a later `sendResponse`; otherwise the sender
 * hears nothing (undefined) once the listener returns.
 */
function chrome120(listener: Listener, message: unknown, sender: MessageSender = { id: 'me' }): Promise<unknown> {
  return new Promise((resolve) => {
    let answered = false;
    const sendResponse = (reply: unknown) => {
      if (answered) return;
      answered = true;
      resolve(reply);
    };
    const kept = listener(message, sender, sendResponse) === true;
    if (!kept && !answered) resolve(undefined);
  });
}

describe('replies to messages', () => {
  it('reach the sender on Chrome 120, when the answer comes later', async () => {
    const listener = replyingListener((message) => new Promise((resolve) => setTimeout(() => resolve({ ok: true, echo: message }), 20)));
    expect(await chrome120(listener, 'ping')).toEqual({ ok: true, echo: 'ping' });
  });

  it('say what went wrong when working out the answer fails, or throws', async () => {
    const rejecting = replyingListener(() => Promise.reject(new Error('disk full')));
    expect(await chrome120(rejecting, 'save')).toMatchObject({ ok: false, error: 'Monitoring Guard could not answer (disk full)' });
    const throwing = replyingListener(() => {
      throw new Error('bad');
    });
    expect(await chrome120(throwing, 'save')).toMatchObject({ ok: false, errors: ['Monitoring Guard could not answer (bad)'] });
  });

  it('leave a message that is not theirs to other listeners', async () => {
    const listener = replyingListener(() => undefined);
    expect(listener('other', {}, () => undefined)).toBe(false);
  });

  it('are given the Chrome 120 way by every listener of the extension', () => {
    // A listener that replies returns replyingListener's, or answers at once through sendResponse.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
      }
    };
    const root = join(import.meta.dirname, '..', '..');
    for (const dir of ['entrypoints', 'lib', 'components']) walk(join(root, dir));
    const listeners = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return Array.from(text.matchAll(/onMessage\.addListener\(([^)]*)/g), (match) => ({ file: file.slice(root.length + 1), argument: match[1]!.trim(), text }));
    });
    expect(listeners.length).toBeGreaterThanOrEqual(2);
    for (const { file, argument, text } of listeners) {
      const viaHelper = argument.startsWith('replyingListener(');
      const synchronous =
        !viaHelper && /^\w+$/.test(argument) && new RegExp(`const ${argument} = \\([^)]*sendResponse`).test(text) && !new RegExp(`const ${argument} = async`).test(text);
      expect({ file, argument, ok: viaHelper || synchronous }).toEqual({ file, argument, ok: true });
    }
  });
});
