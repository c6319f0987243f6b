import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { compileScenario, loadScenario, Session } from '../../../src/engine/index.ts';
import {
  checkEntry,
  entryFor,
  exportRecord,
  parseRecordFile,
  progressSummary,
  RESULT_VERSION,
  scoreEntry,
  trustedEntry,
  type StoredEntry,
} from '../../../src/engine/training/index.ts';
import { compiledShipped } from '../../helpers.ts';
import { weekOfPractice } from '../../practice-week.ts';

/**
 * The practice record's cached summaries: only a summary this version of the engine made, and whole,
 * is used; anything else (older, damaged, from a file) is scored again by replay before it counts.
 */
const week = weekOfPractice(20);

describe('which cached summaries count', () => {
  it('a game finished here counts as played', () => {
    for (const e of week) expect(trustedEntry(e)).toBe(e);
  });

  it('a summary made by another version of the scoring is set aside, and replay gives the score as played now', () => {
    const played = week[7]!;
    const older: StoredEntry = { ...played, summaryVersion: RESULT_VERSION - 1, summary: { ...played.summary, total: 99, grade: 'A' } };
    expect(trustedEntry(older)).toBeNull();
    const rescored = scoreEntry(compiledShipped(played.attempt.scenarioId), older)!;
    expect(rescored.summary).toEqual(played.summary);
    expect(rescored.summaryVersion).toBe(RESULT_VERSION);
  });

  it('a damaged summary is never used, whatever part of it is damaged', () => {
    const e = week[3]!;
    const damaged: unknown[] = [
      null,
      'a score',
      { ...e.summary, total: Number.NaN },
      { ...e.summary, total: 140 },
      { ...e.summary, grade: 'A+' },
      { ...e.summary, outcome: 'won' },
      { ...e.summary, dimensions: { ...e.summary.dimensions, discovery: undefined } },
      { ...e.summary, dimensions: { ...e.summary.dimensions, value: -3 } },
      { ...e.summary, antiPatterns: [{ id: 'made-up-habit', turn: 2 }] },
      { ...e.summary, antiPatterns: 'none' },
    ];
    for (const summary of damaged) expect(trustedEntry({ ...e, summary })).toBeNull();
    expect(trustedEntry({ ...e, summaryVersion: undefined })).toBeNull();
    // Scored again by replay, it counts with the score it was played with.
    expect(scoreEntry(compiledShipped(e.attempt.scenarioId), { ...e, summary: null })).toEqual(e);
  });

  it('a game whose scenario has changed since is not scored on the new scenario: it keeps the score it was played with, and says why it cannot be re-watched', () => {
    const e = week.find((x) => x.attempt.scenarioId === 'renewal')!;
    const original = compiledShipped('renewal');
    const edited = compileScenario({ ...original.scenario, title: `${original.scenario.title} (edited)` });
    expect(edited.fingerprint).not.toBe(e.attempt.fingerprint);
    expect(scoreEntry(edited, { ...e, summary: undefined })).toBeNull();
    expect(trustedEntry(e)).toBe(e);
    expect(checkEntry(edited, e)).toEqual({ kind: 'stale', reason: 'the scenario has changed since this game was played' });
  });
});

describe('a record file', () => {
  it('without summaries imports to the same progress as the games played here', () => {
    const file = JSON.parse(exportRecord(week, '2026-11-30T08:00:00.000Z'));
    for (const e of file.entries) {
      delete e.summary;
      delete e.summaryVersion;
    }
    const imported = parseRecordFile(JSON.stringify(file));
    expect(imported.every((e) => trustedEntry(e) === null)).toBe(true);
    const scored = imported.map((e) => scoreEntry(compiledShipped(e.attempt.scenarioId), e)!);
    expect(scored).toEqual(week);
    expect(progressSummary(scored)).toEqual(progressSummary(week));
  });

  it('with a flattering summary gets the score its choices earn', () => {
    const file = JSON.parse(exportRecord(week.slice(0, 3), '2026-11-30T08:00:00.000Z'));
    file.entries[1].summary.total = 100;
    file.entries[1].summary.grade = 'A';
    const [, forged] = parseRecordFile(JSON.stringify(file));
    expect(scoreEntry(compiledShipped(forged!.attempt.scenarioId), forged!)!.summary.total).toBe(week[1]!.summary.total);
  });
});

describe('RESULT_VERSION', () => {
  it('still describes how results are scored: a fixed set of games on a frozen scenario gives the summaries it was set for', () => {
    // tests/fixtures/result-version.yaml is a frozen copy of a shipped scenario, so only a change in
    // the engine moves these summaries. If this fails, scoring changed: cached summaries made before
    // are wrong now. Bump RESULT_VERSION (src/engine/training/record-trust.ts), then update the digest.
    const compiled = compileScenario(loadScenario(readFileSync(new URL('../../fixtures/result-version.yaml', import.meta.url), 'utf8'), 'result-version.yaml'));
    const summaries = [];
    for (const persona of compiled.scenario.personas) {
      for (let seed = 1; seed <= 4; seed++) {
        const s = Session.create(compiled, persona.id, seed, 'practice');
        for (let turn = 0; !s.isOver() && turn < 60; turn++) {
          const choices = s.snapshot().choices;
          s.choose(choices[(seed * 7 + turn * 3) % choices.length]!.id);
        }
        summaries.push(entryFor(s, '2026-11-30T08:00:00.000Z').summary);
      }
    }
    expect(summaries.length).toBeGreaterThan(8);
    // Different games, different results: the digest pins more than one outcome.
    expect(new Set(summaries.map((s) => s.total)).size).toBeGreaterThan(3);
    expect(RESULT_VERSION).toBe(1);
    expect(bytesToHex(sha256(utf8ToBytes(JSON.stringify(summaries))))).toBe('2a2aa704ada97dec135ce8ecc755daa578117da0b72f280d5e5821990ce0d126');
  });
});
