import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { NoticeBoard } from '../../../src/game/a11y/notice-board.ts';
import { entryOf } from '../../../src/game/scenario/catalog.ts';
import { ScenarioCatalog } from '../../../src/game/services/scenario-catalog.ts';
import { MemoryBackend, type StoreName } from '../../../src/game/storage/backend.ts';
import { ScenarioStore } from '../../../src/game/storage/scenario-store.ts';
import type { SyncTopic, TabSync } from '../../../src/game/storage/tab-sync.ts';
import { loadScenario } from '../../../src/engine/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

/** What the rep would read: the last notice and the last list of problems. */
function noticeBoard() {
  const seen = { notice: '', problems: [] as string[] };
  const board = {
    show: (m: string) => (seen.notice = m),
    showProblems: (name: string, lines: readonly string[]) => (seen.problems = [name, ...lines]),
    clearProblems: () => (seen.problems = []),
  } as unknown as NoticeBoard;
  return { board, seen };
}

/** Two tabs of one browser: what one announces, the other hears. */
function tabPair(): [TabSync, TabSync] {
  const listeners: [Set<(t: SyncTopic) => void>, Set<(t: SyncTopic) => void>] = [new Set(), new Set()];
  const tab = (mine: number): TabSync =>
    ({
      announce: (topic: SyncTopic) => {
        for (const l of listeners[1 - mine]!) l(topic);
      },
      onChange: (l: (t: SyncTopic) => void) => {
        listeners[mine]!.add(l);
        return () => listeners[mine]!.delete(l);
      },
    }) as unknown as TabSync;
  return [tab(0), tab(1)];
}

async function catalogOn(backend: MemoryBackend, sync: TabSync | null = null) {
  const { board, seen } = noticeBoard();
  const catalog = new ScenarioCatalog(board, sync);
  await catalog.attach(new ScenarioStore(backend));
  // Stored uploads are read with the engine (after the first screen), not at start-up.
  await catalog.whenPlayable();
  return { catalog, seen };
}

/** Lets writes started without waiting (an upload's save, a removal) finish. */
const settle = () => new Promise((r) => setTimeout(r, 10));

const titles = (c: ScenarioCatalog) => c.uploads.map((e) => e.scenario.title);

