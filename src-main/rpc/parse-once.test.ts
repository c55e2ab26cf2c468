/**
 * dispatch is the one place a call's input is checked against its contract schema; the service
 * behind it takes the parsed type. A second parse of the same input inside a service is dead
 * weight at best, and at worst a second set of defaults or error wordings that drift from the
 * contract's. This reads the sources the handler table reaches and names every parse of a
 * schema that is some call's input. Files, sockets, HTTP and database rows are other boundaries
 * and are parsed with their own schemas, which this does not flag.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { calls } from '../../src-shared/contract'
import { tempDir } from '../test-utils/temp-dir'

const root = join(__dirname, '..', '..')

/** Every exported name in src-shared that is the very input schema of a call, with that call. */
async function callInputNames(): Promise<Map<string, string>> {
  const channelOf = new Map<unknown, string>(Object.entries(calls).map(([channel, def]) => [def.input, channel]))
  const names = new Map<string, string>()
  for (const file of sources(join(root, 'src-shared'))) {
    const exports = (await import(file)) as Record<string, unknown>
    for (const [name, value] of Object.entries(exports)) {
      const channel = channelOf.get(value)
      if (channel) names.set(name, channel)
    }
  }
  return names
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : []
  })
}

/** `Name.parse(`, `Name.safeParse(` and their async forms, where Name is a call's input schema. */
function secondParses(files: readonly string[], names: ReadonlyMap<string, string>): string[] {
  const found: string[] = []
  const pattern = /\b([A-Z][A-Za-z0-9_]*)\s*\.\s*(?:safeParse|parse|safeParseAsync|parseAsync)\s*\(/g
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    // `import { OpenClassInput as OpenClassSchema }` is the same schema under another name.
    const local = new Map(names)
    for (const m of text.matchAll(/\b([A-Z][A-Za-z0-9_]*)\s+as\s+([A-Z][A-Za-z0-9_]*)\b/g)) {
      const channel = names.get(m[1]!)
      if (channel) local.set(m[2]!, channel)
    }
    text.split('\n').forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return
      for (const m of line.matchAll(pattern)) {
        const channel = local.get(m[1]!)
        if (channel) found.push(`${relative(root, file)}:${i + 1}: ${m[1]} (the input of ${channel})`)
      }
    })
  }
  return found
}

describe('a call input is parsed once, in dispatch', () => {
  let names: Map<string, string>
  beforeAll(async () => {
    names = await callInputNames()
  })
  const files = [
    ...sources(join(root, 'src-main', 'services')),
    ...sources(join(root, 'src-main', 'rpc', 'handlers')),
    join(root, 'src-main', 'app-core.ts')
  ]

  it('knows the named input schemas of the contract (so the check below has something to look for)', () => {
    expect(names.get('SettingsPatch')).toBe('settings:update')
    expect(names.get('RosterSave')).toBe('rosters:save')
    expect(names.get('LibrarySearch')).toBe('library:search')
    expect(names.size).toBeGreaterThan(15)
  })

  it('finds a second parse where one is written, and not a parse of a file or a row', () => {
    const t = tempDir()
    try {
      const file = join(t.dir, 'service.ts')
      writeFileSync(
        file,
        [
          'const stored = Settings.parse(JSON.parse(row.value))',
          '// SettingsPatch.parse(patch) in a comment is no parse',
          'const p = SettingsPatch.safeParse(patch)',
          '  return LibraryBrowse . parse(input).limit',
          "import { RosterSave as Draft } from '../contract/rosters'",
          'const d = Draft.parse(input)'
        ].join('\n')
      )
      expect(secondParses([file], names).map((f) => f.replace(/^.*service\.ts/, 'service.ts'))).toEqual([
        'service.ts:3: SettingsPatch (the input of settings:update)',
        'service.ts:4: LibraryBrowse (the input of library:browse)',
        'service.ts:6: Draft (the input of rosters:save)'
      ])
    } finally {
      t.cleanup()
    }
  })

  it('no service, handler or the composition root parses a call input again', () => {
    expect(secondParses(files, names)).toEqual([])
  })
})
