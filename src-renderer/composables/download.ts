/**
 * Saving a file from the page: the browser saves an <a download> click; Electron, with no
 * will-download handler of ours, asks where with the system's save dialog.
 */
export function downloadHref(fileName: string, href: string): void {
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const href = URL.createObjectURL(blob)
  downloadHref(fileName, href)
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}

/** Bytes that crossed the contract as base64 (the contract carries JSON only). */
export function downloadBase64(fileName: string, base64: string, mime: string): void {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  downloadBlob(fileName, new Blob([bytes], { type: mime }))
}
