// First, before any schema exists (see src/web/zod-jitless.ts).
import '../../web/zod-jitless.ts';
import { z } from 'zod';
import type { GameApp } from '../app.ts';
import { PREVIEW_PARAM } from './studio-preview-param.ts';

export { PREVIEW_PARAM };

/** The message the game in the studio's frame sends its page once the studio's text is selected. */
export const PREVIEW_READY = 'walkaway:studio-preview-ready';

/**
 * The scenario studio's "play this persona": the studio puts the text in the editor into this tab's
 * sessionStorage and opens the game with `?studio-preview` in a frame; the game loads that text as an
 * uploaded file and selects the persona. The text never leaves the browser.
 */
const KEY = 'walkaway:studio-preview';

const PreviewSchema = z.object({
  yaml: z.string().max(1_000_000),
  fileName: z.string().max(200),
  personaId: z.string().max(64),
});
export type StudioPreview = z.infer<typeof PreviewSchema>;

export function writeStudioPreview(preview: StudioPreview, storage: Storage = sessionStorage): void {
  storage.setItem(KEY, JSON.stringify(preview));
}

/** The preview handed over, when the page was opened for one and it is readable. */
export function readStudioPreview(search: string, storage: Storage): StudioPreview | null {
  if (!new URLSearchParams(search).has(PREVIEW_PARAM)) return null;
  try {
    const parsed = PreviewSchema.safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Once the built-in scenarios are ready, loads the studio's text, selects its persona and opens the menu. */
export function applyStudioPreview(app: GameApp): void {
  let preview: StudioPreview | null = null;
  try {
    preview = readStudioPreview(location.search, sessionStorage);
  } catch {
    // Storage can be switched off; the game then opens as usual.
  }
  if (!preview) return;
  const { yaml, fileName, personaId } = preview;
  // The menu, where the file and persona are selected (a new player would otherwise land on the path).
  app.startScene = 'menu';
  void app.loading.done
    .then(async () => {
      // A draft to try, not an upload: it is listed for this page only.
      const entry = await app.upload(yaml, fileName, { keep: false });
      if (!entry) return;
      if (entry.scenario.personas.some((p) => p.id === personaId)) app.catalog.select(entry, personaId);
    })
    .finally(() => {
      // Until now the menu shows the default scenario: the studio covers the frame until it hears this.
      if (window.parent !== window) window.parent.postMessage({ kind: PREVIEW_READY }, location.origin);
    });
}
