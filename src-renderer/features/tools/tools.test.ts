import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { NamePicker, PickerError, parseNames, cryptoRandomInt } from './name-picker'
import { Countdown, Stopwatch, formatClock } from './timers'
import { Scoreboard } from './scoreboard'
import { backgroundSpec } from './page-backgrounds'
import { angleAt, angleStep, arcPoints, rulerTicks } from './geometry'

const class1 = { id: 'c1', name: '七年级1班', students: ['张三', '李四', '王五', '赵六', '钱七'], locked: false }

describe('NamePicker', () => {
  it('picks everyone once before anyone is picked again', () => {
    const p = new NamePicker([class1])
    const first = Array.from({ length: 5 }, () => p.pick('c1'))
    expect(new Set(first.map((r) => r.name)).size).toBe(5)
    expect(first.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0])
    expect(first.every((r) => r.round === 1)).toBe(true)
    const next = p.pick('c1')
    expect(next.round).toBe(2)
    expect(next.remaining).toBe(4)
  })

  it('never repeats within a round, for any roster size and random source', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
        (size, rolls) => {
          let i = 0
          const p = new NamePicker(
            [{ id: 'r', name: 'r', students: Array.from({ length: size }, (_, k) => `s${k}`), locked: false }],
            (n) => rolls[i++ % rolls.length]! % n
          )
          const seen = Array.from({ length: size }, () => p.pick('r').name)
          return new Set(seen).size === size
        }
      ),
      { numRuns: 100 }
    )
  })

  it('keeps rosters apart and skips absent students', () => {
    const p = new NamePicker([class1, { id: 'c2', name: '七年级2班', students: ['甲', '乙'], locked: false }])
    p.setAbsent('c1', '张三', true)
    const names = Array.from({ length: 4 }, () => p.pick('c1').name)
    expect(names).not.toContain('张三')
    expect(['甲', '乙']).toContain(p.pick('c2').name)
  })

  it('refuses to change or remove a locked roster, in Chinese first', () => {
    const p = new NamePicker([class1])
    p.setLocked('c1', true)
    expect(() => p.saveRoster({ ...class1, students: ['新同学'] })).toThrow(PickerError)
    expect(() => p.removeRoster('c1')).toThrow(/已锁定/)
    p.setLocked('c1', false)
    expect(p.saveRoster({ ...class1, students: ['新同学', ' 新同学 ', ''] }).students).toEqual(['新同学'])
  })

  it('says what to do when nobody can be picked', () => {
    const p = new NamePicker([{ id: 'e', name: '空名单', students: [], locked: false }])
    expect(() => p.pick('e')).toThrow(/添加学生/)
  })

  it('starts afresh for a new lesson', () => {
    const p = new NamePicker([class1])
    p.pick('c1')
    p.resetLesson()
    expect(p.pickedInRound('c1')).toEqual([])
  })

  it('reads a pasted list and picks fairly with the crypto source', () => {
    expect(parseNames('张三\n李四，王五、赵六\n\n')).toEqual(['张三', '李四', '王五', '赵六'])
    for (let i = 0; i < 100; i++) {
      const v = cryptoRandomInt(7)
      expect(v >= 0 && v < 7).toBe(true)
    }
  })
})

describe('timers', () => {
  it('counts down, pauses, resumes and finishes', () => {
    const c = new Countdown(60_000)
    c.start(0)
    expect(c.remainingMs(10_000)).toBe(50_000)
    c.pause(10_000)
    expect(c.remainingMs(40_000)).toBe(50_000)
    c.start(40_000)
    expect(c.finished(89_999)).toBe(false)
    expect(c.finished(90_000)).toBe(true)
    expect(c.remainingMs(120_000)).toBe(0)
    c.extend(60_000)
    expect(c.remainingMs(90_000)).toBe(60_000)
  })

  it('keeps stopwatch laps and shows times the way a clock does', () => {
    const s = new Stopwatch()
    s.start(1000)
    expect(s.lap(4000)).toBe(3000)
    s.pause(5000)
    expect(s.elapsedMs(99_000)).toBe(4000)
    expect(s.laps).toEqual([3000])
    expect(formatClock(65_000)).toBe('1:05')
    expect(formatClock(59_001, true)).toBe('1:00')
    expect(formatClock(3_725_000)).toBe('1:02:05')
  })
})

