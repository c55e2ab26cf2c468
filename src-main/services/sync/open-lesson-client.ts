/** The platform's 公开课 calls (docs/platform-api.yaml, open-lessons), through the one PlatformClient. */
import { AppError } from '../../../src-shared/errors'
import { OpenLesson, type OpenLessonInput } from '../../../src-shared/platform/open-lesson'
import { ownRefusal, type PlatformClient } from './platform-client'
import { platformError } from './platform-errors'

export async function postOpenLesson(client: PlatformClient, input: OpenLessonInput, key: string): Promise<OpenLesson> {
  let data: unknown
  try {
    data = (
      await client.http.request({
        method: 'POST',
        url: '/api/v1/open-lessons',
        data: input,
        headers: { 'Idempotency-Key': key },
        needUser: true
      })
    ).data
  } catch (e) {
    throw ownRefusal(e) ?? platformError(e, client.baseUrl)
  }
  const parsed = OpenLesson.safeParse(data)
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      '教育平台返回的公开课数据不符合约定。请联系平台或 ClassDeck 维护者。',
      "The platform's answer for the open lesson breaks the contract.",
      { kind: 'permanent', issues: parsed.error.issues.slice(0, 5).map((i) => i.message) }
    )
  }
  return parsed.data
}
