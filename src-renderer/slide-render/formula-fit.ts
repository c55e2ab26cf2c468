/** The scale (at most 1) that fits a formula of natural size natW×natH into a w×h box, with a small margin. */
export function fitScale(natW: number, natH: number, w: number, h: number): number {
  if (natW <= 0 || natH <= 0 || w <= 0 || h <= 0) return 1
  // 4 % margin: KaTeX's outermost glyphs (arrows, italic overhang) reach a little past the measured box.
  return Math.min(1, (w * 0.96) / natW, (h * 0.96) / natH)
}
