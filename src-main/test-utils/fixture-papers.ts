/**
 * Test papers as teachers write them, made into Word files by the `docx` package at test time: each
 * paragraph a line of the paper, a tab in it a Word tab (options are often spaced out with tabs), a
 * heading line in bold as papers print them.
 */

/** A paper: its lines; a line starting with "# " is a bold heading. */
export async function paperDocx(lines: readonly string[]): Promise<Uint8Array> {
  const d = await import('docx')
  const paragraph = (line: string) => {
    const bold = line.startsWith('# ')
    const text = bold ? line.slice(2) : line
    const runs = text.split('\t').flatMap((piece, i) => {
      const run = new d.TextRun({ text: piece, bold })
      return i === 0 ? [run] : [new d.TextRun({ children: [new d.Tab()] }), run]
    })
    return new d.Paragraph({ children: runs })
  }
  const doc = new d.Document({ creator: '张老师', sections: [{ children: lines.map(paragraph) }] })
  return new Uint8Array(await d.Packer.toBuffer(doc))
}

/** 数学: sections by kind, options spread with tabs or one a line, answers in a 参考答案 block at the end. */
export const MATH_PAPER = [
  '# 三年级数学上册 第八单元《分数的初步认识》测试卷',
  '姓名：________ 班级：________ 得分：________',
  '# 一、选择题（每小题 3 分，共 12 分）',
  '1．把一个蛋糕平均分成 8 份，每份是它的（  ）。',
  'A．1/8\tB．1/4\tC．8\tD．1/2',
  '2．下面的图形中，涂色部分能用 1/3 表示的是（  ）。',
  'A．正方形平均分成 3 份，涂 1 份',
  'B．圆分成 3 份（不平均），涂 1 份',
  'C．长方形平均分成 4 份，涂 1 份',
  '3．一根绳子用去了它的 2/5，还剩它的（  ）。',
  'A．2/5\tB．3/5\tC．1/5',
  '4．比较 1/6 和 1/8 的大小，正确的是（  ）。',
  'A．1/6 > 1/8    B．1/6 < 1/8    C．1/6 = 1/8',
  '# 二、填空题（每空 2 分，共 8 分）',
  '5．4 个 1/7 是（    ）。',
  '6．1 - 3/8 = （    ）。',
  '# 三、判断题（对的打“√”，错的打“×”）',
  '7．把一张纸分成 4 份，每份是它的 1/4。（  ）',
  '8．1/2 和 2/4 一样大。（  ）',
  '# 四、解答题',
  '9．妈妈买了一个西瓜，小明吃了 1/4，爸爸吃了 2/4，两人一共吃了这个西瓜的几分之几？',
  '# 参考答案',
  '一、选择题  1～4  ACBA',
  '二、填空题',
  '5．4/7  6．5/8',
  '三、判断题',
  '7．×  8．√',
  '四、解答题',
  '9．1/4 + 2/4 = 3/4，答：一共吃了这个西瓜的 3/4。'
]

/** 语文: 【答案】【解析】 after each question, on one line or several, in the way 组卷 sites print them. */
export const CHINESE_PAPER = [
  '# 七年级语文上册 第一单元 基础知识检测',
  '# 一、单项选择题',
  '1、下列加点字注音完全正确的一项是（  ）',
  'A、酝酿（niàng）\tB、贮蓄（zhù）\tC、应和（hé）\tD、粗犷（kuàng）',
  '【答案】B【解析】A 项“酿”应读 niàng 轻声；C 项“和”读 hè；D 项“犷”读 guǎng。',
  '2、下列句子中没有语病的一项是（  ）',
  'A、通过这次活动，使我们懂得了团结的重要。',
  'B、我们要养成良好的读书习惯。',
  'C、他的写作水平明显改进了。',
  'D、能否保持乐观，是身体健康的关键。',
  '【答案】B',
  '【分析】本题考查病句辨析。',
  '【详解】A 项缺主语；C 项搭配不当；D 项两面对一面。',
  '3、对下列句子运用的修辞手法判断正确的一项是（  ）',
  '①小草偷偷地从土里钻出来。',
  '②红的像火，粉的像霞，白的像雪。',
  '③山朗润起来了，水涨起来了，太阳的脸红起来了。',
  'A．①拟人 ②比喻 ③排比\tB．①比喻 ②拟人 ③排比',
  'C．①拟人 ②排比 ③比喻\tD．①排比 ②比喻 ③拟人',
  '【答案】A',
  '【解析】①把小草当作人来写；②连用三个比喻；③三个结构相同的句子。',
  '# 二、填空题（古诗文默写）',
  '4、海日生残夜，____________。（王湾《次北固山下》）',
  '答案：江春入旧年',
  '5、夕阳西下，____________。（马致远《天净沙·秋思》）',
  '【答案】断肠人在天涯【解析】注意“肠”字的写法。',
  '# 三、多项选择题',
  '6、下列作品与作者对应正确的有（  ）',
  'A、《春》——朱自清\tB、《济南的冬天》——老舍\tC、《雨的四季》——刘湛秋\tD、《秋天的怀念》——冰心',
  '【答案】ABC【解析】《秋天的怀念》的作者是史铁生。'
]

/** 混合: ① options, （A） options, true/false answers in every spelling, numbers restart in each section. */
export const MIXED_PAPER = [
  '# 四年级科学 第二单元 练习',
  '# 一、选择题',
  '1．水在（  ）时会结冰。',
  '①0 ℃\t②10 ℃\t③100 ℃',
  '2．下列属于导体的是（  ）。',
  '（A）塑料尺\t（B）铁钉\t（C）橡皮',
  '3．植物生长需要的是（  ）。',
  '①阳光',
  '②水',
  '③石头',
  '# 二、判断题',
  '1．蚂蚁有六条腿。（  ）',
  '2．月亮自己会发光。（  ）',
  '3．声音在水中也能传播。（  ）',
  '4．所有的金属都能被磁铁吸引。（  ）',
  '5．种子发芽需要适宜的温度。（  ）',
  '6．鲸是鱼类。（ × ）',
  '# 参考答案',
  '一、1．①  2．B  3．①②',
  '二、1．√  2．×  3．正确  4．错误  5．T'
]

/** 数学: question text that starts with a number, decimals, fractions, 第6题：, and （1） numbering. */
export const NUMBERS_PAPER = [
  '# 五年级数学 小数与分数 小测',
  '# 一、填空题',
  '1．0.5 = ____（填分数）',
  '【答案】1/2｜二分之一',
  '2．3个1/5是____。',
  '【答案】3/5',
  '3. 2.5 + 1.5 = ____',
  '【答案】4',
  '4．12 的 1/3 是____。',
  '答案：4',
  '5．这道题忘了写答案____',
  '第6题：1/2 + 1/4 = ____',
  '答案：3/4',
  '# 二、选择题',
  '（1）1.5 和 1.50 比较（  ）',
  'A．1.5 大    B．1.50 大    C．一样大',
  '答案：C',
  '（2）3/4 化成小数是（  ）',
  'A．0.34\tB．0.75\tC．3.4',
  '答案：B'
]
