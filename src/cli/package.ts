import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseNodeArgs } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import type { Plugin } from 'vite';
import { loadScenario, ScenarioError, formatProblem } from '../engine/index.ts';
import { AssignmentSchema, defaultActivityId, LMS_FORMATS, type Assignment, type LmsFormat } from '../lms/assignment.ts';
import type { PackageInfo } from '../lms/manifest/package-info.ts';
import { scorm12Manifest } from '../lms/manifest/scorm12-manifest.ts';
import { scorm2004Manifest } from '../lms/manifest/scorm2004-manifest.ts';
import { cmi5CourseStructure } from '../lms/manifest/cmi5-course.ts';

/**
 * `npm run package -- --format scorm12|scorm2004|cmi5 --scenario ID [...]`: builds the game for one
 * assignment and writes one zip an LMS imports (imsmanifest.xml or cmi5.xml at its root).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PackageOptions {
  format: LmsFormat;
  scenario: string;
  persona?: string | undefined;
  mode?: 'practice' | 'assessment' | undefined;
  passMark?: number | undefined;
  out?: string | undefined;
  activityId?: string | undefined;
  lrsEndpoint?: string | undefined;
  lrsAuth?: string | undefined;
  lrsActorHomePage?: string | undefined;
}

export interface BuiltPackage {
  file: string;
  bytes: number;
  assignment: Assignment;
  /** Paths inside the zip. */
  entries: string[];
}

export class PackageError extends Error {}

/** The manifest file name and writer for each format. */
const MANIFESTS: Record<LmsFormat, { name: string; write: (p: PackageInfo) => string }> = {
  scorm12: { name: 'imsmanifest.xml', write: scorm12Manifest },
  scorm2004: { name: 'imsmanifest.xml', write: scorm2004Manifest },
  cmi5: { name: 'cmi5.xml', write: cmi5CourseStructure },
};

