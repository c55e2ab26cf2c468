/** Group scoreboard (小组PK): points per group, the leaders, and one-step undo of the last change. */
export interface Group {
  readonly id: string
  readonly name: string
  readonly color: string
  readonly score: number
}

export const GROUP_COLORS = ['#E53935', '#1E88E5', '#43A047', '#FB8C00', '#8E24AA', '#00897B', '#6D4C41', '#3949AB']

export class Scoreboard {
  #groups: Group[]
  readonly #history: Group[][] = []

  constructor(names: readonly string[]) {
    this.#groups = names.map((name, i) => ({
      id: `g${i + 1}`,
      name,
      color: GROUP_COLORS[i % GROUP_COLORS.length]!,
      score: 0
    }))
  }

  get groups(): readonly Group[] {
    return this.#groups
  }

  add(groupId: string, points: number): void {
    if (!this.#groups.some((g) => g.id === groupId)) return
    this.#history.push(this.#groups)
    if (this.#history.length > 100) this.#history.shift()
    this.#groups = this.#groups.map((g) => (g.id === groupId ? { ...g, score: g.score + points } : g))
  }

  undo(): boolean {
    const prev = this.#history.pop()
    if (!prev) return false
    this.#groups = prev
    return true
  }

  reset(): void {
    this.#history.push(this.#groups)
    this.#groups = this.#groups.map((g) => ({ ...g, score: 0 }))
  }

  /** The group(s) in front; empty while nobody has scored. */
  leaders(): Group[] {
    const top = Math.max(...this.#groups.map((g) => g.score))
    if (!Number.isFinite(top) || top <= 0) return []
    return this.#groups.filter((g) => g.score === top)
  }
}
