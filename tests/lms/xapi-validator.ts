import * as validation from '@learninglocker/xapi-validation';

/**
 * Learning Locker's xAPI statement validator (a maintained library; it implements the xAPI 1.0.3
 * statement rules). Returns its warnings: none means the statement is valid. The package is CommonJS
 * with a default export, which arrives nested under some loaders.
 */
type Validate = (statement: unknown) => { message?: string; path?: unknown }[];
const mod = validation as unknown as { default: Validate | { default: Validate } };
const validate: Validate = typeof mod.default === 'function' ? mod.default : mod.default.default;

export function xapiProblems(statement: unknown): string[] {
  try {
    return validate(statement).map((w) => JSON.stringify(w));
  } catch (e) {
    return [(e as Error).message];
  }
}
