import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';

/** The extension's home page (the manifest's homepage_url): package.json's "homepage", which a release must set (scripts/check-release.ts). */
const homepage = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { homepage?: string }).homepage;

/**
 * `npm run build:demo` (MG_DEMO=1) makes the same extension active on locally served pages, so
 * that it can be tried against the sample Mosaic pages. A plain build registers the content
 * script on no host: council Mosaic addresses are added at run time (the settings issue).
 */
const demo = process.env.MG_DEMO === '1';
const DEMO_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // MG_NOMIN=1 leaves the output readable, for reading a CPU profile by function name.
    build: { target: 'es2022', minify: process.env.MG_NOMIN ? false : undefined, sourcemap: process.env.MG_SOURCEMAP ? true : undefined },
  }),
  manifest: ({ browser }) => ({
    name: 'Monitoring Guard',
    description:
      "Checks internet-monitoring decision records, agreements and reviews in Mosaic against the council's procedure.",
    ...(homepage ? { homepage_url: homepage } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: '{6f0a9c84-0e7b-4c43-9a56-1f2b9e0d5a21}',
              strict_min_version: '140.0',
              // It collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '120' }),
    // storage: the settings; alarms: the daily check (retention, reminder, badge);
    // notifications: the daily reminder; scripting: running the guard on the Mosaic addresses
    // the user allows. No host is asked for at install: each address is asked for when added.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    optional_host_permissions: ['https://*/*'],
    // Policy settings (Chrome and Edge; Firefox takes them from its policies.json, see docs/deploying.md).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!demo) return;
      // As a council's Mosaic address is once the user allows it (the popup reads the tab's address
      // and looks into its frames to offer fitting).
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...DEMO_MATCHES];
      manifest.content_scripts ??= [];
      manifest.content_scripts.push({
        matches: DEMO_MATCHES,
        js: ['first-stage.js'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
      });
    },
  },
});
