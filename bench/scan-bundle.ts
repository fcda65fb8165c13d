/** The scanner and built-in profiles as one script to put into a page, for measuring in Chromium. */
import { build } from 'vite';
import { resolve } from 'node:path';

export async function scannerBundle(): Promise<string> {
  const root = resolve(import.meta.dirname, '..');
  const output = await build({
    root,
    logLevel: 'silent',
    configFile: false,
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(root, 'bench/scan-entry.ts'), formats: ['iife'], name: 'MonitoringGuardScan' },
    },
  });
  const result = Array.isArray(output) ? output[0]! : output;
  if (!('output' in result)) throw new Error('The scanner bundle was not built.');
  const chunk = result.output.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The scanner bundle has no code.');
  return chunk.code;
}
