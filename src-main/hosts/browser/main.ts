/**
 * `classdeck serve` / `npm run serve`: start the browser host and print its launch URL (the
 * address with this launch's secret, see ./access.ts); `--open` also opens it in the system
 * browser. Flags: --port N (0 = any free port), --host ADDR, --data-dir DIR, --static DIR, --open.
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { startBrowserHost, type BrowserHost } from './browser-host'
import { defaultDataDir } from '../../util/data-dir'
import { installProcessGuards } from '../../security/process-guards'

export interface ServeArgs {
  port: number
  host: string
  dataDir: string
  staticDir: string
  open: boolean
}

export function parseServeArgs(argv: readonly string[], defaults: { staticDir: string }): ServeArgs {
  const args: ServeArgs = {
    port: 5730,
    host: '127.0.0.1',
    dataDir: defaultDataDir(),
    staticDir: defaults.staticDir,
    open: false
  }
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
      case '--open':
        args.open = true
        break
      default:
        throw new Error(`未知参数 / unknown flag: ${flag}`)
    }
  }
  return args
}

export async function serveMain(
  argv: readonly string[],
  opts: { staticDir: string; version: string; clock?: () => Date }
): Promise<BrowserHost> {
  const args = parseServeArgs(argv, { staticDir: opts.staticDir })
  const host = await startBrowserHost({ ...args, version: opts.version, ...(opts.clock ? { clock: opts.clock } : {}) })
  // Only once listening: a failure to start (port taken) must still end the process.
  installProcessGuards()
  // Tests and tools wait for this exact line (as VS Code's server prints "Web UI available at");
  // the URL carries this launch's secret, without which the page cannot reach its data.
  console.log(`ClassDeck browser host listening at ${host.launchUrl}`)
  console.log(`请在浏览器中打开上面的网址（每次启动都不同） / open the address above in a browser (new at each start)`)
  console.log(`数据目录 / data folder: ${args.dataDir}`)
  if (args.open) openInBrowser(host.launchUrl)
  const stop = (): void => {
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return host
}

/** The system browser, where there is one; the printed URL is the fallback. */
function openInBrowser(url: string): void {
  const [cmd, ...cmdArgs] =
    process.platform === 'win32'
      ? ['cmd', '/c', 'start', '""', url.replace(/&/g, '^&')]
      : process.platform === 'darwin'
        ? ['open', url]
        : ['xdg-open', url]
  try {
    const child = spawn(cmd!, cmdArgs, { stdio: 'ignore', detached: true })
    child.on('error', () =>
      console.log('未能自动打开浏览器，请手动打开上面的网址 / could not open a browser: open the address above')
    )
    child.unref()
  } catch {
    console.log('未能自动打开浏览器，请手动打开上面的网址 / could not open a browser: open the address above')
  }
}
