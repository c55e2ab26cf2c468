/**
 * What the Prepare page opens from a picked or dropped file, and so exactly what its picker
 * accepts: ClassDeck's own .edux, PowerPoint and Word (imported by the services) and PDF (drawn in
 * the window). courseware-files.test.ts checks that the services read each of them.
 */
export const OPENABLE_EXTENSIONS = ['.edux', '.pptx', '.pptm', '.docx', '.pdf'] as const

export function isOpenable(name: string): boolean {
  const n = name.toLowerCase()
  return OPENABLE_EXTENSIONS.some((ext) => n.endsWith(ext))
}

/** The picker's `accept` attribute. */
export const OPENABLE_ACCEPT = OPENABLE_EXTENSIONS.join(',')
