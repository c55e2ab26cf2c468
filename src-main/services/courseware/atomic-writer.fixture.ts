/**
 * Child process for atomic-write.test.ts: saves two different .edux files to the same path in a
 * loop until it is killed. Prints "ready" once the first save is on disk.
 */
import { writeFileAtomic } from './atomic-write'
import { readFileSync } from 'node:fs'

const [target, a, b] = process.argv.slice(2) as [string, string, string]
const versions = [readFileSync(a), readFileSync(b)].map((x) => new Uint8Array(x))

async function main(): Promise<void> {
  await writeFileAtomic(target, versions[0]!)
  process.stdout.write('ready\n')
  for (let i = 1; i < 1_000_000; i++) await writeFileAtomic(target, versions[i % 2]!)
}
void main()
