/**
 * A small typed XML writer for the package manifests: elements are data, every attribute value and text
 * is escaped on the way out, so a scenario title with `&` or `<` cannot break a manifest.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string | number | boolean | undefined>;
  children: (XmlElement | string)[];
}

export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: (XmlElement | string | null | undefined | false)[]): XmlElement {
  return { name, attrs, children: children.filter((c): c is XmlElement | string => c !== null && c !== undefined && c !== false) };
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text and attribute values; characters XML 1.0 forbids (control characters) are dropped. */
export function escapeXml(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]!);
}

/** The document with its XML declaration, indented two spaces; text-only elements stay on one line. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;
}

function render(node: XmlElement, indent: string): string {
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (node.children.length === 0) return `${indent}<${node.name}${attrs}/>`;
  if (node.children.every((c) => typeof c === 'string')) {
    return `${indent}<${node.name}${attrs}>${node.children.map((c) => escapeXml(c as string)).join('')}</${node.name}>`;
  }
  const inner = node.children.map((c) => (typeof c === 'string' ? `${indent}  ${escapeXml(c)}` : render(c, `${indent}  `))).join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}
