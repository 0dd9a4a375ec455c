/** UI strings of the briefing presentation view, merged into the main dictionaries (i18n.ts). */
export const briefingStrings = {
  zh: {
    briefing: {
      prev: '上一页', next: '下一页', close: '关闭', fullscreen: '全屏', exitFullscreen: '退出全屏',
      pdf: '下载 PDF', pdfBusy: '正在生成 PDF…', keys: '← → 翻页 · Esc 关闭',
      // Words drawn on the pages themselves: the view asks for them in the briefing's language.
      legend: '图例', north: '北', unit: '（单位：{{unit}}）', pageOf: '第 {{n}} 页 / 共 {{m}} 页',
    },
  },
  en: {
    briefing: {
      prev: 'Previous', next: 'Next', close: 'Close', fullscreen: 'Full screen', exitFullscreen: 'Exit full screen',
      pdf: 'Download PDF', pdfBusy: 'Making the PDF…', keys: '← → page · Esc close',
      legend: 'Legend', north: 'N', unit: ' ({{unit}})', pageOf: 'Page {{n}} of {{m}}',
    },
  },
};
