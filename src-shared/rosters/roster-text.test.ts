import { describe, expect, it } from 'vitest'
import { parseRosterText, rosterText } from './roster-text'
import { RosterSave, rosterProblems } from '../contract/rosters'

describe('a class list as teachers type it', () => {
  it('reads one name a line with no groups', () => {
    expect(parseRosterText('张三\n李四、王五\n\n 赵六 ')).toEqual({
      students: ['张三', '李四', '王五', '赵六'],
      groups: []
    })
  })

  it('reads group lines on their own and with their members on the same line', () => {
    const t = parseRosterText('班长\n第1组：\n张三\n李四\n第2组：王五、赵六\n【红队】孙七\n周八')
    expect(t.students).toEqual(['班长', '张三', '李四', '王五', '赵六', '孙七', '周八'])
    expect(t.groups).toEqual([
      { name: '第1组', members: ['张三', '李四'] },
      { name: '第2组', members: ['王五', '赵六'] },
      { name: '红队', members: ['孙七', '周八'] }
    ])
  })

  it('drops a group line with nobody under it, and joins a group named twice', () => {
    const t = parseRosterText('空组：\n第1组：\n第2组：张三\n第1组：李四')
    expect(t.groups).toEqual([
      { name: '第1组', members: ['李四'] },
      { name: '第2组', members: ['张三'] }
    ])
  })

  it('writes a roster back as the same text', () => {
    const groups = [
      { name: '第1组', members: ['张三', '李四'] },
      { name: '第2组', members: ['王五'] }
    ]
    const text = rosterText(['班长', '张三', '李四', '王五'], groups)
    expect(text).toBe('班长\n第1组：\n张三\n李四\n第2组：\n王五')
    expect(parseRosterText(text)).toEqual({ students: ['班长', '张三', '李四', '王五'], groups })
  })
})

describe('rosters:save with 分组', () => {
  const save = (groups: { name: string; members: string[] }[], students = ['张三', '李四', '王五', '赵六']) =>
    RosterSave.safeParse({ name: '七年级1班', students, groups })

  it('keeps 2–8 named groups of the class’s own students', () => {
    const r = save([
      { name: ' 第1组 ', members: ['张三', '李四'] },
      { name: '第2组', members: ['王五'] },
      { name: '空组', members: [] }
    ])
    expect(r.success).toBe(true)
    expect(r.data!.groups).toEqual([
      { name: '第1组', members: ['张三', '李四'] },
      { name: '第2组', members: ['王五'] }
    ])
  })

  it('says in Chinese and English what is wrong with the groups', () => {
    const one = save([{ name: '全班', members: ['张三'] }])
    expect(one.error!.issues[0]!.message).toContain('小组PK 需要 2–8 组')
    const stranger = save([
      { name: '第1组', members: ['张三'] },
      { name: '第2组', members: ['路人'] }
    ])
    expect(stranger.error!.issues.map((i) => i.message)).toEqual(['“路人”在“第2组”里，却不在这个班的名单上。'])
    const twice = save([
      { name: '第1组', members: ['张三'] },
      { name: '第2组', members: ['张三'] }
    ])
    expect(twice.error!.issues[0]!.message).toContain('每名学生只能在一个组')
    expect(rosterProblems(twice.error!.issues)[0]!.en).toContain('a student belongs to one group')
    const same = save([
      { name: '第1组', members: ['张三'] },
      { name: '第1组', members: ['李四'] }
    ])
    expect(same.error!.issues[0]!.message).toBe('组名“第1组”重复了。')
  })
})
