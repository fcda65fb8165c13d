import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
    build: { target: 'es2022' },
  }),
  manifest: {
    name: 'Monitoring Guard',
    description:
      "Checks internet-monitoring decision records, agreements and reviews in Mosaic against the council's procedure.",
    minimum_chrome_version: '120',
    // storage: the settings; alarms: the daily check (retention, reminder, badge);
    // notifications: the daily reminder. No host is asked for at install.
    permissions: ['storage', 'alarms', 'notifications'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!demo) return;
      manifest.content_scripts ??= [];
      manifest.content_scripts.push({
        matches: DEMO_MATCHES,
        js: ['content-scripts/content.js'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
      });
    },
  },
});
