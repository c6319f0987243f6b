import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseNodeArgs } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import type { Plugin } from 'vite';
import { loadScenario, ScenarioError, formatProblem, type Scenario } from '../engine/index.ts';
import { passMarkFor, type LearningPath } from '../engine/training/index.ts';
import { AssignmentSchema, defaultActivityId, LMS_FORMATS, type Assignment, type LmsFormat } from '../lms/assignment.ts';
import { CourseSchema, launchPageFor, launchPageHtml, type Course } from '../lms/course.ts';
import type { PackageInfo, PackageUnit } from '../lms/manifest/package-info.ts';
import { scorm12Manifest } from '../lms/manifest/scorm12-manifest.ts';
import { scorm2004Manifest } from '../lms/manifest/scorm2004-manifest.ts';
import { cmi5CourseStructure } from '../lms/manifest/cmi5-course.ts';
import { readPath, resolvePath } from './path-files.ts';
import { UsageError } from './scenario-files.ts';

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

/** A learning path as one course: the path file (default: the shipped onboarding path). */
export interface CoursePackageOptions {
  format: LmsFormat;
  path?: string | undefined;
  out?: string | undefined;
  /** The course's IRI; each step's unit is this IRI followed by `/` and the step id. */
  activityId?: string | undefined;
  lrsEndpoint?: string | undefined;
  lrsAuth?: string | undefined;
  lrsActorHomePage?: string | undefined;
}

export interface BuiltPackage {
  file: string;
  bytes: number;
  format: LmsFormat;
  /** What each unit of the package plays, in the manifest's order (one for a single assignment). */
  assignments: Assignment[];
  /** The course a learning path was packaged as; null for a single assignment. */
  course: Course | null;
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

function checkFormat(format: string): void {
  if (!LMS_FORMATS.includes(format as LmsFormat)) throw new PackageError(`--format must be one of ${LMS_FORMATS.join(', ')}`);
}

/** A shipped scenario by id, loaded and validated; a PackageError names the ones that exist. */
async function shippedScenario(id: string): Promise<Scenario> {
  const file = join(ROOT, 'scenarios', `${id}.yaml`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const known = (await readdir(join(ROOT, 'scenarios'))).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    throw new PackageError(`no built-in scenario "${id}"; choose one of: ${known.join(', ')}`);
  }
  try {
    return loadScenario(text, relative(ROOT, file));
  } catch (e) {
    if (e instanceof ScenarioError) throw new PackageError(`the scenario does not load:\n${e.problems.map(formatProblem).join('\n')}`);
    throw e;
  }
}

/** The LRS options, checked: both or neither, and none for cmi5 (whose LMS brings its own LRS). */
function lrsFor(o: Pick<PackageOptions, 'format' | 'lrsEndpoint' | 'lrsAuth' | 'lrsActorHomePage'>): Assignment['lrs'] {
  const lrs =
    o.lrsEndpoint || o.lrsAuth
      ? { endpoint: o.lrsEndpoint ?? '', auth: o.lrsAuth ?? '', ...(o.lrsActorHomePage ? { actorHomePage: o.lrsActorHomePage } : {}) }
      : undefined;
  if (lrs && (!lrs.endpoint || !lrs.auth)) throw new PackageError('--lrs-endpoint and --lrs-auth go together');
  if (lrs && o.format === 'cmi5') throw new PackageError("cmi5 packages send their statements to the LMS's own LRS; --lrs-* options are for SCORM packages");
  return lrs && { ...lrs, endpoint: lrs.endpoint.endsWith('/') ? lrs.endpoint : `${lrs.endpoint}/` };
}

function parsed<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new PackageError(`${issue.path.map(String).join('.') || 'options'}: ${issue.message}`);
}

/** Checks the options against the shipped scenarios and makes the assignment the game will read. */
export async function assignmentFor(o: PackageOptions): Promise<Assignment> {
  checkFormat(o.format);
  const scenario = await shippedScenario(o.scenario);
  const persona = o.persona ? scenario.personas.find((p) => p.id === o.persona) : scenario.personas[0];
  if (!persona) throw new PackageError(`scenario "${scenario.id}" has no persona "${o.persona}"; it has: ${scenario.personas.map((p) => p.id).join(', ')}`);
  const lrs = lrsFor(o);
  return parsed(
    AssignmentSchema.safeParse({
      format: o.format,
      scenarioId: scenario.id,
      personaId: persona.id,
      scenarioTitle: `${scenario.title} (with ${persona.name})`,
      mode: o.mode ?? 'practice',
      passMark: o.passMark ?? 70,
      activityId: o.activityId ?? defaultActivityId(scenario.id, persona.id),
      ...(lrs ? { lrs } : {}),
    }),
  );
}

