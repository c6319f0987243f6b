import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignmentFor, courseFor, PackageError } from '../../src/cli/package.ts';

const root = new URL('../../', import.meta.url).pathname;

/** The package command's checks, before any build: what an L&D admin sees when an option is wrong. */
describe('npm run package: the assignment', () => {
  it('defaults to the first persona, practice, a pass mark of 70 and a stable activity id', async () => {
    const a = await assignmentFor({ format: 'scorm12', scenario: 'renewal' });
    expect(a).toMatchObject({ format: 'scorm12', scenarioId: 'renewal', mode: 'practice', passMark: 70 });
    expect(a.activityId).toBe(`urn:walkaway:assignment:renewal:${a.personaId}`);
    expect(a.scenarioTitle).toContain('(with ');
    expect(a.lrs).toBeUndefined();
  });

  it('refuses an unknown scenario or persona, naming the ones that exist', async () => {
    await expect(assignmentFor({ format: 'cmi5', scenario: 'nope' })).rejects.toThrow(/no built-in scenario "nope"; choose one of: .*renewal/);
    await expect(assignmentFor({ format: 'cmi5', scenario: 'renewal', persona: 'nobody' })).rejects.toThrow(/no persona "nobody"; it has: /);
  });

  it('checks the LRS options: both or neither, and a real address', async () => {
    await expect(assignmentFor({ format: 'scorm12', scenario: 'tutorial', lrsEndpoint: 'https://lrs.example.com/xapi' })).rejects.toThrow(PackageError);
    await expect(assignmentFor({ format: 'scorm12', scenario: 'tutorial', lrsEndpoint: 'not a url', lrsAuth: 'Basic x' })).rejects.toThrow(/lrs.endpoint/);
    const a = await assignmentFor({ format: 'scorm12', scenario: 'tutorial', lrsEndpoint: 'https://lrs.example.com/xapi', lrsAuth: 'Basic eDp5' });
    expect(a.lrs).toEqual({ endpoint: 'https://lrs.example.com/xapi/', auth: 'Basic eDp5' });
    // A cmi5 package reports to the LMS's own LRS.
    await expect(assignmentFor({ format: 'cmi5', scenario: 'tutorial', lrsEndpoint: 'https://lrs.example.com/xapi', lrsAuth: 'Basic eDp5' })).rejects.toThrow(
      /cmi5 packages send their statements to the LMS/,
    );
  });

  it('--path: the shipped learning path as one course, one unit per step with its scenario, persona, mode and pass mark', async () => {
    const course = await courseFor({ format: 'scorm2004' });
    expect(course).toMatchObject({ kind: 'course', format: 'scorm2004', pathId: 'onboarding', courseId: 'urn:walkaway:path:onboarding' });
    expect(course.units).toHaveLength(10);
    expect(course.units[0]).toMatchObject({
      stepId: 'what-is-a-batna',
      launchPage: 'step-01-what-is-a-batna.html',
      description: expect.stringMatching(/Pass mark 60 out of 100 \(coach\)\.$/),
      assignment: {
        scenarioId: 'tutorial',
        personaId: 'friendly-manager',
        mode: 'coach',
        passMark: 60,
        activityId: 'urn:walkaway:path:onboarding/what-is-a-batna',
      },
    });
    // A step without a pass mark of its own takes the scenario's (or the default); assessed steps keep theirs.
    expect(course.units.map((u) => u.assignment.mode).slice(-2)).toEqual(['assessment', 'assessment']);
    expect(course.units.map((u) => u.assignment.passMark).slice(-2)).toEqual([65, 65]);
    expect(new Set(course.units.map((u) => u.launchPage)).size).toBe(10);
    expect(new Set(course.units.map((u) => u.assignment.activityId)).size).toBe(10);
    expect(course.units[0]!.assignment.scenarioTitle).toMatch(/^1\. Your walk-away is your power: .* \(with /);
  });

  it('--path FILE: a path of its own, with the LRS options; a broken path is refused with its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'walkaway-package-path-'));
    try {
      const file = join(dir, 'team.yaml');
      writeFileSync(
        file,
        [
          'format: 1',
          'kind: learning-path',
          'id: team',
          'title: Our team',
          'steps:',
          '  - id: one',
          '    scenario: renewal',
          '    persona: returning-vp',
          '    mode: assessment',
          '    passMark: 75',
          '    concept: { title: Hold the line, text: Trade rather than give. }',
          '',
        ].join('\n'),
      );
      const course = await courseFor({
        format: 'scorm12',
        path: file,
        activityId: 'https://lms.example.com/courses/team/',
        lrsEndpoint: 'https://lrs.example.com/xapi',
        lrsAuth: 'Basic eDp5',
      });
      expect(course.courseId).toBe('https://lms.example.com/courses/team');
      expect(course.units).toEqual([
        expect.objectContaining({
          stepId: 'one',
          assignment: expect.objectContaining({
            mode: 'assessment',
            passMark: 75,
            activityId: 'https://lms.example.com/courses/team/one',
            lrs: { endpoint: 'https://lrs.example.com/xapi/', auth: 'Basic eDp5' },
          }),
        }),
      ]);
      writeFileSync(
        file,
        [
          'format: 1',
          'kind: learning-path',
          'id: team',
          'title: Our team',
          'steps:',
          '  - id: one',
          '    scenario: renewal',
          '    persona: nobody',
          '    mode: practice',
          '    concept: { title: T, text: X }',
          '',
        ].join('\n'),
      );
      await expect(courseFor({ format: 'cmi5', path: file })).rejects.toThrow(
        /the learning path does not load:\n.*team\.yaml:8:\d+ +steps\[1\]\.persona +scenario "renewal" has no persona "nobody"/,
      );
      await expect(courseFor({ format: 'cmi5', path: join(dir, 'missing.yaml') })).rejects.toThrow(/no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the command explains bad options without building', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/package.ts', ...args], { cwd: root, encoding: 'utf8' });
    const noFormat = run('--scenario', 'renewal');
    expect(noFormat.status).toBe(2);
    expect(noFormat.stderr).toMatch(/--format and --scenario \(or --path\) are required/);
    const pathAndScenario = run('--format', 'scorm12', '--path', '--scenario', 'renewal');
    expect(pathAndScenario.status).toBe(2);
    expect(pathAndScenario.stderr).toMatch(/--path takes each step's scenario, persona, mode and pass mark from the path file/);
    const badMark = run('--format', 'scorm12', '--scenario', 'renewal', '--pass-mark', '120');
    expect(badMark.status).toBe(2);
    expect(badMark.stderr).toMatch(/--pass-mark must be a whole number from 0 to 100/);
    const badFormat = run('--format', 'aicc', '--scenario', 'renewal');
    expect(badFormat.status).toBe(1);
    expect(badFormat.stderr).toMatch(/--format must be one of scorm12, scorm2004, cmi5/);
  }, 60_000);
});
