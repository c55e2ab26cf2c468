/** A dropped or picked file as the library:addContent call takes it. */
export async function fileToContent(file: Blob & { name: string }): Promise<{ name: string; dataBase64: string }> {
  return { name: file.name, dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) }
}

/** Base64 of bytes, in slices so a large file never overflows the argument limit of fromCharCode. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const SLICE = 0x8000
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE))
  return btoa(binary)
}

/** Human size: 0 B, 12 KB, 3.4 MB. */
export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