/**
 * Checks a learning path file (its steps must name shipped scenarios and personas) and makes the course:
 * one unit per step, each the step's scenario, persona and mode with the step's pass mark.
 */
export async function courseFor(o: CoursePackageOptions): Promise<Course> {
  checkFormat(o.format);
  let path: LearningPath;
  try {
    path = readPath(resolvePath(o.path));
  } catch (e) {
    if (e instanceof ScenarioError) throw new PackageError(`the learning path does not load:\n${e.problems.map(formatProblem).join('\n')}`);
    if (e instanceof UsageError) throw new PackageError(e.message);
    throw e;
  }
  const lrs = lrsFor(o);
  const base = (o.activityId ?? `urn:walkaway:path:${path.id}`).replace(/\/+$/, '');
  const units = [];
  for (const [i, step] of path.steps.entries()) {
    const scenario = await shippedScenario(step.scenario);
    const persona = scenario.personas.find((p) => p.id === step.persona)!;
    units.push({
      stepId: step.id,
      launchPage: launchPageFor(i, step.id),
      description: `${step.concept.text} Pass mark ${passMarkFor(step, scenario)} out of 100 (${step.mode}).`,
      assignment: {
        format: o.format,
        scenarioId: scenario.id,
        personaId: persona.id,
        scenarioTitle: `${i + 1}. ${step.concept.title}: ${scenario.title} (with ${persona.name})`,
        mode: step.mode,
        passMark: passMarkFor(step, scenario),
        activityId: `${base}/${step.id}`,
        ...(lrs ? { lrs } : {}),
      },
    });
  }
  return parsed(CourseSchema.safeParse({ kind: 'course', format: o.format, pathId: path.id, courseId: base, title: path.title, units }));
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

/** A unit of the manifest for one assignment, launched from `launchHref`. */
function unitOf(a: Assignment, key: string, launchHref: string, mustPass: boolean, description?: string): PackageUnit {
  return {
    key,
    title: a.scenarioTitle,
    description: description ?? `Walkaway negotiation practice (${a.mode}); pass mark ${a.passMark} out of 100.`,
    launchHref,
    passMark: a.passMark,
    mode: a.mode,
    activityId: a.activityId,
    mustPass,
  };
}

/** One assignment as a package with one unit: the game's own page is its launch page. */
export async function buildLmsPackage(o: PackageOptions, report: (line: string) => void = () => {}): Promise<BuiltPackage> {
  const assignment = await assignmentFor(o);
  report(`assignment: ${assignment.scenarioId} / ${assignment.personaId}, ${assignment.mode}, pass mark ${assignment.passMark}, ${assignment.format}`);
  const identifier = `walkaway-${assignment.scenarioId}-${assignment.personaId}-${assignment.mode}`;
  return buildPackage({
    define: assignment,
    format: assignment.format,
    out: o.out ?? `walkaway-${assignment.scenarioId}-${assignment.personaId}-${assignment.format}.zip`,
    launchPages: [],
    info: (files) => ({
      identifier,
      title: assignment.scenarioTitle,
      description: `Walkaway negotiation practice (${assignment.mode}); pass mark ${assignment.passMark} out of 100.`,
      courseId: `${assignment.activityId}/course`,
      files,
      units: [unitOf(assignment, identifier, 'index.html', assignment.mode === 'assessment')],
    }),
    assignments: [assignment],
    course: null,
    report,
  });
}

/**
 * A learning path as one course: one build of the game, one launch page per step (the game's page
 * naming the step), one unit per step in the manifest. A path's steps unlock when the one before is
 * passed, so in cmi5 every unit waits for a pass.
 */
export async function buildCoursePackage(o: CoursePackageOptions, report: (line: string) => void = () => {}): Promise<BuiltPackage> {
  const course = await courseFor(o);
  report(`course: ${course.title} (${course.pathId}), ${course.units.length} steps, ${course.format}`);
  return buildPackage({
    define: course,
    format: course.format,
    out: o.out ?? `walkaway-path-${course.pathId}-${course.format}.zip`,
    launchPages: course.units.map((u) => ({ file: u.launchPage, stepId: u.stepId })),
    info: (files) => ({
      identifier: `walkaway-path-${course.pathId}`,
      title: course.title,
      description: `A Walkaway learning path of ${course.units.length} negotiations, each unit passed at its own pass mark.`,
      courseId: course.courseId,
      files,
      units: course.units.map((u) => unitOf(u.assignment, u.stepId, u.launchPage, true, u.description)),
    }),
    assignments: course.units.map((u) => u.assignment),
    course,
    report,
  });
}

interface BuildPlan {
  /** What the built game reads at start (__WALKAWAY_ASSIGNMENT__). */
  define: Assignment | Course;
  format: LmsFormat;
  out: string;
  /** Copies of the game's page, each naming a course step. */
  launchPages: { file: string; stepId: string }[];
  info: (files: string[]) => PackageInfo;
  assignments: Assignment[];
  course: Course | null;
  report: (line: string) => void;
}

async function buildPackage(plan: BuildPlan): Promise<BuiltPackage> {
  const { report } = plan;
  const outDir = await mkdtemp(join(tmpdir(), 'walkaway-package-'));
  try {
    const { build } = await import('vite');
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      // Relative URLs: an LMS serves the package from a folder of its own choosing.
      base: './',
      logLevel: 'warn',
      define: { __WALKAWAY_ASSIGNMENT__: JSON.stringify(plan.define) },
      build: { outDir, emptyOutDir: true, reportCompressedSize: false, rolldownOptions: { checks: { pluginTimings: false } } },
      plugins: [progressPlugin(report)],
    });
    if (plan.launchPages.length) {
      const page = await readFile(join(outDir, 'index.html'), 'utf8');
      for (const p of plan.launchPages) await writeFile(join(outDir, p.file), launchPageHtml(page, p.stepId));
    }
    const files = (await listFiles(outDir)).map((f) => relative(outDir, f).split(sep).join('/')).sort();
    const manifest = MANIFESTS[plan.format];
    const zip: Zippable = { [manifest.name]: [new TextEncoder().encode(manifest.write(plan.info(files))), { level: 9 }] };
    for (const f of files) zip[f] = [new Uint8Array(await readFile(join(outDir, f))), { level: STORED.test(f) ? 0 : 9 }];
    report(`zipping ${files.length + 1} files`);
    const bytes = zipSync(zip, { mtime: new Date('2026-01-01T00:00:00Z') });
    const out = resolve(plan.out);
    await writeFile(out, bytes);
    return {
      file: out,
      bytes: (await stat(out)).size,
      format: plan.format,
      assignments: plan.assignments,
      course: plan.course,
      entries: [manifest.name, ...files],
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

const USAGE = `usage: npm run package -- --format scorm12|scorm2004|cmi5 --scenario ID [--persona ID]
       [--mode practice|assessment] [--pass-mark N] [--out FILE] [--activity-id IRI]
       [--lrs-endpoint URL --lrs-auth "Basic ..." [--lrs-actor-home-page URL]]
   or: npm run package -- --format scorm12|scorm2004|cmi5 --path [PATH_FILE] [--out FILE]
       [--activity-id IRI] [--lrs-...]   (a learning path as one course; default: the shipped path)`;

const OPTIONS = {
  format: { type: 'string' },
  scenario: { type: 'string' },
  path: { type: 'string' },
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

/** `--path` may come without a file (the shipped path): it is given an empty value for the parser. */
function withPathValue(argv: string[]): string[] {
  return argv.flatMap((arg, i) => (arg === '--path' && (i === argv.length - 1 || argv[i + 1]!.startsWith('--')) ? [arg, ''] : [arg]));
}

async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parseNodeArgs<{ args: string[]; options: typeof OPTIONS }>>['values'];
  try {
    values = parseNodeArgs({ args: withPathValue(argv), options: OPTIONS }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const asCourse = values.path !== undefined;
  if (!values.format || (!values.scenario && !asCourse)) {
    process.stderr.write(`--format and --scenario (or --path) are required\n${USAGE}\n`);
    return 2;
  }
  if (asCourse && (values.scenario || values.persona || values.mode || values['pass-mark'])) {
    process.stderr.write(
      "--path takes each step's scenario, persona, mode and pass mark from the path file: leave out --scenario, --persona, --mode and --pass-mark\n",
    );
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
  const shared = {
    format: values.format as LmsFormat,
    out: values.out,
    activityId: values['activity-id'],
    lrsEndpoint: values['lrs-endpoint'],
    lrsAuth: values['lrs-auth'],
    lrsActorHomePage: values['lrs-actor-home-page'],
  };
  try {
    const built = asCourse
      ? await buildCoursePackage({ ...shared, path: values.path || undefined }, report)
      : await buildLmsPackage({ ...shared, scenario: values.scenario!, persona: values.persona, mode, passMark }, report);
    if (tty) process.stderr.write('\n');
    const units = built.course ? `, ${built.course.units.length} units` : '';
    process.stdout.write(
      `${built.file} (${Math.round(built.bytes / 1024)} KB, ${built.entries.length} files${units}): upload this zip to your LMS as a ${built.format} package\n`,
    );
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
