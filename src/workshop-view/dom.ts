/** Builds DOM from text only: no HTML string is ever parsed here, so a rep's name can never become markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  o: { text?: string; cls?: string; testid?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (o.text !== undefined) node.textContent = o.text;
  if (o.cls) node.className = o.cls;
  if (o.testid) node.dataset['testid'] = o.testid;
  for (const [k, v] of Object.entries(o.attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}
