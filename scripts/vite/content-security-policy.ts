import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META, LMS_PACKAGE_POLICY_META } from '../../src/web/content-security-policy.ts';

const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;

/**
 * Puts the Content-Security-Policy into the built page as a `<meta>`, so it holds on any static host.
 * Build only: the dev server's hot reload injects inline scripts and styles that the policy forbids.
 * It goes right after the charset declaration, ahead of every script and stylesheet it must govern.
 * An LMS package build (an assignment defined) gets the package's policy, which can reach the LRS.
 */
export function contentSecurityPolicy(): Plugin {
  let policy = CONTENT_SECURITY_POLICY_META;
  return {
    name: 'walkaway:content-security-policy',
    apply: 'build',
    configResolved(config) {
      const assignment = config.define?.['__WALKAWAY_ASSIGNMENT__'];
      if (assignment !== undefined && assignment !== 'null') policy = LMS_PACKAGE_POLICY_META;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        if (!CHARSET.test(html)) throw new Error('index.html needs <meta charset> before the Content-Security-Policy');
        return html.replace(CHARSET, (charset) => `${charset}\n    ${meta}`);
      },
    },
  };
}
