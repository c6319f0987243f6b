import Phaser from 'phaser';

/**
 * The baseline of scripts/bench-browser.ts: the same custom Phaser build and game settings as Walkaway
 * (WebGL, 1280x720, scaled to fit), one empty scene, and a mark when its create() runs. Walkaway's
 * time to an interactive menu is compared with this page's time to create().
 */
class BareScene extends Phaser.Scene {
  create(): void {
    this.add.text(40, 40, 'bare', { fontFamily: 'sans-serif', fontSize: '24px' });
    performance.mark('bare:create');
  }
}

// Where the bare page's time goes, beside the game's own marks (src/game/main.ts, boot-scene.ts).
performance.mark('bare:script-start');
new Phaser.Game({
  type: Phaser.WEBGL,
  parent: 'game',
  width: 1280,
  height: 720,
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  audio: { noAudio: true },
  banner: false,
  preserveDrawingBuffer: true,
  // As the game (src/game/phaser-game.ts): a transparent canvas over the page's backdrop, no multisampling.
  transparent: true,
  render: { antialiasGL: false },
  scene: [BareScene],
});
