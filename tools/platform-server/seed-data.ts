/**
 * What the reference platform starts with: a catalogue whose 人教版 小学数学 三年级上册 follows
 * the real textbook's units and sections, a few other subjects and editions, one school, its
 * teachers (with sign-in credentials) and their classes with deterministic, realistic rosters.
 */

/** [chapter, sections[]] */
type Volume = readonly (readonly [string, readonly string[]])[]

const pepMath3a: Volume = [
  ['1 时、分、秒', ['秒的认识', '时间的计算']],
  ['2 万以内的加法和减法（一）', ['两位数加两位数', '两位数减两位数', '几百几十加减几百几十', '估算']],
  ['3 测量', ['毫米、分米的认识', '千米的认识', '吨的认识']],
  ['4 万以内的加法和减法（二）', ['加法', '减法']],
  ['5 倍的认识', ['倍的认识', '求一个数是另一个数的几倍', '求一个数的几倍是多少']],
  ['6 多位数乘一位数', ['口算乘法', '笔算乘法']],
  ['7 长方形和正方形', ['四边形', '长方形和正方形的周长']],
  ['8 分数的初步认识', ['几分之一', '几分之几', '分数的简单计算', '分数的简单应用']],
  ['9 数学广角——集合', []],
  ['10 总复习', []]
]

const bnuMath3a: Volume = [
  ['一 混合运算', ['小熊购物', '买文具', '过河']],
  ['二 观察物体', ['看一看（一）', '看一看（二）']],
  ['三 加与减', ['捐书活动', '运白菜', '里程表（一）', '里程表（二）']],
  ['四 乘与除', ['小树有多少棵', '需要几个轮子', '植树', '丰收了']],
  ['五 周长', ['什么是周长', '长方形的周长']],
  ['六 乘法', ['蚂蚁做操', '去游乐场', '乘火车']],
  ['七 年、月、日', ['看日历', '一天的时间']],
  ['八 认识小数', ['文具店', '货比三家', '能通过吗', '寄书']]
]

const pepMath7a: Volume = [
  ['第一章 有理数', ['1.1 正数和负数', '1.2 有理数', '1.3 有理数的加减法', '1.4 有理数的乘除法', '1.5 有理数的乘方']],
  ['第二章 整式的加减', ['2.1 整式', '2.2 整式的加减']],
  [
    '第三章 一元一次方程',
    ['3.1 从算式到方程', '3.2 解一元一次方程（一）', '3.3 解一元一次方程（二）', '3.4 实际问题与一元一次方程']
  ],
  [
    '第四章 几何图形初步',
    ['4.1 几何图形', '4.2 直线、射线、线段', '4.3 角', '4.4 课题学习 设计制作长方体形状的包装纸盒']
  ]
]

const tongbianChinese3a: Volume = [
  ['第一单元', ['1 大青树下的小学', '2 花的学校', '3 不懂就要问', '语文园地一']],
  ['第二单元', ['4 古诗三首', '5 铺满金色巴掌的水泥道', '6 秋天的雨', '7 听听，秋的声音', '语文园地二']],
  ['第三单元', ['8 卖火柴的小女孩', '9 那一定会很好', '10 在牛肚子里旅行', '11 一块奶酪', '语文园地三']],
  ['第四单元', ['12 总也倒不了的老屋', '13 胡萝卜先生的长胡子', '14 小狗学叫']]
]

const pepEnglish3a: Volume = [
  ['Unit 1 Hello!', ['Part A', 'Part B', 'Part C']],
  ['Unit 2 Colours', ['Part A', 'Part B', 'Part C']],
  ['Unit 3 Look at me!', ['Part A', 'Part B', 'Part C']],
  ['Unit 4 We love animals', ['Part A', 'Part B', 'Part C']],
  ['Unit 5 Let\u2019s eat!', ['Part A', 'Part B', 'Part C']],
  ['Unit 6 Happy birthday!', ['Part A', 'Part B', 'Part C']]
]

/** 学段 → 学科 → 版本 → 册 → the volume's chapters and sections; ids are stable across runs. */
export const catalogueSeed = [
  {
    id: 'xx',
    name: '小学',
    subjects: [
      {
        id: 'xx-sx',
        name: '数学',
        editions: [
          { id: 'xx-sx-rj', name: '人教版', volumes: [{ id: 'xx-sx-rj-3a', name: '三年级上册', content: pepMath3a }] },
          {
            id: 'xx-sx-bsd',
            name: '北师大版',
            volumes: [{ id: 'xx-sx-bsd-3a', name: '三年级上册', content: bnuMath3a }]
          }
        ]
      },
      {
        id: 'xx-yw',
        name: '语文',
        editions: [
          {
            id: 'xx-yw-tb',
            name: '统编版',
            volumes: [{ id: 'xx-yw-tb-3a', name: '三年级上册', content: tongbianChinese3a }]
          }
        ]
      },
      {
        id: 'xx-yy',
        name: '英语',
        editions: [
          {
            id: 'xx-yy-pep',
            name: '人教PEP版',
            volumes: [{ id: 'xx-yy-pep-3a', name: '三年级上册', content: pepEnglish3a }]
          }
        ]
      }
    ]
  },
  {
    id: 'cz',
    name: '初中',
    subjects: [
      {
        id: 'cz-sx',
        name: '数学',
        editions: [
          { id: 'cz-sx-rj', name: '人教版', volumes: [{ id: 'cz-sx-rj-7a', name: '七年级上册', content: pepMath7a }] }
        ]
      }
    ]
  }
] as const

