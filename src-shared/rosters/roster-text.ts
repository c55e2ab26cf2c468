/**
 * A class list as a teacher types or pastes it: one name a line (or names separated by 、，; or
 * tabs), with optional group lines for 分组 — "第1组：" or "【红队】" on a line of its own starts a
 * group, and "第2组：王五、赵六" names a group and its members on one line. Names before any group
 * line are in no group. `rosterText` writes a roster back in the same form, so editing keeps it.
 */

export interface RosterText {
  students: string[]
  groups: { name: string; members: string[] }[]
}

const SEPARATORS = /[\n\r,，、;；\t]+|\s{2,}/
/** "第1组：…" / "红队:" (a short label, then a colon) or "【第一组】…". */
const GROUP_LINE = /^(?:【([^】]{1,20})】|([^:：,，、;；\t]{1,20})\s*[:：])\s*(.*)$/

function splitNames(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function parseRosterText(text: string): RosterText {
  const students: string[] = []
  const groups: RosterText['groups'] = []
  let current: RosterText['groups'][number] | null = null
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.trim()
    if (!line) continue
    const g = GROUP_LINE.exec(line)
    if (g) {
      const name = (g[1] ?? g[2] ?? '').trim()
      current = groups.find((x) => x.name === name) ?? null
      if (!current) {
        current = { name, members: [] }
        groups.push(current)
      }
      addNames(splitNames(g[3] ?? ''), current)
      continue
    }
    addNames(splitNames(line), current)
  }
  return { students, groups: groups.filter((g) => g.members.length > 0) }

  function addNames(names: string[], group: RosterText['groups'][number] | null): void {
    for (const n of names) {
      students.push(n)
      group?.members.push(n)
    }
  }
}

/** The roster as text the teacher can edit: ungrouped names first, then each group under its line. */
export function rosterText(
  students: readonly string[],
  groups: readonly { name: string; members: readonly string[] }[]
): string {
  const grouped = new Set(groups.flatMap((g) => g.members))
  const lines = students.filter((s) => !grouped.has(s))
  for (const g of groups) lines.push(`${g.name}：`, ...g.members)
  return lines.join('\n')
}
