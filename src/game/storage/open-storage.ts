import { LocalStorageBackend, MemoryBackend, type StorageBackend } from './backend.ts';
import { IdbBackend } from './idb-backend.ts';

/** How long to wait for IndexedDB before falling back (a blocked open can hang for ever). */
const OPEN_TIMEOUT_MS = 2500;

export interface OpenedStorage {
  backend: StorageBackend;
  /** What the rep should know when storage is not the real thing (shown once as a notice). */
  notice: string | null;
}

/**
 * Opens the best storage this browser allows: IndexedDB, else localStorage, else memory. Never throws:
 * the game plays on whatever it gets and says what will not be kept. `?storage=local|memory` forces a
 * fallback (tests, and reps whose browser misbehaves).
 */
export async function openStorage(force = new URLSearchParams(location.search).get('storage')): Promise<OpenedStorage> {
  if (force !== 'local' && force !== 'memory') {
    try {
      return { backend: await withTimeout(IdbBackend.open(), OPEN_TIMEOUT_MS), notice: null };
    } catch {
      // Private mode, disabled storage or a blocked upgrade: fall through to localStorage.
    }
  }
  if (force !== 'memory') {
    try {
      const probe = 'walkaway.db.probe';
      localStorage.setItem(probe, '1');
      localStorage.removeItem(probe);
      return {
        backend: new LocalStorageBackend(localStorage),
        notice:
          force === 'local'
            ? null
            : 'This browser would not open its database (private mode?). Your games are kept in a smaller store instead; export your record now and then.',
      };
    } catch {
      // No storage at all.
    }
  }
  return {
    backend: new MemoryBackend(),
    notice: 'This browser keeps no storage for this page (private mode?). You can play, but your games and record will be gone when you close it.',
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timed out')), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
