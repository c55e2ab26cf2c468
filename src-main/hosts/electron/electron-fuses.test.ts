import { describe, expect, it } from 'vitest'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { DebugLogger } from 'builder-util'

// Read the way `npm run package` reads it: electron-builder's own loader and schema.
async function packagingConfig() {
  const config = await getConfig(process.cwd(), 'electron-builder.yml', null)
  await validateConfiguration(config, new DebugLogger(false))
  return config
}

describe('the packaged app’s Electron fuses', () => {
  it('cannot be run as Node, take NODE_OPTIONS or --inspect, or load an app from outside its checked asar', async () => {
    const fuses = (await packagingConfig()).electronFuses
    expect(fuses).toBeTruthy()
    expect(fuses?.runAsNode).toBe(false)
    expect(fuses?.enableNodeOptionsEnvironmentVariable).toBe(false)
    expect(fuses?.enableNodeCliInspectArguments).toBe(false)
    expect(fuses?.enableEmbeddedAsarIntegrityValidation).toBe(true)
    expect(fuses?.onlyLoadAppFromAsar).toBe(true)
    expect(fuses?.enableCookieEncryption).toBe(true)
  })

  it('packs the app into an asar, which the integrity and asar-only fuses need', async () => {
    const config = await packagingConfig()
    expect(config.asar ?? true).not.toBe(false)
  })
})
