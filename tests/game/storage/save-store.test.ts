import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileScenario, loadScenario, replayAttempt, Session } from '../../../src/engine/index.ts';
import { clearSaveSlot, readSaveSlot, SAVE_KEY, SET_ASIDE_KEY, setSaveAside, writeSaveSlot } from '../../../src/game/storage/save-store.ts';
import { MemoryStorage } from '../memory-storage.ts';

const yaml = readFileSync(new URL('../../fixtures/browser-mini.yaml', import.meta.url), 'utf8');

describe('save slot', () => {
  it('is empty until something is saved', () => {
    expect(readSaveSlot(new MemoryStorage())).toEqual({ kind: 'empty' });
  });

  it("round-trips a game's attempt record with its scenario source, and replaying it restores the same negotiation", () => {
    const storage = new MemoryStorage();
    const scenario = loadScenario(yaml, 'browser-mini.yaml');
    const session = Session.create(scenario, 'pat', 3);
    session.choose('build-pipeline');
    writeSaveSlot({ source: { kind: 'custom', fileName: 'browser-mini.yaml', yaml }, attempt: session.attempt(), savedAt: 'now' }, storage);
    const read = readSaveSlot(storage);
    expect(read.kind).toBe('found');
    if (read.kind !== 'found') return;
    expect(read.game.source).toEqual({ kind: 'custom', fileName: 'browser-mini.yaml', yaml });
    const restored = replayAttempt(compileScenario(loadScenario(read.game.source.kind === 'custom' ? read.game.source.yaml : '', 'x.yaml')), read.game.attempt);
    expect(restored.snapshot()).toEqual(session.snapshot());
  });

  it('reports unreadable JSON and a save without a scenario instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVE_KEY, '{"source":');
    expect(readSaveSlot(storage)).toEqual({ kind: 'unreadable', reason: 'the saved game is not valid JSON' });
    storage.setItem(SAVE_KEY, JSON.stringify({ save: {} }));
    expect(readSaveSlot(storage).kind).toBe('unreadable');
    storage.setItem(SAVE_KEY, JSON.stringify({ source: { kind: 'builtin', id: 'x' } }));
    expect(readSaveSlot(storage)).toEqual({ kind: 'unreadable', reason: 'the saved game has no negotiation in it' });
    storage.setItem(SAVE_KEY, 'null');
    expect(readSaveSlot(storage).kind).toBe('unreadable');
  });

  it('sets a bad record aside instead of destroying it, and empties the slot', () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVE_KEY, '{"bad":true}');
    setSaveAside(storage);
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    expect(storage.getItem(SET_ASIDE_KEY)).toBe('{"bad":true}');
  });

  it('clears the slot', () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVE_KEY, '{}');
    clearSaveSlot(storage);
    expect(storage.getItem(SAVE_KEY)).toBeNull();
  });
});
