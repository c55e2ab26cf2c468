/**
 * `classdeck serve` / `npm run serve`: start the browser host and print its URL.
 * Flags: --port N (0 = any free port), --host ADDR, --data-dir DIR, --static DIR.
 */
import { resolve } from 'node:path'
import { startBrowserHost } from './browser-host'
import { defaultDataDir } from '../../util/data-dir'

export interface ServeArgs {
  port: number
  host: string
  dataDir: string
  staticDir: string
}

export function parseServeArgs(argv: readonly string[], defaults: { staticDir: string }): ServeArgs {
  const args: ServeArgs = { port: 5730, host: '127.0.0.1', dataDir: defaultDataDir(), staticDir: defaults.staticDir }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2)
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined) throw new Error(`${flag} 需要一个值 / ${flag} needs a value`)
      return v
    }
    switch (flag) {
      case '--port': {
        const n = Number(value())
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`端口无效 / invalid port: ${n}`)
        args.port = n
        break
      }
      case '--host':
        args.host = value()
        break
      case '--data-dir':
        args.dataDir = resolve(value())
        break
      case '--static':
        args.staticDir = resolve(value())
        break
      default:
        throw new Error(`未知参数 / unknown flag: ${flag}`)
    }
  }
  return args
}

export async function serveMain(argv: readonly string[], opts: { staticDir: string; version: string }): Promise<void> {
  const args = parseServeArgs(argv, { staticDir: opts.staticDir })
  const host = await startBrowserHost({ ...args, version: opts.version })
  // Tests and tools wait for this exact line (as VS Code's server prints "Web UI available at").
  console.log(`ClassDeck browser host listening at ${host.url}`)
  console.log(`数据目录 / data folder: ${args.dataDir}`)
  const stop = (): void => {
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
