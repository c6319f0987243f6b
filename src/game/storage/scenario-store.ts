import type { StorageBackend } from './backend.ts';

/**
 * A scenario file a trainer or rep uploaded, kept on the device so it is in the menu after a reload.
 * Keyed by the scenario's own id: a later file with the same id replaces the earlier one.
 */
export interface StoredScenario {
  /** The scenario id written in the file. */
  id: string;
  fileName: string;
  yaml: string;
  uploadedAt: string;
}

/**
 * Storage is outside the game's control (another version, another tab, a hand edit): read values are
 * checked. Zod comes in with the engine, not in the first download: the schema is made on the first read
 * (which happens once the engine is in).
 */
function storedScenarioSchema() {
  // Zod's eval probe is off before the schema is made, whichever chunk brought Zod in.
  return import('../../web/zod-jitless.ts')
    .then(() => import('zod'))
    .then(({ z }) =>
      z.object({
        id: z.string().min(1),
        fileName: z.string(),
        yaml: z.string(),
        uploadedAt: z.string(),
      }),
    );
}
let schema: ReturnType<typeof storedScenarioSchema> | null = null;

/** The uploaded scenario files on this device, oldest upload first. */
export class ScenarioStore {
  private readonly backend: StorageBackend;

  constructor(backend: StorageBackend) {
    this.backend = backend;
  }

  get kind(): StorageBackend['kind'] {
    return this.backend.kind;
  }

  /** Every stored file that has the expected shape (anything else is skipped, never shown half-read). */
  async list(): Promise<StoredScenario[]> {
    const all = await this.backend.getAll<unknown>('scenarios');
    schema ??= storedScenarioSchema();
    const StoredScenarioSchema = await schema;
    return all
      .flatMap((raw) => {
        const parsed = StoredScenarioSchema.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id));
  }

  /** Keeps a file (replacing one with the same scenario id). Rejects when the device is full. */
  async put(file: StoredScenario): Promise<void> {
    await this.backend.putMany('scenarios', [file]);
  }

  async remove(id: string): Promise<void> {
    await this.backend.delete('scenarios', id);
  }
}
