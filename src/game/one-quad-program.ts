import type Phaser from 'phaser';

/**
 * Draws every batch of textured quads (the texts, the portraits' images) with one shader program.
 *
 * Phaser compiles a program per number of textures a batch binds (1 to the renderer's maximum, 16
 * here), the first time a batch needs that number. Without a GPU each new program costs a compile and
 * link in the browser's GPU process, which the next frame waits for: the debrief, whose batches bound
 * counts no earlier screen had, drew its first frame in 60-200 ms, most of it two new programs. Every
 * batch now uses the program for the maximum, compiled once with the first screen: it picks each quad's
 * texture the same way (a quad samples only its own), so every pixel comes out the same.
 */
export function useOneQuadProgram(game: Phaser.Game): void {
  const install = (): boolean => {
    const renderer = game.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer> | null;
    const handler = renderer?.renderNodes?.getNode('BatchHandlerQuad') as Phaser.Renderer.WebGL.RenderNodes.BatchHandlerQuad | null | undefined;
    if (!handler || typeof handler.finalizeTextureCount !== 'function') return false;
    const finalize = handler.finalizeTextureCount;
    handler.finalizeTextureCount = function (this: Phaser.Renderer.WebGL.RenderNodes.BatchHandlerQuad) {
      finalize.call(this, this.maxTexturesPerBatch);
    };
    return true;
  };
  // The renderer's nodes exist once the game is ready (Phaser.Core.Events.READY: the custom build
  // leaves the Core events out), before its first frame.
  if (!install()) game.events.once('ready', install);
}
