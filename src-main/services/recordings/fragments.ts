/**
 * Where a fragmented MP4 stops being whole. The muxer writes `ftyp`, `moov`, then one `moof` + `mdat`
 * pair per fragment (and `mfra` at the end); a crash leaves the last pair cut off. Reading only the
 * top-level box headers (8 or 16 bytes each) finds the end of the last complete pair, so repair is
 * a truncate there and costs the same for a 5-minute and a 40-minute lesson.
 */
import type { FileHandle } from 'node:fs/promises'

export interface FragmentScan {
  /** Bytes from the start that form a playable file: ftyp + moov + whole moof/mdat pairs. */
  readonly wholeBytes: number
  readonly fragments: number
  /** The header boxes (ftyp, moov) are there and whole. */
  readonly hasHeader: boolean
  /** The file ends with the muxer's closing `mfra`: it was finished. */
  readonly finished: boolean
}

export async function scanFragments(fh: FileHandle, size: number): Promise<FragmentScan> {
  const head = Buffer.alloc(16)
  let pos = 0
  let wholeBytes = 0
  let fragments = 0
  let sawFtyp = false
  let sawMoov = false
  let pendingMoof = false
  let finished = false
  while (pos + 8 <= size) {
    const { bytesRead } = await fh.read(head, 0, 16, pos)
    if (bytesRead < 8) break
    let boxSize = head.readUInt32BE(0)
    const type = head.toString('latin1', 4, 8)
    if (boxSize === 1) {
      if (bytesRead < 16) break
      boxSize = Number(head.readBigUInt64BE(8))
    } else if (boxSize === 0) {
      boxSize = size - pos // "to the end of the file": only whole if it is the last box
    }
    if (boxSize < 8 || pos + boxSize > size) break
    pos += boxSize
    if (type === 'ftyp') sawFtyp = true
    else if (type === 'moov') {
      sawMoov = true
      if (sawFtyp) wholeBytes = pos
    } else if (type === 'moof') pendingMoof = true
    else if (type === 'mdat' && pendingMoof) {
      pendingMoof = false
      fragments++
      wholeBytes = pos
    } else if (type === 'mfra') {
      finished = true
      if (!pendingMoof) wholeBytes = pos
    }
  }
  return { wholeBytes: sawFtyp && sawMoov ? wholeBytes : 0, fragments, hasHeader: sawFtyp && sawMoov, finished }
}

/** The box type at the start of a chunk, if the chunk starts with a box header. */
export function boxTypeAt(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null
  return String.fromCharCode(bytes[4]!, bytes[5]!, bytes[6]!, bytes[7]!)
}