describe('Scoreboard', () => {
  it('adds points, names the leaders and undoes a mistaken tap', () => {
    const b = new Scoreboard(['第一组', '第二组', '第三组'])
    expect(b.leaders()).toEqual([])
    b.add('g1', 1)
    b.add('g2', 1)
    expect(b.leaders().map((g) => g.name)).toEqual(['第一组', '第二组'])
    b.add('g2', 1)
    expect(b.leaders().map((g) => g.name)).toEqual(['第二组'])
    b.undo()
    expect(b.groups.map((g) => g.score)).toEqual([1, 1, 0])
    b.reset()
    expect(b.groups.map((g) => g.score)).toEqual([0, 0, 0])
  })
})

describe('page backgrounds', () => {
  const size = { width: 1280, height: 720 }
  it('draws nothing on a plain page and a regular grid on a grid page', () => {
    expect(backgroundSpec('plain', size).lines).toHaveLength(0)
    const grid = backgroundSpec('grid', size).lines
    expect(grid.filter((l) => l.x1 === l.x2)).toHaveLength(31)
    expect(grid.filter((l) => l.y1 === l.y2)).toHaveLength(17)
  })

  it('draws 田字格 squares, each with four borders and a dashed cross, inside the page', () => {
    const lines = backgroundSpec('tianzige', size).lines
    const dashed = lines.filter((l) => l.dash.length > 0)
    expect(lines.length).toBe(dashed.length * 3) // per square: 4 borders + 2 dashed lines
    expect(
      lines.every((l) => Math.min(l.x1, l.x2) >= 0 && Math.max(l.x1, l.x2) <= 1280 && Math.max(l.y1, l.y2) <= 720)
    ).toBe(true)
  })

  it('draws 四线三格 as groups of four evenly spaced lines with a red third line', () => {
    const lines = backgroundSpec('four-line', size).lines
    expect(lines.length % 4).toBe(0)
    const first = lines.slice(0, 4)
    expect(first[1]!.y1 - first[0]!.y1).toBe(first[3]!.y1 - first[2]!.y1)
    expect(first.map((l) => l.color === '#E53935')).toEqual([false, false, true, false])
  })
})

describe('geometry', () => {
  it('marks a ruler in millimetres with a label each centimetre', () => {
    const ticks = rulerTicks(2, 50)
    expect(ticks).toHaveLength(21)
    expect(ticks.filter((t) => t.label).map((t) => t.label)).toEqual(['0', '1', '2'])
    expect(ticks[5]!.len).toBe('mid')
  })

  it('reads angles like a protractor', () => {
    expect(angleAt({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 10 })).toBe(90)
    expect(angleAt({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: -10, y: 0.0001 })).toBeCloseTo(180)
    expect(angleAt({ x: 0, y: 0 }, { x: 10, y: -1 }, { x: 10, y: 1 })).toBeCloseTo(11.4)
  })
})

describe('compass geometry', () => {
  it('takes the short way round between two angles, across the ±π seam too', () => {
    expect(angleStep(0.1, 0.3)).toBeCloseTo(0.2)
    expect(angleStep(Math.PI - 0.1, -Math.PI + 0.1)).toBeCloseTo(0.2)
    expect(angleStep(-Math.PI + 0.1, Math.PI - 0.1)).toBeCloseTo(-0.2)
  })

  it('puts every arc point on the circle, from the start angle through the sweep, either way', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.double({ min: -7, max: 7, noNaN: true }),
        fc.double({ min: 5, max: 500, noNaN: true }),
        (start, sweep, r) => {
          const c = { x: 300, y: 200 }
          const pts = arcPoints(c, r, start, sweep)
          for (const p of pts) expect(Math.hypot(p.x - c.x, p.y - c.y)).toBeCloseTo(r, 6)
          expect(pts[0]!.x).toBeCloseTo(c.x + r * Math.cos(start), 6)
          const end = start + Math.max(-2 * Math.PI, Math.min(2 * Math.PI, sweep))
          expect(pts[pts.length - 1]!.y).toBeCloseTo(c.y + r * Math.sin(end), 6)
          expect(pts.length).toBeLessThanOrEqual(121 + 1)
        }
      ),
      { numRuns: 200 }
    )
  })
})
