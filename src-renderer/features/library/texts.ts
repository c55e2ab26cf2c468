/** The library page's words, Chinese first. Kept beside the page so the feature stays in one folder. */
export const libraryTexts = {
  'zh-CN': {
    title: '资源库',
    search: '搜索标题、标签和课件里的文字',
    all: '全部资源',
    unfiled: '未挂章节',
    add: '添加文件',
    drop: '把文件拖到这里添加到资源库',
    originalOnly: '只看原创',
    types: '类型',
    formats: '格式',
    results: (n: number) => `共 ${n} 个`,
    searchResults: (n: number) => `找到 ${n} 个`,
    empty: '这里还没有资源。点“添加文件”或把文件拖进来。',
    noHits: '没有找到。换个词试试，两个字的词也可以搜。',
    remove: '删除',
    confirmRemove: (t: string) => `从资源库删除“${t}”？文件也会一并删除。`,
    added: '已添加',
    duplicate: '已在资源库中（内容相同）',
    failed: '未能添加',
    textNotRead: '未读取文件里的文字，只能按标题和标签搜索',
    textFailed: '文件里的文字读取失败',
    formatNames: {
      word: 'Word',
      ppt: 'PPT',
      pdf: 'PDF',
      edux: '课件',
      video: '视频',
      audio: '音频',
      image: '图片',
      other: '其他'
    } as Record<string, string>
  },
  en: {
    title: 'Library',
    search: 'Search titles, tags and the text inside files',
    all: 'All resources',
    unfiled: 'Not on a chapter',
    add: 'Add files',
    drop: 'Drop files here to add them to the library',
    originalOnly: 'Original only',
    types: 'Type',
    formats: 'Format',
    results: (n: number) => `${n} in all`,
    searchResults: (n: number) => `${n} found`,
    empty: 'Nothing here yet. Use “Add files” or drop files here.',
    noHits: 'Nothing found. Try another word; two-character words work too.',
    remove: 'Delete',
    confirmRemove: (t: string) => `Delete “${t}” and its file from the library?`,
    added: 'Added',
    duplicate: 'Already in the library (same content)',
    failed: 'Not added',
    textNotRead: 'Text inside was not read; found by title and tags only',
    textFailed: 'Reading the text inside failed',
    formatNames: {
      word: 'Word',
      ppt: 'PPT',
      pdf: 'PDF',
      edux: 'Deck',
      video: 'Video',
      audio: 'Audio',
      image: 'Image',
      other: 'Other'
    } as Record<string, string>
  }
}
export type LibraryTexts = (typeof libraryTexts)['zh-CN']
