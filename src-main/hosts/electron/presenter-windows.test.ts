import { describe, expect, it } from 'vitest'
import { chooseClassroomDisplay, type DisplayInfo } from './presenter-windows'

const laptop: DisplayInfo = {
  id: 1,
  internal: true,
  touchSupport: 'unavailable',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 }
}
const board: DisplayInfo = {
  id: 2,
  internal: false,
  touchSupport: 'available',
  bounds: { x: 1920, y: 0, width: 3840, height: 2160 }
}
const projector: DisplayInfo = {
  id: 3,
  internal: false,
  touchSupport: 'unknown',
  bounds: { x: -1280, y: 0, width: 1280, height: 720 }
}
const bigMonitor: DisplayInfo = {
  id: 4,
  internal: false,
  touchSupport: 'unavailable',
  bounds: { x: 0, y: 1080, width: 2560, height: 1440 }
}

describe('choosing the classroom display', () => {
  it('takes the external touch display (the smartboard) over a projector', () => {
    expect(chooseClassroomDisplay([laptop, projector, board], 1).id).toBe(2)
  })

  it('takes the largest external display when none is touch', () => {
    expect(chooseClassroomDisplay([laptop, projector, bigMonitor], 1).id).toBe(4)
  })

  it('stays on the laptop when nothing else is connected', () => {
    expect(chooseClassroomDisplay([laptop], 1).id).toBe(1)
  })

  it('follows the teacher’s choice while that display is connected, and falls back when it is not', () => {
    expect(chooseClassroomDisplay([laptop, projector, board], 1, 3).id).toBe(3)
    expect(chooseClassroomDisplay([laptop, board], 1, 3).id).toBe(2)
  })

  it('takes the smartboard even when it is the primary display', () => {
    expect(chooseClassroomDisplay([laptop, board], 2).id).toBe(2)
  })
})