/** Checks the options against the shipped scenarios and makes the assignment the game will read. */
export async function assignmentFor(o: PackageOptions): Promise<Assignment> {
  if (!LMS_FORMATS.includes(o.format)) throw new PackageError(`--format must be one of ${LMS_FORMATS.join(', ')}`);
  const file = join(ROOT, 'scenarios', `${o.scenario}.yaml`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const known = (await readdir(join(ROOT, 'scenarios'))).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    throw new PackageError(`no built-in scenario "${o.scenario}"; choose one of: ${known.join(', ')}`);
  }
  let scenario: ReturnType<typeof loadScenario>;
  try {
    scenario = loadScenario(text, relative(ROOT, file));
  } catch (e) {
    if (e instanceof ScenarioError) throw new PackageError(`the scenario does not load:\n${e.problems.map(formatProblem).join('\n')}`);
    throw e;
  }
  const persona = o.persona ? scenario.personas.find((p) => p.id === o.persona) : scenario.personas[0];
  if (!persona) throw new PackageError(`scenario "${scenario.id}" has no persona "${o.persona}"; it has: ${scenario.personas.map((p) => p.id).join(', ')}`);
  const lrs =
    o.lrsEndpoint || o.lrsAuth
      ? { endpoint: o.lrsEndpoint ?? '', auth: o.lrsAuth ?? '', ...(o.lrsActorHomePage ? { actorHomePage: o.lrsActorHomePage } : {}) }
      : undefined;
  if (lrs && (!lrs.endpoint || !lrs.auth)) throw new PackageError('--lrs-endpoint and --lrs-auth go together');
  if (lrs && o.format === 'cmi5') throw new PackageError("cmi5 packages send their statements to the LMS's own LRS; --lrs-* options are for SCORM packages");
  const parsed = AssignmentSchema.safeParse({
    format: o.format,
    scenarioId: scenario.id,
    personaId: persona.id,
    scenarioTitle: `${scenario.title} (with ${persona.name})`,
    mode: o.mode ?? 'practice',
    passMark: o.passMark ?? 70,
    activityId: o.activityId ?? defaultActivityId(scenario.id, persona.id),
    ...(lrs ? { lrs: { ...lrs, endpoint: lrs.endpoint.endsWith('/') ? lrs.endpoint : `${lrs.endpoint}/` } } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PackageError(`${issue.path.join('.') || 'options'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Counts the modules Vite transforms, for a progress line during the (long) production build. */
function progressPlugin(report: (line: string) => void): Plugin {
  let modules = 0;
  let last = 0;
  return {
    name: 'walkaway:package-progress',
    transform() {
      modules++;
      const now = Date.now();
      if (now - last > 400) {
        last = now;
        report(`building the game: ${modules} modules transformed`);
      }
      return null;
    },
    renderStart() {
      report(`building the game: ${modules} modules transformed, writing chunks`);
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

/** Already-compressed formats are stored as they are; text is deflated. */
const STORED = /\.(ogg|mp3|png|jpe?g|webp|woff2?)$/i;

export async function buildLmsPackage(o: PackageOptions, report: (line: string) => void = () => {}): Promise<BuiltPackage> {
  const assignment = await assignmentFor(o);
  report(`assignment: ${assignment.scenarioId} / ${assignment.personaId}, ${assignment.mode}, pass mark ${assignment.passMark}, ${assignment.format}`);
  const outDir = await mkdtemp(join(tmpdir(), 'walkaway-package-'));
  try {
    const { build } = await import('vite');
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      // Relative URLs: an LMS serves the package from a folder of its own choosing.
      base: './',
      logLevel: 'warn',
      define: { __WALKAWAY_ASSIGNMENT__: JSON.stringify(assignment) },
      build: { outDir, emptyOutDir: true, reportCompressedSize: false, rolldownOptions: { checks: { pluginTimings: false } } },
      plugins: [progressPlugin(report)],
    });
    const files = (await listFiles(outDir)).map((f) => relative(outDir, f).split(sep).join('/')).sort();
    const manifest = MANIFESTS[assignment.format];
    const info: PackageInfo = {
      identifier: `walkaway-${assignment.scenarioId}-${assignment.personaId}-${assignment.mode}`,
      title: assignment.scenarioTitle,
      description: `Walkaway negotiation practice (${assignment.mode}); pass mark ${assignment.passMark} out of 100.`,
      launchHref: 'index.html',
      files,
      passMark: assignment.passMark,
      mode: assignment.mode,
      activityId: assignment.activityId,
    };
    const zip: Zippable = { [manifest.name]: [new TextEncoder().encode(manifest.write(info)), { level: 9 }] };
    for (const f of files) zip[f] = [new Uint8Array(await readFile(join(outDir, f))), { level: STORED.test(f) ? 0 : 9 }];
    report(`zipping ${files.length + 1} files`);
    const bytes = zipSync(zip, { mtime: new Date('2026-01-01T00:00:00Z') });
    const out = resolve(o.out ?? `walkaway-${assignment.scenarioId}-${assignment.personaId}-${assignment.format}.zip`);
    await writeFile(out, bytes);
    return { file: out, bytes: (await stat(out)).size, assignment, entries: [manifest.name, ...files] };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

const USAGE = `usage: npm run package -- --format scorm12|scorm2004|cmi5 --scenario ID [--persona ID]
       [--mode practice|assessment] [--pass-mark N] [--out FILE] [--activity-id IRI]
       [--lrs-endpoint URL --lrs-auth "Basic ..." [--lrs-actor-home-page URL]]`;

const OPTIONS = {
  format: { type: 'string' },
  scenario: { type: 'string' },
  persona: { type: 'string' },
  mode: { type: 'string' },
  'pass-mark': { type: 'string' },
  out: { type: 'string' },
  'activity-id': { type: 'string' },
  'lrs-endpoint': { type: 'string' },
  'lrs-auth': { type: 'string' },
  'lrs-actor-home-page': { type: 'string' },
  help: { type: 'boolean' },
} as const;

async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parseNodeArgs<{ args: string[]; options: typeof OPTIONS }>>['values'];
  try {
    values = parseNodeArgs({ args: argv, options: OPTIONS }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.format || !values.scenario) {
    process.stderr.write(`--format and --scenario are required\n${USAGE}\n`);
    return 2;
  }
  const mode = values.mode;
  if (mode !== undefined && mode !== 'practice' && mode !== 'assessment') {
    process.stderr.write('--mode must be practice or assessment\n');
    return 2;
  }
  const passMark = values['pass-mark'] === undefined ? undefined : Number(values['pass-mark']);
  if (passMark !== undefined && (!Number.isInteger(passMark) || passMark < 0 || passMark > 100)) {
    process.stderr.write('--pass-mark must be a whole number from 0 to 100\n');
    return 2;
  }
  const tty = process.stderr.isTTY;
  const started = Date.now();
  const report = (line: string) => {
    const text = `[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`;
    process.stderr.write(tty ? `\r\x1b[K${text}` : `${text}\n`);
  };
  try {
    const built = await buildLmsPackage(
      {
        format: values.format as LmsFormat,
        scenario: values.scenario,
        persona: values.persona,
        mode,
        passMark,
        out: values.out,
        activityId: values['activity-id'],
        lrsEndpoint: values['lrs-endpoint'],
        lrsAuth: values['lrs-auth'],
        lrsActorHomePage: values['lrs-actor-home-page'],
      },
      report,
    );
    if (tty) process.stderr.write('\n');
    process.stdout.write(`${built.file} (${Math.round(built.bytes / 1024)} KB, ${built.entries.length} files): upload this zip to your LMS as a ${built.assignment.format} package\n`);
    return 0;
  } catch (e) {
    if (tty) process.stderr.write('\n');
    if (e instanceof PackageError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
