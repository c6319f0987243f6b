import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// The portrait draws with Phaser; its look is plain data and is tested without a canvas.
vi.mock('phaser', () => ({ default: { GameObjects: { Graphics: class {} } } }));
const { lookHash, lookOf } = await import('../../../src/game/ui/portrait.ts');
const { loadScenario } = await import('../../../src/engine/index.ts');

describe('portrait looks', () => {
  it('gives every persona of the shipped scenarios a face of its own', () => {
    const personas = readdirSync('scenarios')
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => loadScenario(readFileSync(`scenarios/${f}`, 'utf8'), f).personas);
    expect(personas.length).toBeGreaterThanOrEqual(10);
    const faces = personas.map((p) => {
      const l = lookOf(lookHash(`${p.id}/${p.name}`));
      // What tells two faces apart at a glance: skin, hair colour and style, clothes, glasses.
      return [l.skin, l.hair, l.style, l.suit, l.glasses].join();
    });
    expect(new Set(faces).size).toBe(personas.length);
  });
});
