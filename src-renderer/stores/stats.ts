/**
 * The statistics page's state: which class and period, the class's statistics, and the activity
 * estimate for the region chosen in settings.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ActivityEstimate, ClassStats, ClassSummary, RegionSummary } from '../../src-shared/contract/stats'
import { localDay, type PeriodInput } from '../../src-shared/library/period'
import { AppError } from '../../src-shared/errors'
import { useTransport } from '../transport'
import { useSettingsStore } from './settings'

export const useStatsStore = defineStore('stats', () => {
  const classes = ref<ClassSummary[]>([])
  const classId = ref<string | null>(null)
  const period = ref<PeriodInput>({ kind: 'week', date: localDay(Date.now()) })
  const stats = ref<ClassStats | null>(null)
  const regions = ref<RegionSummary[]>([])
  const regionId = ref<string | null>(null)
  const activity = ref<ActivityEstimate | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  let generation = 0

  async function hydrate(): Promise<void> {
    const t = useTransport()
    try {
      const [c, r] = await Promise.all([t.invoke('stats:classes', {}), t.invoke('stats:regions', {})])
      classes.value = c.items
      regions.value = r.items
      const remembered = useSettingsStore().settings?.activityRegion ?? null
      regionId.value = r.items.some((x) => x.id === remembered) ? remembered : (r.items[0]?.id ?? null)
      classId.value ??= c.items[0]?.classId ?? null
    } catch (err) {
      error.value = AppError.from(err)
    }
    await Promise.all([load(), loadActivity()])
  }

  async function load(): Promise<void> {
    if (!classId.value) {
      stats.value = null
      return
    }
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const s = await useTransport().invoke('stats:class', { classId: classId.value, period: period.value })
      if (mine === generation) stats.value = s
    } catch (err) {
      if (mine === generation) error.value = AppError.from(err)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  async function loadActivity(): Promise<void> {
    if (!regionId.value) return
    try {
      const date = period.value.kind === 'custom' ? period.value.to : period.value.date
      activity.value = await useTransport().invoke('stats:activity', { regionId: regionId.value, date })
    } catch (err) {
      error.value = AppError.from(err)
    }
  }

  function selectClass(id: string): Promise<void> {
    classId.value = id
    return load()
  }

  function setPeriod(p: PeriodInput): Promise<void> {
    period.value = p
    return Promise.all([load(), loadActivity()]).then(() => undefined)
  }

  /** The region is a setting (it follows the teacher across restarts and both hosts). */
  async function selectRegion(id: string): Promise<void> {
    regionId.value = id
    await Promise.all([useSettingsStore().update({ activityRegion: id }), loadActivity()])
  }

  function reset(): void {
    classes.value = []
    classId.value = null
    stats.value = null
    regions.value = []
    regionId.value = null
    activity.value = null
    error.value = null
  }

  return {
    classes,
    classId,
    period,
    stats,
    regions,
    regionId,
    activity,
    loading,
    error,
    hydrate,
    load,
    loadActivity,
    selectClass,
    setPeriod,
    selectRegion,
    reset
  }
})
