import { z } from 'zod';
import type { LrsConfig } from '../assignment.ts';

/**
 * The learning record store an L&D admin or a rep enters in the app's settings: the LRS's xAPI
 * endpoint and the key and secret it issued. Kept on this device; statements then go through the
 * offline outbox as they do for a package configured with an LRS.
 */

/** https anywhere; plain http only to this machine (an LRS for trying things out, or a test). */
function allowedEndpoint(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

export const LrsSettingsSchema = z
  .object({
    endpoint: z
      .string()
      .trim()
      .min(1, 'Enter the address of your learning record store')
      .refine((v) => URL.canParse(v), 'That is not a web address (it starts with https://)')
      .refine(allowedEndpoint, 'The address must start with https:// (or http://127.0.0.1 for a store on this computer)')
      .transform((v) => (v.endsWith('/') ? v : `${v}/`)),
    key: z
      .string()
      .trim()
      .min(1, 'Enter the key your learning record store gave you')
      .max(500, 'The key is too long')
      .refine((v) => !v.includes(':'), 'A key cannot contain a colon (:)'),
    secret: z.string().min(1, 'Enter the secret that goes with the key').max(500, 'The secret is too long'),
  })
  .strict();
export type LrsSettings = z.output<typeof LrsSettingsSchema>;

/** The first problem with what was entered, in words for the form; null when all is well. */
export function lrsSettingsProblem(input: unknown): { field: keyof LrsSettings | null; message: string } | null {
  const parsed = LrsSettingsSchema.safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const field = issue.path[0];
  return { field: field === 'endpoint' || field === 'key' || field === 'secret' ? field : null, message: issue.message };
}

/** HTTP Basic credentials from key and secret (UTF-8, as RFC 7617 allows). */
export function basicAuth(key: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${key}:${secret}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

export function lrsConfigOf(s: LrsSettings): LrsConfig {
  return { endpoint: s.endpoint, auth: basicAuth(s.key, s.secret) };
}

/** The outbox of statements for this LRS: statements made for one store never go to another. */
export function outboxNameFor(s: LrsSettings): string {
  return `walkaway-xapi:${s.endpoint}`;
}

const KEY = 'walkaway.lrs';

export function loadLrsSettings(storage: Storage = localStorage): LrsSettings | null {
  try {
    const parsed = LrsSettingsSchema.safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Saves the settings; false when this browser keeps nothing (private mode, full quota). */
export function storeLrsSettings(s: LrsSettings, storage: Storage = localStorage): boolean {
  try {
    storage.setItem(KEY, JSON.stringify(s));
    return true;
  } catch {
    return false;
  }
}

export function clearLrsSettings(storage: Storage = localStorage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}

const AboutSchema = z.object({ version: z.array(z.string()).min(1) }).loose();

/** What testing the connection found: the xAPI versions the LRS speaks, or why it could not be reached. */
export type ConnectionTest = { ok: true; versions: string[] } | { ok: false; message: string };

/**
 * Asks the LRS for its About resource (GET endpoint/about, which every conformant LRS answers) with the
 * credentials, as the statements will be sent. A store that answers 401 or 403 refused the key and secret.
 */
export async function testLrsConnection(s: LrsSettings, fetchFn: typeof fetch = fetch, timeoutMs = 10_000): Promise<ConnectionTest> {
  let response: Response;
  try {
    response = await fetchFn(new URL('about', s.endpoint), {
      headers: { 'X-Experience-API-Version': '1.0.3', Authorization: basicAuth(s.key, s.secret), Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const timedOut = (e as Error).name === 'TimeoutError';
    return {
      ok: false,
      message: timedOut
        ? 'The learning record store did not answer within 10 seconds.'
        : 'The learning record store could not be reached: check the address and your connection.',
    };
  }
  if (response.status === 401 || response.status === 403)
    return { ok: false, message: `The learning record store refused the key and secret (HTTP ${response.status}).` };
  if (!response.ok) return { ok: false, message: `The learning record store answered HTTP ${response.status}: check the address (it usually ends in /xapi/).` };
  let about: unknown;
  try {
    about = await response.json();
  } catch {
    about = null;
  }
  const parsed = AboutSchema.safeParse(about);
  if (!parsed.success) return { ok: false, message: 'That address answered, but not as an xAPI learning record store: check the address.' };
  return { ok: true, versions: parsed.data.version };
}
