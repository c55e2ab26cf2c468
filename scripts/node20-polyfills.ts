// Vitest 5 declares Node >= 22; on Node 20 its reporter calls Map.groupBy (Node 21+) when a test
// fails, which would hide the failure behind a crash. Both Vitest configs import this: they run
// in the reporter's process.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<T, K>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const out = new Map<K, T[]>()
      let i = 0
      for (const item of items) {
        const k = key(item, i++)
        const list = out.get(k)
        if (list) list.push(item)
        else out.set(k, [item])
      }
      return out
    }
  })
}

export {}
