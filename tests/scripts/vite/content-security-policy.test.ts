import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from 'vite';
import { contentSecurityPolicy } from '../../../scripts/vite/content-security-policy.ts';

/** Runs the plugin as a build would: config resolved with `define`, then the page transformed. */
function builtPage(define: Record<string, string>): string {
  const plugin = contentSecurityPolicy();
  (plugin.configResolved as (c: ResolvedConfig) => void)({ define } as unknown as ResolvedConfig);
  const transform = plugin.transformIndexHtml as { handler: (html: string) => string };
  return transform.handler('<!doctype html><head><meta charset="utf-8" /><script type="module" src="/x.js"></script></head>');
}

const policyOf = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

describe('Content-Security-Policy in the built pages', () => {
  it('puts the strict policy first thing after the charset in the published game', () => {
    const html = builtPage({ __WALKAWAY_ASSIGNMENT__: 'null' });
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    // Scripts, styles and everything else from our origin; fetches also to a learning record store.
    expect(policyOf(html)).toContain("connect-src 'self' https: http://127.0.0.1:*;");
    expect(policyOf(html)).toContain("default-src 'self';");
    expect(policyOf(html)).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('lets an LMS package send results to an LRS elsewhere, and nothing else looser', () => {
    const policy = policyOf(builtPage({ __WALKAWAY_ASSIGNMENT__: JSON.stringify({ scenarioId: 'tutorial' }) }));
    expect(policy).toContain("connect-src 'self' https: http:");
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/unsafe-(eval|inline)/);
  });
});
