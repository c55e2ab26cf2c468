export {
  CoursewareService,
  readBytes,
  type DocumentView,
  type RecentDocument,
  type RecoveryEntry,
  type CoursewareServiceDeps
} from './courseware-service'
export { decodeEdux, encodeEdux, sha256Hex, mediaRefFor, EDUX_LIMITS, type EduxContent } from './edux-file'
export { writeFileAtomic } from './atomic-write'
export { GuardedZip, DEFAULT_ZIP_LIMITS, isUnsafeZipName, type ZipLimits } from './zip-guard'
export { MediaStore } from './media-store'
