import Phaser from 'phaser';
import type { GameApp } from './app.ts';
import { useOneQuadProgram } from './one-quad-program.ts';
import { LazyScenes } from './lazy-scenes.ts';
import { RenderOnChange } from './render-on-change.ts';
import { BootScene } from './scenes/boot-scene.ts';
import { MenuScene } from './scenes/menu-scene.ts';
import { PreloadScene } from './scenes/preload-scene.ts';
import { PathScene } from './scenes/path-scene.ts';
import { showBackdrop } from './ui/backdrop.ts';
import { GAME_HEIGHT, GAME_WIDTH } from './ui/theme.ts';
import { installLeanTextCreation } from './ui/lean-text.ts';
import { installFontMetricsCache } from './ui/text-metrics.ts';
import { installLinearWordWrap } from './ui/wrap-text.ts';

/** Creates the Phaser game: WebGL, a 1280x720 stage scaled to fit the window (a phone in landscape too). */
export function createGame(app: GameApp): Phaser.Game {
  installLinearWordWrap(Phaser.GameObjects.Text);
  installFontMetricsCache(Phaser.GameObjects.TextStyle);
  installLeanTextCreation({ factory: Phaser.GameObjects.GameObjectFactory, text: Phaser.GameObjects.Text, renderer: Phaser.Renderer.WebGL.WebGLRenderer });
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent: 'game',
    width: GAME_WIDTH,
    height: GAME_HEIGHT,
    // The page paints the background and the room under a transparent canvas (ui/backdrop.ts): the
    // game's frames fill only what lies over them.
    transparent: true,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // Keyboard focus belongs to the accessibility layer's buttons; Phaser only listens.
    input: { keyboard: true, mouse: true, touch: true },
    // Howler (through the SoundBoard) plays the sound; Phaser's own audio stays off.
    audio: { noAudio: true },
    banner: false,
    // Keep the last frame's pixels: while a line types out, only its box is redrawn (RenderOnChange).
    preserveDrawingBuffer: true,
    // No multisampling: in software WebGL it made every whole frame about four times as expensive.
    // SmoothGraphics feathers the edges of the shapes instead (src/game/ui/smooth-graphics.ts).
    render: { antialiasGL: false },
    // The screens a page opens on; the rest load once the first screen is up (lazy-scenes.ts).
    scene: [new BootScene(app), new PreloadScene(app), new PathScene(app), new MenuScene(app)],
  });
  app.scenes = new LazyScenes(game, app);
  useOneQuadProgram(game);
  // Loading screens animate a progress bar from a promise: keep drawing until the menu is up.
  new RenderOnChange(game, {
    canSleep: () => app.scene !== 'boot' && app.scene !== 'preload',
    watch: document.body,
    beforeWholeFrame: () => showBackdrop(game),
  });
  return game;
}
