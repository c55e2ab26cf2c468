/**
 * Where a platform may be: https anywhere, plain http only on this computer (the reference
 * platform, a developer's server). A teacher's password and tokens never cross a network in clear.
 */

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h)
}

/** An http(s) URL that is https, or http on a loopback address. */
export function isAllowedPlatformUrl(url: string): boolean {
  try {
    const u = new URL(url)
    if (u.username || u.password) return false
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname))
  } catch {
    return false
  }
}

export const PLATFORM_URL_RULE = {
  zh: '平台地址必须以 https:// 开头（只有本机地址 127.0.0.1 / localhost 可以用 http://），且不能含用户名或密码',
  en: 'The platform address must start with https:// (only this computer, 127.0.0.1 / localhost, may use http://) and must not contain a user name or password'
} as const
