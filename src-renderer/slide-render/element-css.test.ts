import { describe, expect, it } from 'vitest'
import { cellStyle, dashArray, effectFilter, gradientVector, imageClip, stopColor } from './element-css'
import { shapePath } from './shape-path'

describe('shape and picture styles as SVG and CSS', () => {
  it('turns a CSS gradient angle into SVG end points', () => {
    expect(gradientVector(90)).toEqual({ x1: 0, y1: 0.5, x2: 1, y2: 0.5 })
    expect(gradientVector(180)).toEqual({ x1: 0.5, y1: 0, x2: 0.5, y2: 1 })
    expect(stopColor('#0000FF80')).toEqual({ color: '#0000FF', opacity: 0.502 })
  })

  it('draws shadow, glow and soft edges as filters, dashes by stroke width, geometry as a clip', () => {
    expect(effectFilter({ shadow: { dx: 2, dy: 3, blur: 4, color: '#00000066' } })).toBe(
      'drop-shadow(2px 3px 2px #00000066)'
    )
    expect(effectFilter({ glow: { radius: 10, color: '#FFC000' }, softEdge: 8 })).toBe(
      'drop-shadow(0 0 5px #FFC000) blur(2px)'
    )
    expect(effectFilter({})).toBeUndefined()
    expect(dashArray('dash', 2)).toBe('8 6')
    expect(dashArray(undefined, 2)).toBeUndefined()
    expect(imageClip({ geometry: 'ellipse', w: 100, h: 50 })).toBe('ellipse(50% 50% at 50% 50%)')
    expect(imageClip({ geometry: 'rounded', w: 300, h: 120 })).toBe('inset(0 round 20px)')
    expect(
      cellStyle(
        {
          paragraphs: [],
          colSpan: 1,
          rowSpan: 1,
          merged: false,
          margins: { l: 1, t: 2, r: 3, b: 4 },
          verticalAlign: 'middle'
        },
        '#FFFFFF'
      )
    ).toMatchObject({
      padding: '2px 3px 4px 1px',
      verticalAlign: 'middle'
    })
  })

  it('puts arrow heads at the start, the end or both', () => {
    const heads = (d: string) => (d.match(/Z/g) ?? []).length
    expect(heads(shapePath('arrow', 100, 0, 2))).toBe(1)
    expect(heads(shapePath('arrow', 100, 0, 2, 'both'))).toBe(2)
    expect(shapePath('arrow', 100, 0, 2, 'start')).toMatch(/^M10,0 L100,0 M0,0 /)
  })
})
