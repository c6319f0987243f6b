import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { assignmentFor, PackageError } from '../../src/cli/package.ts';

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
    await expect(assignmentFor({ format: 'cmi5', scenario: 'tutorial', lrsEndpoint: 'https://lrs.example.com/xapi', lrsAuth: 'Basic eDp5' })).rejects.toThrow(/cmi5 packages send their statements to the LMS/);
  });

  it('the command explains bad options without building', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/package.ts', ...args], { cwd: root, encoding: 'utf8' });
    const noFormat = run('--scenario', 'renewal');
    expect(noFormat.status).toBe(2);
    expect(noFormat.stderr).toMatch(/--format and --scenario are required/);
    const badMark = run('--format', 'scorm12', '--scenario', 'renewal', '--pass-mark', '120');
    expect(badMark.status).toBe(2);
    expect(badMark.stderr).toMatch(/--pass-mark must be a whole number from 0 to 100/);
    const badFormat = run('--format', 'aicc', '--scenario', 'renewal');
    expect(badFormat.status).toBe(1);
    expect(badFormat.stderr).toMatch(/--format must be one of scorm12, scorm2004, cmi5/);
  }, 60_000);
});
