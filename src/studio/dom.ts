/**
 * Builds an element: properties (className, type, onclick...) and attributes (aria-*, data-*, role,
 * scope) in one object, children as nodes or text. Text is always set as text, never parsed as HTML, so
 * whatever a scenario file says is shown as written.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.includes('-') || k === 'role' || k === 'scope' || k === 'for') node.setAttribute(k, String(v));
    else (node as unknown as Record<string, unknown>)[k] = v;
  }
  node.append(...children);
  return node;
}
