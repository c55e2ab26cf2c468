/**
 * The fonts a deck names → a CSS font stack this machine can draw. Chinese decks name Windows fonts
 * (宋体, 黑体, 楷体, 微软雅黑, 等线) that Linux and many school PCs do not have; each maps to the
 * installed fonts of the same kind, the named font first so a machine that has it uses it. The
 * list, and which fonts the project's own machines have, is in docs/fonts.md.
 */
const SERIF_CJK = ['Songti SC', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN', 'AR PL UMing']
const SANS_CJK = [
  'Microsoft YaHei',
  'PingFang SC',
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  'WenQuanYi Micro Hei',
  'WenQuanYi Zen Hei'
]
const KAI_CJK = ['KaiTi', 'STKaiti', 'AR PL UKai CN', 'AR PL UKai', 'Noto Serif CJK SC']
const FANGSONG_CJK = ['FangSong', 'STFangsong', 'AR PL UMing CN', 'Noto Serif CJK SC']

/** By lower-cased font name (Chinese and English names of the same font). */
const KIND: Record<string, string[]> = {}
const put = (names: string[], stack: string[]) => names.forEach((n) => (KIND[n.toLowerCase()] = stack))
put(['宋体', 'SimSun', '新宋体', 'NSimSun', '华文宋体', 'STSong', '方正书宋_GBK', 'Songti SC'], SERIF_CJK)
put(['仿宋', 'FangSong', '仿宋_GB2312', '华文仿宋', 'STFangsong'], FANGSONG_CJK)
put(['楷体', 'KaiTi', '楷体_GB2312', '华文楷体', 'STKaiti', 'Kaiti SC'], KAI_CJK)
put(
  [
    '黑体',
    'SimHei',
    '微软雅黑',
    'Microsoft YaHei',
    '微软雅黑 Light',
    '等线',
    'DengXian',
    '等线 Light',
    '华文细黑',
    'STXihei',
    '思源黑体',
    'Source Han Sans SC',
    '苹方',
    'PingFang SC',
    '幼圆',
    'YouYuan'
  ],
  SANS_CJK
)
// Latin fonts of Office and their metric-compatible free versions.
put(['Calibri', 'Calibri Light'], ['Carlito', 'Liberation Sans', 'DejaVu Sans'])
put(['Cambria', 'Cambria Math'], ['Caladea', 'Liberation Serif', 'DejaVu Serif'])
put(['Arial', 'Helvetica', 'Arial Narrow', 'Tahoma', 'Verdana', 'Segoe UI'], ['Liberation Sans', 'DejaVu Sans'])
put(['Times New Roman', 'Times', 'Georgia', 'Garamond', 'Book Antiqua'], ['Liberation Serif', 'DejaVu Serif'])
put(['Courier New', 'Consolas', 'Courier'], ['Liberation Mono', 'DejaVu Sans Mono'])

const quote = (f: string) => `"${f.replace(/["\\]/g, '')}"`

/** The CSS font-family for a run: its Latin font, its own font, their stand-ins, then the app's font. */
export function fontStack(fontFamily?: string, latinFont?: string): string {
  const out: string[] = []
  for (const f of [latinFont, fontFamily]) {
    if (!f) continue
    for (const x of [f, ...(KIND[f.toLowerCase()] ?? [])]) if (!out.includes(x)) out.push(x)
  }
  return [...out.map(quote), 'var(--cd-font)'].join(', ')
}
