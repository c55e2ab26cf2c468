/** The chart data editor's words, Chinese first (English says the same). */
export const chartMessages = {
  'zh-CN': {
    chart: {
      edit: '编辑图表数据',
      title: '图表数据',
      done: '完成',
      kind: '图表类型',
      kinds: {
        column: '柱形图',
        bar: '条形图',
        line: '折线图',
        area: '面积图',
        pie: '饼图',
        doughnut: '圆环图',
        scatter: '散点图',
        radar: '雷达图'
      },
      grouping: '排列',
      groupings: { clustered: '并排', stacked: '堆积', percent: '百分比堆积' },
      legend: '图例',
      legends: { bottom: '下方', top: '上方', left: '左侧', right: '右侧', none: '不显示' },
      dataLabels: '显示数值',
      chartTitle: '标题',
      xAxisTitle: '横轴标题',
      yAxisTitle: '纵轴标题',
      category: '类别',
      x: 'X 值',
      seriesName: '系列名称',
      addRow: '添加一行',
      addSeries: '添加系列',
      removeRow: '删除第 {n} 行',
      removeSeries: '删除系列“{name}”',
      notNumber: '“{text}”不是数字，已保留原来的值。',
      pieFirst: '饼图和圆环图只画第一个系列。',
      limitRows: '最多 {n} 行。',
      limitSeries: '最多 {n} 个系列。',
      preview: '预览',
      undoLabel: '编辑图表'
    }
  },
  en: {
    chart: {
      edit: 'Edit chart data',
      title: 'Chart data',
      done: 'Done',
      kind: 'Chart type',
      kinds: {
        column: 'Column',
        bar: 'Bar',
        line: 'Line',
        area: 'Area',
        pie: 'Pie',
        doughnut: 'Doughnut',
        scatter: 'Scatter',
        radar: 'Radar'
      },
      grouping: 'Grouping',
      groupings: { clustered: 'Side by side', stacked: 'Stacked', percent: '100% stacked' },
      legend: 'Legend',
      legends: { bottom: 'Bottom', top: 'Top', left: 'Left', right: 'Right', none: 'Hidden' },
      dataLabels: 'Show values',
      chartTitle: 'Title',
      xAxisTitle: 'Horizontal axis title',
      yAxisTitle: 'Vertical axis title',
      category: 'Category',
      x: 'X value',
      seriesName: 'Series name',
      addRow: 'Add a row',
      addSeries: 'Add series',
      removeRow: 'Delete row {n}',
      removeSeries: 'Delete series "{name}"',
      notNumber: '"{text}" is not a number; the old value was kept.',
      pieFirst: 'Pie and doughnut charts draw only the first series.',
      limitRows: 'At most {n} rows.',
      limitSeries: 'At most {n} series.',
      preview: 'Preview',
      undoLabel: 'Edit chart'
    }
  }
}
