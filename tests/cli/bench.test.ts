import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

describe('walkaway bench', () => {
  it('prints negotiations per second and scenario load time as figures', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/walkaway.js'), 'bench', '--quick'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/load\+validate\+compile all \d+ scenarios: [\d.]+ ms/);
    expect(r.stdout).toMatch(/enterprise-deal: [\d,]+ negotiations\/s \(machine table with transcript.*[\d,]+\/s \(score only\)/);
    expect(r.stdout).toMatch(/replaying a 20-move attempt to its scored result: median [\d.]+ ms \(CPU time [\d.]+ ms each; \d+ bytes of JSON\)/);
    expect(r.stdout).toMatch(
      /re-verifying a \d+-attempt workshop room by replay \(enterprise-deal, [\d.]+ moves each\): \d+ ms on one core \(CPU time \d+ ms\)/,
    );
  }, 120_000);
});
