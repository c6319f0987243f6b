import type { GameApp } from '../app.ts';
import type { BaseScene } from './base-scene.ts';
import { BriefingScene } from './briefing-scene.ts';
import { DebriefScene } from './debrief-scene.ts';
import { NegotiationScene } from './negotiation-scene.ts';
import { PreparationScene } from './preparation-scene.ts';
import { ProgressScene } from './progress-scene.ts';
import { RewatchScene } from './rewatch-scene.ts';
import { SavesScene } from './saves-scene.ts';

/**
 * The screens after the first: one chunk, fetched once the first screen is up (or at once by a page that
 * opens on one of them, see src/game/lazy-scenes.ts), so their code is not parsed before the first screen.
 */
export function laterScenes(app: GameApp): BaseScene[] {
  return [
    new SavesScene(app),
    new ProgressScene(app),
    new BriefingScene(app),
    new PreparationScene(app),
    new NegotiationScene(app),
    new DebriefScene(app),
    new RewatchScene(app),
  ];
}
