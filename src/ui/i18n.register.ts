/** UI strings of the hazard register, merged into the main dictionaries (i18n.ts). */
import { EXPOSURE_STATUS, HAZARD_RISK_LEVELS, labelTable, RISK_LEVEL, type ExposureStatus } from '../core/vocabulary';

export const registerStrings = {
  zh: {
    register: {
      button: '隐患排查', title: '地质灾害隐患排查台账', run: '运行分析', rerun: '重新分析', running: '正在分析 {{done}}/{{total}}…', cancel: '取消',
      newHazards: '项目中有新的隐患图层 {{names}} 尚未纳入分析。请在设置中勾选后重新分析：', notRun: '尚未分析。点击“运行分析”，检查每个村庄、农户和安置点位于哪些隐患区内或附近。', ranAt: '分析于 {{time}}', close: '关闭',
      tabs: { entries: '台账', summary: '统计', changes: '变化', settings: '设置' },
      filter: { township: '乡镇', hazardType: '灾种', level: '等级', status: '影响', review: '审核', role: '类别', all: '全部', search: '搜索名称或编号' },
      col: { name: '名称', township: '乡镇', people: '人口', status: '影响', level: '等级', nearest: '最近(米)', review: '审核' },
      shown: '显示 {{shown}} / {{total}} 条', more: '显示更多', unknownTownship: '（未定乡镇）', county: '全县合计',
      review: { title: '审核', status: '结论', note: '意见', date: '日期', save: '保存审核', history: '审核记录', previous: '复核前：{{status}}（{{date}}）', required: '请填写审核意见。' },
      summary: { ...labelTable(EXPOSURE_STATUS, 'zh'), villages: '村', households: '户', people: '人', byHazard: '按灾种和等级（{{area}}）', type: '灾种', level: '等级', roles: { villages: '自然村', households: '农户', settlements: '安置点' } },
      changes: { none: '与上次分析相比没有变化。', first: '这是第一次分析；再次分析（例如导入新的隐患调查图层后）将在此列出变化。', between: '{{before}} → {{after}}', new: '新增受影响', gone: '不再受影响', level: '等级变化', hits: '隐患变化', count: '{{count}} 条变化', hazardCount: '{{count}} 处' },
      settings: { hazards: '隐患图层', exposed: '承灾体图层', buffers: '缓冲距离（米）', reset: '恢复默认', source: '缓冲距离为本县设定（所引政策文件未给出公开标准），请按本县地质灾害防治规定确认或修改。隐患自带的威胁半径或缓冲距离优先。', apply: '按新设置重新分析', newLayer: '新' },
      export: { csv: '导出 CSV', xlsx: '导出 Excel' },
      popup: { hazards: '隐患影响', none: '不在任何隐患的缓冲范围内。', threatens: '影响范围内', nothing: '缓冲范围内没有村庄、农户或安置点。', total: '合计 {{count}} 处，{{people}}', inside: '区内', metres: '{{m}} 米' },
      flag: { inside: '位于{{type}}隐患区内（{{level}}，{{id}}）', near: '距{{type}}隐患 {{m}} 米（{{level}}，{{id}}）', clear: '未发现隐患' } satisfies Record<ExposureStatus, string>,
      legend: { title: '隐患影响', ...labelTable(RISK_LEVEL, 'zh', HAZARD_RISK_LEVELS), inside: '粗环：区内', near: '细环：附近' },
    },
  },
  en: {
    register: {
      button: 'Hazard check', title: 'Hazard exposure register', run: 'Run analysis', rerun: 'Run again', running: 'Analysing {{done}}/{{total}}…', cancel: 'Cancel',
      newHazards: 'New hazard layers {{names}} are not in the analysis yet. Choose them in', notRun: 'Not analysed yet. Run the analysis to find which villages, households and settlements lie inside or near a hazard.', ranAt: 'Analysed {{time}}', close: 'Close',
      tabs: { entries: 'Register', summary: 'Figures', changes: 'Changes', settings: 'Settings' },
      filter: { township: 'Township', hazardType: 'Hazard', level: 'Class', status: 'Exposure', review: 'Review', role: 'Kind', all: 'All', search: 'Search name or id' },
      col: { name: 'Name', township: 'Township', people: 'People', status: 'Exposure', level: 'Class', nearest: 'Nearest (m)', review: 'Review' },
      shown: '{{shown}} of {{total}} entries', more: 'Show more', unknownTownship: '(township unknown)', county: 'County total',
      review: { title: 'Review', status: 'Finding', note: 'Note', date: 'Date', save: 'Save review', history: 'History', previous: 'Before the change: {{status}} ({{date}})', required: 'Write a note for the review.' },
      summary: { ...labelTable(EXPOSURE_STATUS, 'en'), villages: 'villages', households: 'households', people: 'people', byHazard: 'By hazard type and class ({{area}})', type: 'Hazard', level: 'Class', roles: { villages: 'Villages', households: 'Households', settlements: 'Settlements' } },
      changes: { none: 'Nothing changed since the previous analysis.', first: 'This is the first analysis; running again (e.g. after importing a newer hazard survey) lists what changed here.', between: '{{before}} → {{after}}', new: 'Newly exposed', gone: 'No longer exposed', level: 'Class changed', hits: 'Hazards changed', count: '{{count}} changes', hazardCount: '{{count}} hazards' },
      settings: { hazards: 'Hazard layers', exposed: 'Exposed layers', buffers: 'Buffer distances (m)', reset: 'Reset to defaults', source: "The buffer distances are the county's own setting (the cited policy documents give no published standard); confirm them or set your county's own. A hazard's own threat radius or buffer wins.", apply: 'Run again with these settings', newLayer: 'new' },
      export: { csv: 'Export CSV', xlsx: 'Export Excel' },
      popup: { hazards: 'Hazards', none: 'Outside every hazard buffer.', threatens: 'Within its buffer', nothing: 'No village, household or settlement within its buffer.', total: '{{count}} in all, {{people}}', inside: 'inside', metres: '{{m}} m' },
      flag: { inside: 'Inside {{type}} zone ({{level}}, {{id}})', near: '{{m}} m from {{type}} hazard ({{level}}, {{id}})', clear: 'No hazard found' } satisfies Record<ExposureStatus, string>,
      legend: { title: 'Hazard exposure', ...labelTable(RISK_LEVEL, 'en', HAZARD_RISK_LEVELS), inside: 'Thick ring: inside', near: 'thin ring: near' },
    },
  },
};
