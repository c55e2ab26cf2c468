/** Shared helpers for benchmarks: percentiles and the results file format. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Figure {
  id: string
  value: number
  unit: string
  /** Copied from the issue, e.g. "< 1500". */
  goal: string
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[idx]
}

export const median = (values: readonly number[]): number => percentile(values, 50)

export function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

export function writeResults(name: string, figures: Figure[], extra: Record<string, unknown> = {}): void {
  const dir = join(import.meta.dirname, 'results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ figures, ...extra }, null, 2) + '\n')
  console.log(`\n${name}:`)
  for (const f of figures)
    console.log(`  ${f.id.padEnd(44)} ${String(f.value).padStart(10)} ${f.unit.padEnd(6)} goal ${f.goal}`)
  console.log(`  → bench/results/${name}.json`)
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]
