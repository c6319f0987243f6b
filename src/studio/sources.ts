import templateText from './template.yaml?raw';

/**
 * Where a scenario text comes from: the shipped scenario files (their YAML text, loaded on demand so the
 * page starts light), the worked-example template, or a file of the trainer's own.
 */
const SHIPPED = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

export interface SourceChoice {
  /** Value of the "open" list: `shipped:<file>` or `template`. */
  value: string;
  label: string;
}

export const TEMPLATE_FILE = 'my-deal.yaml';

export function sourceChoices(): SourceChoice[] {
  const shipped = Object.keys(SHIPPED)
    .sort()
    .map((path) => ({ value: `shipped:${path}`, label: `Shipped: ${path.replace(/^\/scenarios\//, '')}` }));
  return [{ value: 'template', label: 'New, from the template' }, ...shipped];
}

/** The text and file name of a choice from `sourceChoices()`. */
export async function openSource(value: string): Promise<{ text: string; fileName: string }> {
  if (value === 'template') return { text: templateText, fileName: TEMPLATE_FILE };
  const path = value.replace(/^shipped:/, '');
  const load = SHIPPED[path];
  if (!load) throw new Error(`no shipped scenario ${path}`);
  return { text: await load(), fileName: path.replace(/^\/scenarios\//, '') };
}
