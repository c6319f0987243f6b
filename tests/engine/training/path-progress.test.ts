import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../../../src/engine/index.ts';
import { countedAssessment, pathProgress, RESULT_VERSION, verdictOf, type LearningPath, type RecordEntry } from '../../../src/engine/training/index.ts';

const path: LearningPath = {
  format: 1,
  kind: 'learning-path',
  id: 'p',
  title: 'P',
  steps: [
    { id: 'one', scenario: 'tutorial', persona: 'sam', mode: 'coach', concept: { title: 'a', text: 'b' } },
    { id: 'two', scenario: 'deal', persona: 'dana', mode: 'practice', passMark: 70, concept: { title: 'a', text: 'b' } },
    { id: 'three', scenario: 'deal', persona: 'marc', mode: 'assessment', concept: { title: 'a', text: 'b' } },
  ],
};

let n = 0;
function game(scenarioId: string, personaId: string, mode: RecordEntry['attempt']['mode'], total: number): RecordEntry {
  n++;
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, total])) as RecordEntry['summary']['dimensions'];
  return {
    id: n.toString(16).padStart(24, '0'),
    attempt: { format: 1, scenarioId, fingerprint: '0'.repeat(64), personaId, seed: 1, mode, moves: [] },
    summary: { outcome: 'deal', total, grade: 'C', dimensions, antiPatterns: [{ id: 'concession-without-trade', turn: 4 }] },
    summaryVersion: RESULT_VERSION,
    playedAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
  };
}
const marks = (id: string) => (id === 'deal' ? 75 : undefined);
const statuses = (entries: RecordEntry[]) => pathProgress(path, entries, marks).map((s) => s.status);

describe('learning path progress', () => {
  it('a new rep sees the first step current and the rest locked', () => {
    expect(statuses([])).toEqual(['current', 'locked', 'locked']);
  });

  it('the second step unlocks only once the first is passed (pass mark from the scenario, else 60)', () => {
    expect(statuses([game('tutorial', 'sam', 'coach', 55)])).toEqual(['current', 'locked', 'locked']);
    expect(statuses([game('tutorial', 'sam', 'coach', 62)])).toEqual(['done', 'current', 'locked']);
  });

  it("a practice step is not passed by a coach game, and the step's own pass mark beats the scenario's", () => {
    const base = [game('tutorial', 'sam', 'coach', 90)];
    expect(statuses([...base, game('deal', 'dana', 'coach', 95)])).toEqual(['done', 'current', 'locked']);
    expect(statuses([...base, game('deal', 'dana', 'practice', 72)])).toEqual(['done', 'done', 'current']);
  });

  it('assessment: the first finished game counts; a fail needs practice before the next sitting', () => {
    const base = [game('tutorial', 'sam', 'coach', 90), game('deal', 'dana', 'practice', 80)];
    const fail = game('deal', 'marc', 'assessment', 60);
    const luckyRetake = game('deal', 'marc', 'assessment', 95);
    expect(statuses([...base, fail, luckyRetake])).toEqual(['done', 'done', 'current']);
    expect(pathProgress(path, [...base, fail, luckyRetake], marks)[2]!.assessed).toEqual({ total: 60, passed: false });
    const practised = game('deal', 'marc', 'practice', 70);
    const sitting = game('deal', 'marc', 'assessment', 80);
    expect(statuses([...base, fail, luckyRetake, practised, sitting])).toEqual(['done', 'done', 'done']);
    expect(countedAssessment([fail, luckyRetake, practised, sitting], 75)?.id).toBe(sitting.id);
  });

  it('the debrief verdict says passed or not and why', () => {
    const g = game('deal', 'marc', 'assessment', 60);
    g.summary.dimensions.discovery = 20;
    const v = verdictOf(g.summary, 75);
    expect(v.passed).toBe(false);
    expect(v.why).toBe(
      'Not passed: 60 out of 100 is 15 short of the pass mark of 75; the weakest part was discovery (20%); it cost you: gave without getting.',
    );
    expect(verdictOf({ ...g.summary, total: 80 }, 75)).toEqual({ passed: true, passMark: 75, why: 'Passed: 80 out of 100 against a pass mark of 75.' });
  });
});
