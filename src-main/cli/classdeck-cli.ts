/**
 * The `classdeck` command. `serve` starts the browser host; `--version` prints the version.
 * Later issues add `convert` and `inspect`. Exit code 0 on success, 1 with a one-line reason.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveMain } from '../hosts/browser/main'
import { convertCommand, inspectCommand } from './courseware-commands'

declare const __APP_VERSION__: string
/** The bundle lives in dist/node; the built renderer beside it in dist/renderer. */
const STATIC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../renderer')

const USAGE = `用法 / usage:
  classdeck serve [--port N] [--host ADDR] [--data-dir DIR] [--open]
                                                                 启动浏览器版，显示（--open 时打开）带密钥的网址
                                                                 / start the browser host; prints (--open: opens) its URL with this launch's key
  classdeck convert <in> <out> [--to edux|pptx] [--split-heading N]
                                                                 转换课件 / convert (pptx/docx→edux, edux→pptx; folder → folder)
  classdeck inspect <file>                                       导入报告 (JSON) / import report as JSON
  classdeck --version                                            版本 / version`

export async function main(argv: readonly string[]): Promise<number> {
  const [cmd, ...rest] = argv
  switch (cmd) {
    case '--version':
    case '-v':
      console.log(__APP_VERSION__)
      return 0
    case 'convert':
      return convertCommand(rest)
    case 'inspect':
      return inspectCommand(rest)
    case 'serve':
      await serveMain(rest, { staticDir: STATIC_DIR, version: __APP_VERSION__ })
      return -1 // keeps running
    case undefined:
    case '--help':
    case '-h':
      console.log(USAGE)
      return cmd === undefined ? 1 : 0
    default:
      console.error(`classdeck: 未知命令 / unknown command: ${cmd}\n${USAGE}`)
      return 1
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code
  },
  (err: unknown) => {
    console.error(`classdeck: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 1
  }
)
