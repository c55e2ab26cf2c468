import { describe, expect, it } from 'vitest'
import { KINDS, QUESTION_KINDS, QuestionSpec, kindModule, type Answer, type QuestionSpecInput, type TallySink } from '.'
import { checkAnswer, describeAnswer, keyText, markAnswer, revealedKey, toStudentQuestion } from '../question'

const spec = (input: QuestionSpecInput) => QuestionSpec.parse(input)

function tallyOf(input: QuestionSpecInput, answers: Answer[]) {
  const s = spec(input)
  const m = kindModule(s.kind)
  const sink: TallySink & { buzzes: [string, number][]; photos: string[] } = {
    counts: new Array<number>(m.bars(s).length).fill(0),
    words: new Map(),
    buzzes: [],
    photos: [],
    buzz(id, _at, winners) {
      sink.buzzes.push([id, winners])
    },
    photo(_id, photoId) {
      sink.photos.push(photoId)
    }
  }
  answers.forEach((a, i) => m.tally(sink, a, { studentId: `s${i}`, receivedAt: '2026-12-04T08:00:00.000Z' }, s))
  return sink
}

describe('question kinds', () => {
  it('has one module for every kind, each naming its own kind', () => {
    expect(QUESTION_KINDS).toEqual([
      'single',
      'multiple',
      'truefalse',
      'fillin',
      'poll',
      'wordcloud',
      'buzz',
      'photo',
      'number',
      'ordering',
      'drawing'
    ])
    for (const k of QUESTION_KINDS) expect(KINDS[k].kind).toBe(k)
  })

  it('single: marks the one key, refuses an option the question has not, reveals and names the key as a letter', () => {
    const s = spec({ kind: 'single', prompt: '2+2=?', options: ['3', '4', '5'], correct: 1 })
    expect(markAnswer(s, { kind: 'single', choice: 1 })).toBe(true)
    expect(markAnswer(s, { kind: 'single', choice: 0 })).toBe(false)
    expect(checkAnswer(s, { kind: 'single', choice: 3 })).toEqual({
      ok: false,
      refusal: 'wrong-kind',
      reason: { zh: '没有这个选项', en: 'There is no such option' }
    })
    expect(revealedKey('r', s)).toEqual({ runId: 'r', options: [1], text: 'B' })
    expect(keyText(s)).toBe('B')
    expect(describeAnswer({ kind: 'single', choice: 2 })).toBe('C')
    expect(tallyOf({ kind: 'single', options: ['a', 'b'] }, [{ kind: 'single', choice: 1 }]).counts).toEqual([0, 1])
    expect(() => spec({ kind: 'single', options: ['a', 'b'], correct: 2 })).toThrow(/没有第 3 个选项/)
    expect(markAnswer(spec({ kind: 'single', options: ['a', 'b'] }), { kind: 'single', choice: 0 })).toBeNull()
  })

  it('multiple: right only with every key and nothing else, in any order; one option once', () => {
    const s = spec({ kind: 'multiple', options: ['a', 'b', 'c', 'd'], correct: [3, 0] })
    expect(markAnswer(s, { kind: 'multiple', choices: [0, 3] })).toBe(true)
    expect(markAnswer(s, { kind: 'multiple', choices: [0] })).toBe(false)
    expect(markAnswer(s, { kind: 'multiple', choices: [0, 3, 1] })).toBe(false)
    expect(checkAnswer(s, { kind: 'multiple', choices: [1, 1] })).toMatchObject({
      ok: false,
      reason: { zh: '同一个选项只能选一次' }
    })
    expect(revealedKey('r', s).options).toEqual([0, 3])
    expect(keyText(s)).toBe('AD')
    expect(describeAnswer({ kind: 'multiple', choices: [2, 0] })).toBe('AC')
  })

  it('truefalse: the bars are 对 and 错, and the revealed key names its bar', () => {
    const s = spec({ kind: 'truefalse', prompt: '地球是圆的', correct: false })
    expect(markAnswer(s, { kind: 'truefalse', value: false })).toBe(true)
    expect(revealedKey('r', s)).toEqual({ runId: 'r', options: [1], value: false, text: '错' })
    expect(keyText(s)).toBe('错')
    expect(toStudentQuestion('r', s, new Date(0)).options).toEqual(['对', '错'])
    const sink = tallyOf({ kind: 'truefalse' }, [
      { kind: 'truefalse', value: true },
      { kind: 'truefalse', value: false },
      { kind: 'truefalse', value: false }
    ])
    expect(sink.counts).toEqual([1, 2])
  })

  it('fillin: every blank must match one of its answers, full-width and case aside; the key lists them per blank', () => {
    const s = spec({ kind: 'fillin', blanks: [{ accepted: ['H2O', '水'] }, { accepted: ['100'] }] })
    expect(markAnswer(s, { kind: 'fillin', texts: [' ｈ２ｏ ', '１００'] })).toBe(true)
    expect(markAnswer(s, { kind: 'fillin', texts: ['水', '99'] })).toBe(false)
    expect(checkAnswer(s, { kind: 'fillin', texts: ['水'] })).toMatchObject({
      ok: false,
      reason: { zh: '请填写全部 2 个空' }
    })
    expect(checkAnswer(s, { kind: 'fillin', texts: ['水', ' '] })).toMatchObject({
      ok: false,
      reason: { zh: '还有空没有填写' }
    })
    expect(revealedKey('r', s).accepted).toEqual([['H2O', '水'], ['100']])
    expect(keyText(s)).toBe('H2O/水 | 100')
    expect(JSON.stringify(toStudentQuestion('r', s, new Date(0)))).not.toContain('H2O')
    expect(
      markAnswer(spec({ kind: 'fillin', blanks: [{ accepted: [] }] }), { kind: 'fillin', texts: ['x'] })
    ).toBeNull()
  })

  it('poll: nothing is right or wrong; a one-choice poll takes one choice', () => {
    const one = spec({ kind: 'poll', options: ['a', 'b', 'c'] })
    expect(markAnswer(one, { kind: 'poll', choices: [0] })).toBeNull()
    expect(checkAnswer(one, { kind: 'poll', choices: [0, 1] })).toMatchObject({
      ok: false,
      reason: { zh: '这次投票只能选一项' }
    })
    expect(
      checkAnswer(spec({ kind: 'poll', options: ['a', 'b'], multi: true }), { kind: 'poll', choices: [0, 1] }).ok
    ).toBe(true)
    expect(keyText(one)).toBeNull()
    expect(
      tallyOf({ kind: 'poll', options: ['a', 'b'], multi: true }, [{ kind: 'poll', choices: [0, 1] }]).counts
    ).toEqual([1, 1])
  })

  it('wordcloud: counts each normalised word once a student, and refuses more words than asked for', () => {
    const s = spec({ kind: 'wordcloud', maxWords: 2 })
    expect(checkAnswer(s, { kind: 'wordcloud', words: ['a', 'b', 'c'] })).toMatchObject({
      ok: false,
      reason: { zh: '最多写 2 个词' }
    })
    expect(checkAnswer(s, { kind: 'wordcloud', words: ['  '] })).toMatchObject({
      ok: false,
      reason: { zh: '请至少写一个词' }
    })
    const sink = tallyOf({ kind: 'wordcloud' }, [
      { kind: 'wordcloud', words: ['Ａpple', 'apple'] },
      { kind: 'wordcloud', words: ['apple', '梨'] }
    ])
    expect([...sink.words]).toEqual([
      ['apple', 2],
      ['梨', 1]
    ])
  })

  it('buzz, photo and drawing: buzzes are tallied in order with the winners the spec sets; pictures never come over the socket', () => {
    expect(tallyOf({ kind: 'buzz', winners: 2 }, [{ kind: 'buzz' }, { kind: 'buzz' }]).buzzes).toEqual([
      ['s0', 2],
      ['s1', 2]
    ])
    expect(tallyOf({ kind: 'photo' }, [{ kind: 'photo', photoId: 'p1' }]).photos).toEqual(['p1'])
    expect(QUESTION_KINDS.filter((k) => KINDS[k].upload)).toEqual(['photo', 'drawing'])
    expect(KINDS.drawing.upload!('p2')).toEqual({ kind: 'drawing', photoId: 'p2' })
    expect(tallyOf({ kind: 'drawing' }, [{ kind: 'drawing', photoId: 'p2' }]).photos).toEqual(['p2'])
  })

  it('checks an answer with its own kind’s strict schema and says what is wrong for that kind', () => {
    const s = spec({ kind: 'truefalse', correct: true })
    expect(checkAnswer(s, { kind: 'truefalse', value: true, correct: true })).toEqual({
      ok: false,
      refusal: 'invalid',
      reason: KINDS.truefalse.badShape
    })
    expect(checkAnswer(s, { kind: 'truefalse', value: 'yes' })).toMatchObject({ refusal: 'invalid' })
    expect(checkAnswer(s, { kind: 'single', choice: 0 })).toMatchObject({
      refusal: 'wrong-kind',
      reason: { zh: '这道题是判断题，请按题型作答' }
    })
    expect(checkAnswer(s, null)).toMatchObject({ refusal: 'wrong-kind' })
    expect(checkAnswer(s, { kind: 'truefalse', value: true })).toEqual({
      ok: true,
      answer: { kind: 'truefalse', value: true }
    })
  })

  it('takes a key tapped on the board’s bars only for kinds whose key is bars', () => {
    const abcd = spec({ kind: 'single', options: ['A', 'B', 'C', 'D'] })
    expect(kindModule('single').keyFromBars(abcd, [2])).toMatchObject({ correct: 2 })
    expect(kindModule('single').keyFromBars(abcd, [0, 1])).toBeNull()
    expect(kindModule('single').keyFromBars(abcd, [4])).toBeNull()
    const many = spec({ kind: 'multiple', options: ['a', 'b', 'c'] })
    expect(kindModule('multiple').keyFromBars(many, [2, 0, 2])).toMatchObject({ correct: [0, 2] })
    const tf = spec({ kind: 'truefalse' })
    expect(kindModule('truefalse').keyFromBars(tf, [0])).toMatchObject({ correct: true })
    expect(kindModule('truefalse').keyFromBars(tf, [1])).toMatchObject({ correct: false })
    for (const k of ['fillin', 'poll', 'wordcloud', 'buzz', 'photo'] as const) {
      const s = spec(
        k === 'fillin'
          ? { kind: k, blanks: [{ accepted: ['x'] }] }
          : k === 'poll'
            ? { kind: k, options: ['a', 'b'] }
            : { kind: k }
      )
      expect(kindModule(k).keyFromBars(s, [0])).toBeNull()
    }
  })

  it('gives every kind the platform’s term for quiz results', () => {
    expect(Object.fromEntries(QUESTION_KINDS.map((k) => [k, KINDS[k].platform]))).toEqual({
      single: 'single',
      multiple: 'multiple',
      truefalse: 'judge',
      fillin: 'fill',
      poll: 'vote',
      wordcloud: 'open',
      buzz: 'open',
      photo: 'open',
      // The platform has no number kind; a number is a one-blank fill-in there.
      number: 'fill',
      ordering: 'open',
      drawing: 'open'
    })
  })
})
