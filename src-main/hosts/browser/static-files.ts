/** Serves the built renderer with the app's security headers; nothing outside the root is reachable. */
import { createReadStream, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { decodePathPart, sendText } from '../../security/http-guard'
import { securityHeaders } from '../../security/security-headers'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.wasm': 'application/wasm',
  '.mjs.map': 'application/json'
}

/**
 * A file of the built renderer. Scripts, styles, fonts and pictures are served to anyone who
 * passed the Host check: they are the same build output for every teacher and hold no data.
 * HTML documents need the launch cookie (`admitted`): without it a tab on the bare address
 * says how to get in, instead of showing an app that cannot connect.
 */
export function serveStatic(
  root: string,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
  opts: { admitted: boolean }
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...securityHeaders('data'), allow: 'GET, HEAD', 'content-length': 0 }).end()
    return
  }
  let rel = decodePathPart(url.pathname)
  if (rel === null || rel.includes('\0')) {
    sendText(res, 400, '请求地址格式错误', 'Malformed request target')
    return
  }
  if (rel.endsWith('/')) rel += 'index.html'
  const file = normalize(join(root, rel))
  if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) {
    sendText(res, 403, '拒绝访问', 'Forbidden')
    return
  }
  let size: number
  try {
    const st = statSync(file)
    if (!st.isFile()) throw new Error('not a file')
    size = st.size
  } catch {
    sendText(res, 404, '404 未找到', 'Not found')
    return
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  const page = type.startsWith('text/html')
  if (page && !opts.admitted) {
    res.writeHead(403, { ...securityHeaders('page'), 'content-type': 'text/html; charset=utf-8' })
    res.end(NOT_ADMITTED_PAGE)
    return
  }
  res.writeHead(200, {
    ...securityHeaders(page ? 'page' : 'asset'),
    'content-type': type,
    'content-length': size,
    'cache-control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  pipeline(createReadStream(file), res).catch(() => res.destroy())
}

const NOT_ADMITTED_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>ClassDeck 教学助手</title>
<body style="font-family:sans-serif;font-size:20px;line-height:1.6;max-width:640px;margin:80px auto;padding:0 16px;color:#1f2933">
<h1 style="font-size:28px">请用启动时显示的网址打开 ClassDeck</h1>
<p>为了保护课堂数据，ClassDeck 每次启动都会在终端里显示一个带 <code>?k=</code> 的网址，例如
<code>http://127.0.0.1:5730/?k=…</code>。请复制那个网址到浏览器打开。</p>
<p lang="en">To protect class data, ClassDeck prints an address with <code>?k=</code> each time it starts
(for example <code>http://127.0.0.1:5730/?k=…</code>). Open that address in this browser.</p>
</body></html>
`
