import type Phaser from 'phaser';

type TextFactory = (this: Phaser.GameObjects.GameObjectFactory, ...args: unknown[]) => Phaser.GameObjects.Text;

/**
 * Makes `scene.add.text` draw a new text once, the way it will look, instead of once per setting.
 * Phaser's Text constructor draws its canvas and uploads it to the GPU when it sets the text, then again
 * for each of padding, line spacing and letter spacing given in the style; before that it uploads a
 * blank 1x1 texture for its canvas and deletes it at once. On a screen of forty texts built as the game
 * starts, those uploads are a good part of the time to the first screen (each is a copy of the canvas
 * into the renderer, slow in software WebGL). While the factory builds a text, its redraws wait and
 * no placeholder texture is made; the text is drawn once when it is complete, with the same settings
 * in the same order, so it looks the same. Called once, before the game starts.
 */
export function installLeanTextCreation(phaser: {
  factory: typeof Phaser.GameObjects.GameObjectFactory;
  text: typeof Phaser.GameObjects.Text;
  renderer: typeof Phaser.Renderer.WebGL.WebGLRenderer;
}): void {
  let building = 0;
  const factoryProto = phaser.factory.prototype as unknown as { text: TextFactory };
  const textProto = phaser.text.prototype as unknown as { updateText(this: Phaser.GameObjects.Text): Phaser.GameObjects.Text };
  const rendererProto = phaser.renderer.prototype as unknown as { createCanvasTexture(...args: unknown[]): unknown };
  const addText = factoryProto.text;
  const updateText = textProto.updateText;
  const createCanvasTexture = rendererProto.createCanvasTexture;
  factoryProto.text = function (...args) {
    building++;
    let text: Phaser.GameObjects.Text;
    try {
      text = addText.apply(this, args);
    } finally {
      building--;
    }
    return updateText.call(text);
  };
  textProto.updateText = function () {
    return building ? this : updateText.call(this);
  };
  // The Text constructor deletes its canvas's first texture at once (its first draw makes the real one);
  // it accepts none.
  rendererProto.createCanvasTexture = function (...args) {
    return building ? null : createCanvasTexture.apply(this, args);
  };
}
