/**
 * The countdown's end sound, made with WebAudio so no audio file has to ship or load.
 * Three short beeps, loud enough for a classroom.
 */
let shared: AudioContext | null = null

export function beep(times = 3): void {
  const Ctor = globalThis.AudioContext
  if (!Ctor) return
  shared ??= new Ctor()
  const ctx = shared
  void ctx.resume()
  const t0 = ctx.currentTime + 0.02
  for (let i = 0; i < times; i++) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'square'
    osc.frequency.value = 880
    const at = t0 + i * 0.35
    gain.gain.setValueAtTime(0.0001, at)
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25)
    osc.connect(gain).connect(ctx.destination)
    osc.start(at)
    osc.stop(at + 0.27)
  }
}