export interface SeedNode {
  id: string
  parentId: string | null
  level: 'period' | 'subject' | 'edition' | 'volume' | 'chapter' | 'section'
  name: string
  order: number
}

export function catalogueNodes(): SeedNode[] {
  const out: SeedNode[] = []
  catalogueSeed.forEach((p, pi) => {
    out.push({ id: p.id, parentId: null, level: 'period', name: p.name, order: pi })
    p.subjects.forEach((s, si) => {
      out.push({ id: s.id, parentId: p.id, level: 'subject', name: s.name, order: si })
      s.editions.forEach((e, ei) => {
        out.push({ id: e.id, parentId: s.id, level: 'edition', name: e.name, order: ei })
        e.volumes.forEach((v, vi) => {
          out.push({ id: v.id, parentId: e.id, level: 'volume', name: v.name, order: vi })
          v.content.forEach(([chapter, sections], ci) => {
            const cid = `${v.id}-c${ci + 1}`
            out.push({ id: cid, parentId: v.id, level: 'chapter', name: chapter, order: ci })
            sections.forEach((sec, xi) =>
              out.push({ id: `${cid}-s${xi + 1}`, parentId: cid, level: 'section', name: sec, order: xi })
            )
          })
        })
      })
    })
  })
  return out
}

export const school = { id: 'sch-330106-wy', name: '杭州市西湖区文渊小学' }

/** Sign-in credentials for the reference platform's page (documented in docs/platform-api.yaml). */
export const teachers = [
  { id: 't-1001', username: 'wanglihua', password: 'classdeck', name: '王丽华', subjects: ['数学'] },
  { id: 't-1002', username: 'lijianguo', password: 'classdeck', name: '李建国', subjects: ['语文'] },
  { id: 't-1003', username: 'zhangmin', password: 'classdeck', name: '张敏', subjects: ['英语'] }
] as const

export const term = '2026-2027学年第一学期'

export const classes = [
  {
    id: 'c-301',
    name: '三年级(1)班',
    grade: '三年级',
    size: 42,
    teachers: { 't-1001': '数学', 't-1002': '语文', 't-1003': '英语' }
  },
  { id: 'c-302', name: '三年级(2)班', grade: '三年级', size: 44, teachers: { 't-1001': '数学', 't-1003': '英语' } },
  { id: 'c-303', name: '三年级(3)班', grade: '三年级', size: 41, teachers: { 't-1002': '语文' } }
] as const

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '萧',
  '田',
  '董',
  '潘',
  '袁',
  '蔡',
  '蒋',
  '余'
]
const boyNames = [
  '子轩',
  '浩然',
  '宇航',
  '俊杰',
  '梓豪',
  '一鸣',
  '博文',
  '天佑',
  '明哲',
  '皓轩',
  '思远',
  '嘉豪',
  '铭泽',
  '睿',
  '晨阳',
  '雨泽',
  '奕辰',
  '家乐',
  '志强',
  '昊天'
]
const girlNames = [
  '欣怡',
  '梓涵',
  '诗涵',
  '雨桐',
  '可馨',
  '思琪',
  '语嫣',
  '一诺',
  '佳怡',
  '若曦',
  '雅婷',
  '梦瑶',
  '紫萱',
  '静怡',
  '安琪',
  '子涵',
  '书瑶',
  '芷若',
  '晓彤',
  '婉清'
]

/** A small deterministic PRNG (mulberry32) so every run seeds the same names. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function roster(
  classId: string,
  size: number
): { id: string; name: string; studentNo: string; gender: '男' | '女' }[] {
  const r = rng([...classId].reduce((h, c) => h * 31 + c.charCodeAt(0), 7))
  const seen = new Set<string>()
  const out: { id: string; name: string; studentNo: string; gender: '男' | '女' }[] = []
  for (let i = 0; out.length < size && i < size * 20; i++) {
    const gender = r() < 0.5 ? '男' : '女'
    const given = gender === '男' ? boyNames : girlNames
    const name = surnames[Math.floor(r() * surnames.length)]! + given[Math.floor(r() * given.length)]!
    if (seen.has(name)) continue
    seen.add(name)
    const no = String(out.length + 1).padStart(2, '0')
    out.push({ id: `${classId}-s${no}`, name, studentNo: `2024${classId.slice(2)}${no}`, gender })
  }
  return out
}

export const appClients = [
  { clientId: 'classdeck-desktop', secret: 'classdeck-dev-secret', name: 'ClassDeck 教学助手' }
] as const