describe('the scenario catalog with uploads', () => {
  it('keeps several uploads, lists them in a fresh page, and a file with the same id replaces the earlier one', async () => {
    const device = new MemoryBackend();
    const first = await catalogOn(device);
    await first.catalog.upload(fixture('browser-mini.yaml'), 'mini.yaml');
    await first.catalog.upload(fixture('guide-example.yaml'), 'guide.yaml');
    expect(titles(first.catalog)).toEqual(['Analytics renewal (test fixture)', 'The fleet-tracking discount']);
    await first.catalog.upload(fixture('browser-mini.yaml').replace('title: Analytics renewal (test fixture)', 'title: Second draft'), 'mini-v2.yaml');
    expect(first.seen.notice).toContain('replaces your earlier upload with the same id, "Analytics renewal (test fixture)" from mini.yaml');
    expect(titles(first.catalog)).toEqual(['The fleet-tracking discount', 'Second draft']);
    await settle();

    const reloaded = await catalogOn(device);
    expect(titles(reloaded.catalog)).toEqual(['The fleet-tracking discount', 'Second draft']);
    expect(reloaded.catalog.entries.slice(0, 4).every((e) => e.source.kind === 'builtin')).toBe(true);
  });

  it("keeps a file reusing a built-in's id apart from the built-in, after a reload too", async () => {
    const device = new MemoryBackend();
    const { catalog, seen } = await catalogOn(device);
    await catalog.upload(fixture('browser-mini.yaml').replace(/^id: .*$/m, 'id: renewal'), 'my-renewal.yaml');
    expect(seen.notice).toContain('is a built-in scenario');
    await settle();
    const reloaded = await catalogOn(device);
    expect(reloaded.catalog.entries.filter((e) => e.scenario.id === 'renewal').map((e) => e.id)).toEqual(['renewal', 'renewal-yours']);
    expect(reloaded.catalog.byScenarioId('renewal')!.source.kind).toBe('builtin');
  });

  it('lists kept uploads only once the engine is in: the menu first shows the built-in cards alone', async () => {
    const device = new MemoryBackend();
    await (await catalogOn(device)).catalog.upload(fixture('browser-mini.yaml'), 'mini.yaml');
    await settle();
    const catalog = new ScenarioCatalog(noticeBoard().board, null);
    await catalog.attach(new ScenarioStore(device));
    expect(catalog.isPlayable).toBe(false);
    expect(catalog.entries.every((e) => e.source.kind === 'builtin')).toBe(true);
    let changes = 0;
    catalog.onChange(() => changes++);
    await catalog.whenPlayable();
    expect(titles(catalog)).toEqual(['Analytics renewal (test fixture)']);
    expect(catalog.entries.at(-1)!.scenario.title).toBe('Analytics renewal (test fixture)');
    expect(changes).toBe(1);
  });

  it('removes an upload from the menu and the device; the selection moves to a scenario still there', async () => {
    const device = new MemoryBackend();
    const { catalog, seen } = await catalogOn(device);
    const mini = (await catalog.upload(fixture('browser-mini.yaml'), 'mini.yaml'))!;
    expect(catalog.selection?.entryId).toBe(mini.id);
    await settle();
    await catalog.remove(mini.id);
    expect(seen.notice).toContain('Games you played on it stay in your record');
    expect(catalog.byScenarioId('browser-mini')).toBeUndefined();
    expect(catalog.find(catalog.selection!.entryId)).toBeDefined();
    expect(titles((await catalogOn(device)).catalog)).toEqual([]);
  });

  it("another tab's uploads and removals show up without a reload", async () => {
    const device = new MemoryBackend();
    const [syncA, syncB] = tabPair();
    const a = await catalogOn(device, syncA);
    const b = await catalogOn(device, syncB);
    let changes = 0;
    b.catalog.onChange(() => changes++);
    const mini = (await a.catalog.upload(fixture('browser-mini.yaml'), 'mini.yaml'))!;
    await settle();
    expect(titles(b.catalog)).toEqual(['Analytics renewal (test fixture)']);
    await a.catalog.remove(mini.id);
    await settle();
    expect(titles(b.catalog)).toEqual([]);
    expect(changes).toBe(2);
  });

  it('a full device: the upload plays on this page, the rep is told it will not be kept, and it stays listed', async () => {
    const device = new (class extends MemoryBackend {
      override async putMany(store: StoreName, values: readonly { id: string }[]): Promise<void> {
        if (store === 'scenarios') throw new DOMException('full', 'QuotaExceededError');
        return super.putMany(store, values);
      }
    })();
    const { catalog, seen } = await catalogOn(device);
    await catalog.upload(fixture('browser-mini.yaml'), 'mini.yaml');
    await settle();
    expect(seen.notice).toContain('out of storage: mini.yaml plays on this page');
    expect(titles(catalog)).toEqual(['Analytics renewal (test fixture)']);
  });

  it("a saved game's own copy of a removed upload is listed for the page, and the same file is not listed twice", async () => {
    const device = new MemoryBackend();
    const { catalog } = await catalogOn(device);
    const yaml = fixture('browser-mini.yaml');
    const saved = entryOf(loadScenario(yaml, 'mini.yaml'), { kind: 'custom', fileName: 'mini.yaml', yaml });
    const adopted = catalog.adopt(saved);
    expect(catalog.find(adopted.id)).toBe(adopted);
    expect(catalog.adopt(saved)).toBe(adopted);
    expect(titles(catalog)).toEqual(['Analytics renewal (test fixture)']);
  });

  it('an LMS assignment offers its one scenario: kept uploads are not listed, nor those another tab adds later', async () => {
    const device = new MemoryBackend();
    const [syncA, syncB] = tabPair();
    const a = await catalogOn(device, syncA);
    await a.catalog.upload(fixture('browser-mini.yaml'), 'mini.yaml');
    await settle();
    const lms = await catalogOn(device, syncB);
    expect(titles(lms.catalog)).toEqual(['Analytics renewal (test fixture)']);
    const assigned = lms.catalog.builtIns.find((e) => e.id === 'renewal')!;
    lms.catalog.offerOnly(assigned);
    await a.catalog.upload(fixture('guide-example.yaml'), 'guide.yaml');
    await settle();
    expect(lms.catalog.entries.map((e) => e.id)).toEqual(['renewal']);
  });
});
