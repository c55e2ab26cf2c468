/**
 * `npm run platform` / `npx tsx tools/platform-server/main.ts --port 8787 --data-dir <dir> [--test-admin]`
 * Starts the reference platform on 127.0.0.1. Sign-in accounts: wanglihua / lijianguo / zhangmin,
 * password `classdeck`; app credentials classdeck-desktop / classdeck-dev-secret.
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startPlatformServer } from './server'
import { installProcessGuards } from '../../src-main/security/process-guards'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string', default: join(tmpdir(), 'classdeck-platform') },
    'test-admin': { type: 'boolean', default: false },
    'part-size': { type: 'string' }
  }
})

const server = await startPlatformServer({
  port: Number(values.port),
  host: values.host,
  dataDir: values['data-dir']!,
  admin: values['test-admin'],
  ...(values['part-size'] ? { partSize: Number(values['part-size']) } : {})
})
// Only once listening (a taken port must still end the process): an error that escapes every
// handler is logged and the platform keeps serving the tests that depend on it.
installProcessGuards()
// One machine-readable line first: tests that spawn this process wait for it.
console.log(JSON.stringify({ listening: server.url, dataDir: values['data-dir'], admin: values['test-admin'] }))
console.log(`教育资源公共服务平台（参考实现）已启动：${server.url}  登录页：${server.url}/oauth/authorize`)

const stop = (): void => {
  void server.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
