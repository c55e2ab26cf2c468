/**
 * The open class's 排行榜 for the board. Points change only when a question closes (open
 * questions do not count), so it is fetched again when the run or its state changes, not on
 * every answer.
 */
import { ref, watch, type Ref } from 'vue'
import type { Leaderboard } from '../../../../src-shared/classroom/points'
import { useTransport } from '../../../transport'

export function useLeaderboard(key: () => string): { board: Ref<Leaderboard | null>; load: () => Promise<void> } {
  const board = ref<Leaderboard | null>(null)
  async function load(): Promise<void> {
    try {
      board.value = await useTransport().invoke('classroom:leaderboard', {})
    } catch {
      // Keep what is on screen; the next close of a question asks again.
    }
  }
  watch(key, () => void load(), { immediate: true })
  return { board, load }
}
