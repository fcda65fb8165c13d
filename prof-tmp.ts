import { launchWithExtension } from './test/support/browser.ts';
import { serveDirectory } from './test/support/server.ts';
const server = await serveDirectory('/work/main/bench-output/pages');
const browser = await launchWithExtension();
for (let round = 0; round < 2; round++) {
const page = await browser.newPage();
const cdp = await page.createCDPSession();
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(server.url + '/step-600.html', { waitUntil: 'load' });
await page.waitForSelector('monitoring-guard');
await new Promise(r => setTimeout(r, 1500));
const { profile } = await cdp.send('Profiler.stop') as any;
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; const samples = profile.samples;
for (let i = 0; i < samples.length; i++) { const n: any = byId.get(samples[i]); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.columnNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000); }
console.log('---');
console.log([...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'));
await page.close();
}
await browser.close(); await server.close();
