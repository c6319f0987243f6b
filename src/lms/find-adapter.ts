import type { Assignment } from './assignment.ts';
import type { LmsAdapter } from './adapter.ts';
import { Scorm12Adapter } from './scorm12.ts';
import { Scorm2004Adapter } from './scorm2004.ts';

/**
 * The adapter for the package's standard when the page runs inside an LMS of that standard; else null.
 * The cmi5 adapter (with its xAPI and HTTP libraries) loads only for cmi5 packages.
 */
export async function findAdapter(a: Assignment): Promise<LmsAdapter | null> {
  switch (a.format) {
    case 'scorm12':
      return Scorm12Adapter.find(a.mode);
    case 'scorm2004':
      return Scorm2004Adapter.find(a.mode);
    case 'cmi5': {
      const { Cmi5Adapter } = await import('./cmi5.ts');
      return Cmi5Adapter.find({
        activityId: a.activityId,
        title: a.scenarioTitle,
        scenarioId: a.scenarioId,
        personaId: a.personaId,
        newId: () => crypto.randomUUID(),
      });
    }
  }
}
