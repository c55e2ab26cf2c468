/**
 * Which address students reach the teacher's machine on, and a port to listen on.
 */
import { networkInterfaces } from 'node:os'
import type { Server as HttpServer } from 'node:http'
import type { NetInterface } from '../../../src-shared/contract/classroom'
import { AppError } from '../../../src-shared/errors'

/** IPv4 interfaces, LAN ones first (students cannot reach a loopback address). */
export function listInterfaces(): NetInterface[] {
  const out: NetInterface[] = []
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.family === 'IPv4') out.push({ name, address: a.address, internal: a.internal })
    }
  }
  return out.sort((a, b) => Number(a.internal) - Number(b.internal))
}

/** The host to bind: the one asked for (it must be one of ours), else the first LAN address. */
export function chooseHost(requested: string | undefined, ifaces: readonly NetInterface[]): string {
  if (requested) {
    if (requested === '0.0.0.0' || ifaces.some((i) => i.address === requested)) return requested
    throw new AppError(
      'NOT_FOUND',
      `本机没有地址为 ${requested} 的网络接口，请在列表中重新选择网络`,
      `No network interface has the address ${requested}; choose one from the list`,
      { requested, available: ifaces.map((i) => i.address) }
    )
  }
  const lan = ifaces.find((i) => !i.internal)
  return lan?.address ?? '127.0.0.1'
}

/**
 * Listen on `port`, or on the next ones if taken (up to 20 tries), or finally on any free
 * port the OS gives. Returns the port actually bound.
 */
export async function listenOnFreePort(server: HttpServer, host: string, port: number): Promise<number> {
  const tries = port === 0 ? [0] : [...Array.from({ length: 20 }, (_, i) => port + i).filter((p) => p <= 65535), 0]
  let lastErr: unknown
  for (const p of tries) {
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (err: Error): void => {
          server.off('listening', onListening)
          reject(err)
        }
        const onListening = (): void => {
          server.off('error', onError)
          resolve()
        }
        server.once('error', onError)
        server.once('listening', onListening)
        server.listen(p, host)
      })
      const addr = server.address()
      if (addr && typeof addr === 'object') return addr.port
      return p
    } catch (err) {
      lastErr = err
      const code = (err as NodeJS.ErrnoException).code
      if (code !== 'EADDRINUSE' && code !== 'EACCES') break
    }
  }
  const msg = lastErr instanceof Error ? lastErr.message : String(lastErr)
  throw new AppError(
    'UNAVAILABLE',
    `无法在 ${host} 上启动课堂服务（${msg}）。请换一个网络接口或端口后重试`,
    `Cannot start the classroom server on ${host} (${msg}). Choose another interface or port`,
    { host, port }
  )
}

/** The URL students open: the bound address, or the first LAN address when bound to all. */
export function joinUrl(host: string, port: number, ifaces: readonly NetInterface[]): string {
  const shown = host === '0.0.0.0' ? (ifaces.find((i) => !i.internal)?.address ?? '127.0.0.1') : host
  return `http://${shown}:${port}/`
}
