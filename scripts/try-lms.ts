import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { startTestSite } from './lms-test-site.ts';

/** `npm run try-lms -- package.zip [--port N]`: serves a SCORM package in the test LMS page until Ctrl-C. */
const args = process.argv.slice(2);
const zipPath = args.find((a) => !a.startsWith('--'));
const portFlag = args.indexOf('--port');
const port = portFlag >= 0 ? Number(args[portFlag + 1]) : 0;
if (!zipPath) {
  process.stderr.write('usage: npm run try-lms -- <package.zip> [--port N]\n');
  process.exit(2);
}
const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
if (!files['imsmanifest.xml']) {
  process.stderr.write(`${zipPath} has no imsmanifest.xml at its root: the test LMS page plays SCORM packages\n`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'walkaway-try-lms-'));
for (const [name, data] of Object.entries(files)) {
  if (name.endsWith('/')) continue;
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), data);
}
const site = await startTestSite(port);
site.mounts.set('/course/', `${dir}/`);
process.stdout.write(`Test LMS: ${site.url}/lms/scorm-lms.html?course=/course/   (Ctrl-C to stop)\n`);
// A learning path course has one unit per step: each is launched with &item=N.
const units = (new TextDecoder().decode(files['imsmanifest.xml']).match(/<item /g) ?? []).length;
if (units > 1) process.stdout.write(`This course has ${units} units: add &item=1 … &item=${units} to launch each one.\n`);
const stop = () => {
  void site.close().then(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
