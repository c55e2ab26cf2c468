/**
 * The security headers of every response ClassDeck serves to its own page, in both hosts (the
 * browser host's HTTP server and Electron's app:// protocol use the same function, so they
 * cannot drift apart).
 *
 * - `page`: the teacher app's HTML: the app CSP, and no framing.
 * - `asset`: the app's scripts, styles, fonts and icons: the app CSP too (it applies only if the
 *   file is ever opened as a document, and then it is the right policy).
 * - `data`: JSON answers and refusals: the app CSP, never cached.
 * - `media`: a teacher's own pictures, audio and video. Passive types get the app CSP; an active
 *   type (SVG, HTML, XML: anything a browser would run script in when opened directly) gets
 *   `sandbox`, so opening `/media/<hash>.svg` runs its script in an opaque origin, not ours.
 * - `download`: an exported file: sandboxed like active media and always `attachment`.
 *
 * Every kind is `nosniff`, so a browser never upgrades a passive file to an active one by
 * guessing from its bytes.
 */
import { contentSecurityPolicy } from './csp'

export type SecurityKind = 'page' | 'asset' | 'data' | 'media' | 'download'

/** Nothing may load and no script may run; a sandboxed document has an opaque origin. */
export const SANDBOX_CSP =
  "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'"

const ACTIVE =
  /^(image\/svg\+xml|text\/html|application\/xhtml\+xml|text\/xml|application\/xml|[a-z]+\/[a-z0-9.+-]*\+xml)\b/i

/** Types a browser renders as a document that can run script when the file is opened directly. */
export function isActiveType(mime: string): boolean {
  return ACTIVE.test(mime.trim())
}

/**
 * The headers for one response. `mime` says what a `media` response carries (an active type is
 * sandboxed); `fileName` names a `download` in `Content-Disposition`.
 */
export function securityHeaders(
  kind: SecurityKind,
  opts: { mime?: string; fileName?: string } = {}
): Record<string, string> {
  const base: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin'
  }
  switch (kind) {
    case 'page':
      return {
        ...base,
        'content-security-policy': contentSecurityPolicy(),
        'x-frame-options': 'DENY',
        'cross-origin-opener-policy': 'same-origin'
      }
    case 'asset':
      return { ...base, 'content-security-policy': contentSecurityPolicy() }
    case 'data':
      return { ...base, 'content-security-policy': contentSecurityPolicy(), 'cache-control': 'no-store' }
    case 'media':
      return {
        ...base,
        'content-security-policy': opts.mime && isActiveType(opts.mime) ? SANDBOX_CSP : contentSecurityPolicy()
      }
    case 'download': {
      const name = opts.fileName ?? 'download'
      // The ASCII fallback keeps only safe characters; filename* carries the real (often Chinese) name.
      const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
      return {
        ...base,
        'content-security-policy': SANDBOX_CSP,
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'no-store'
      }
    }
  }
}
