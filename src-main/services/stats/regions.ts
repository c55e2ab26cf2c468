/**
 * The shipped regional rule tables (resources/activity-rules/*.json), validated when loaded.
 * They are bundled as modules, so no runtime path to the resources folder is needed.
 */
import { ActivityRegion } from '../../../src-shared/library'
import { AppError } from '../../../src-shared/errors'
import zhejiang from '../../../resources/activity-rules/zhejiang-zhijianghui.json'
import shihe from '../../../resources/activity-rules/shihe-district.json'
import fujian from '../../../resources/activity-rules/fujian-teacher-space.json'

export const SHIPPED_REGION_FILES: Readonly<Record<string, unknown>> = {
  'zhejiang-zhijianghui.json': zhejiang,
  'shihe-district.json': shihe,
  'fujian-teacher-space.json': fujian
}

/** Parses rule tables; a table that fails its schema is refused by name, never half-used. */
export function loadRegions(files: Readonly<Record<string, unknown>> = SHIPPED_REGION_FILES): ActivityRegion[] {
  return Object.entries(files).map(([name, data]) => {
    const r = ActivityRegion.safeParse(data)
    if (!r.success) {
      const why = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；')
      throw new AppError(
        'FILE_INVALID',
        `活跃度规则表 ${name} 不符合格式（${why}）。`,
        `Activity rule table ${name} is invalid (${why}).`,
        { file: name }
      )
    }
    if (`${r.data.id}.json` !== name) {
      throw new AppError(
        'FILE_INVALID',
        `活跃度规则表 ${name} 的 id（${r.data.id}）与文件名不一致。`,
        `Activity rule table ${name} has id ${r.data.id}, which does not match its file name.`,
        { file: name }
      )
    }
    return r.data
  })
}
