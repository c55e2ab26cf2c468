import { describe, expect, it } from 'vitest'
import { isActiveType, securityHeaders } from './security-headers'

describe('securityHeaders', () => {
  it('sandboxes media a browser would run script in, and only those', () => {
    for (const mime of [
      'image/svg+xml',
      'text/html; charset=utf-8',
      'application/xhtml+xml',
      'text/xml',
      'application/mathml+xml'
    ])
      expect(securityHeaders('media', { mime })['content-security-policy'], mime).toMatch(/^sandbox;/)
    for (const mime of ['image/png', 'video/mp4', 'audio/mpeg', 'application/octet-stream'])
      expect(securityHeaders('media', { mime })['content-security-policy'], mime).toContain("default-src 'self'")
    expect(isActiveType('IMAGE/SVG+XML')).toBe(true)
  })

  it('sends a download as a sandboxed attachment with its Chinese name intact and a safe ASCII fallback', () => {
    const h = securityHeaders('download', { fileName: '三年级"2"班\r\n成绩.xlsx' })
    expect(h['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/)
    expect(h['content-disposition']).not.toMatch(/[\r\n]/)
    expect(h['content-disposition']).toContain(encodeURIComponent('成绩.xlsx'))
    expect(h['content-security-policy']).toMatch(/^sandbox/)
  })

  it('puts nosniff and a CSP on every kind, and forbids framing the app page', () => {
    for (const kind of ['page', 'asset', 'data', 'media', 'download'] as const) {
      const h = securityHeaders(kind)
      expect(h['x-content-type-options'], kind).toBe('nosniff')
      expect(h['content-security-policy'], kind).toContain("frame-ancestors 'none'")
    }
    expect(securityHeaders('page')['x-frame-options']).toBe('DENY')
    expect(securityHeaders('page')['content-security-policy']).not.toContain('unsafe-eval')
  })
})
