/** UI strings of the suitability model builder, merged into the main dictionaries (i18n.ts). */
import type { LayerRole } from '../core/vocabulary';

export const suitabilityStrings = {
  zh: {
    suit: {
      button: '选址分析', title: '适宜性分析（选址）', close: '关闭', running: '正在计算…', updated: '{{ms}} 毫秒内更新',
      model: '模型', addPreset: '按预设新建…', duplicate: '复制', rename: '重命名', delete: '删除', confirmDelete: '删除模型“{{name}}”？', renamePrompt: '模型名称',
      presets: { relocation: '新建安置点', workshop: '来料加工车间', solar: '光伏电站', livestock: '畜禽养殖场' },
      tabs: { criteria: '评价因子', weights: '权重', rules: '排除规则', regions: '候选区' },
      legend: { title: '适宜性得分', low: '低', high: '高', excluded: '排除区', area: '参评 {{valid}} 公顷 · 排除 {{excluded}} 公顷' },
      source: { slope: '坡度（°）', elevation: '高程（米）', aspect: '坡向（°，北起顺时针）', distance: '距离（米）' },
      kinds: { ranges: '分级', categories: '类别', linear: '线性', gaussian: '高斯', small: '越小越好', large: '越大越好', near: '接近某值' },
      transform: { kind: '变换', from: '起点', to: '终点', scoreFrom: '起点得分', scoreTo: '终点得分', mid: '中点', spread: '离散度', breaks: '分级界值', scores: '各级得分', values: '类别值', other: '其他得分', hint: '拖动图中的控制点，或直接输入数值。灰色柱为该因子在全县的分布。', noFeature: '无要素' },
      criterion: { add: '添加因子', remove: '删除因子', name: '名称', kind: '来源', target: '目标图层', where: '筛选（字段=值，逗号分隔）', weight: '权重' },
      roles: { roads: '道路', settlements: '安置点与城镇', schools: '学校', clinics: '医疗机构', villages: '自然村', rivers: '河流', water_source: '水源保护区', farmland: '基本农田', eco_redline: '生态红线', public_forest: '公益林', hazards: '地质灾害', industrial_parks: '产业园区', boundary: '行政界线', households: '农户', dem: 'DEM' } satisfies Record<LayerRole, string>,
      weights: { direct: '直接赋权', ahp: '层次分析法（AHP）', share: '占比', pair: '{{a}} 相对 {{b}}', cr: '一致性比率 CR = {{cr}}', ok: '一致性可接受（CR < 0.1）', bad: 'CR ≥ 0.1，判断不一致。最不一致的一项：“{{a}} 相对 {{b}}”给了 {{given}}，按其余判断应约为 {{suggested}}。', lambda: 'λmax = {{l}}', left: '左项', right: '右项', between: '介于两级之间', scale: { 9: '极端重要', 7: '非常重要', 5: '明显重要', 3: '稍微重要', 1: '同等重要' } },
      rules: { applied: '本模型应用', name: '规则', distance: '距离（米）', hazardBuffer: '按隐患缓冲', target: '目标', source: '依据', excluded: '排除 {{ha}} 公顷', add: '新建规则', slope: '坡度 > {{deg}}°', none: '（无要素）', custom: '自定义规则' },
      regions: { threshold: '得分阈值', minArea: '最小面积（公顷）', connectivity: '连通', c4: '4 邻域', c8: '8 邻域', rank: '序', area: '面积(公顷)', mean: '平均分', max: '最高分', road: '距路(米)', town: '距镇(米)', hazard: '隐患核查', stability: '排名稳定', none: '没有达到阈值和最小面积的区域。可降低阈值或最小面积。', count: '{{count}} 处候选区', sensitivity: '敏感性分析', sensitivityNote: '每个权重分别 ±20%（共 {{n}} 种），候选区保持原排名的比例。', inside: '含隐患区 {{ha}} 公顷', near: '隐患缓冲内 {{ha}} 公顷', clear: '无隐患' },
      export: { tif: '得分 GeoTIFF', geojson: '候选区 GeoJSON', fgb: '候选区 FlatGeobuf' },
      cell: { title: '单元格评分', score: '综合得分', excluded: '已排除：{{rules}}', value: '原值', criterionScore: '得分', weight: '权重', contribution: '贡献', nodata: '无数据', region: '属于候选区 {{rank}}' },
      appliedRules: '应用的规则',
      problems: '模型无法运行：',
    },
  },
  en: {
    suit: {
      button: 'Site suitability', title: 'Site suitability', close: 'Close', running: 'Computing…', updated: 'updated in {{ms}} ms',
      model: 'Model', addPreset: 'New from preset…', duplicate: 'Duplicate', rename: 'Rename', delete: 'Delete', confirmDelete: 'Delete the model "{{name}}"?', renamePrompt: 'Model name',
      presets: { relocation: 'New relocation site', workshop: 'Processing workshop', solar: 'Solar farm', livestock: 'Livestock farm' },
      tabs: { criteria: 'Criteria', weights: 'Weights', rules: 'Exclusions', regions: 'Candidates' },
      legend: { title: 'Suitability score', low: 'low', high: 'high', excluded: 'excluded', area: '{{valid}} ha scored · {{excluded}} ha excluded' },
      source: { slope: 'Slope (°)', elevation: 'Elevation (m)', aspect: 'Aspect (° clockwise from north)', distance: 'Distance (m)' },
      kinds: { ranges: 'Class ranges', categories: 'Categories', linear: 'Linear', gaussian: 'Gaussian', small: 'Small (fuzzy)', large: 'Large (fuzzy)', near: 'Near (fuzzy)' },
      transform: { kind: 'Transform', from: 'From', to: 'To', scoreFrom: 'Score at from', scoreTo: 'Score at to', mid: 'Midpoint', spread: 'Spread', breaks: 'Class breaks', scores: 'Class scores', values: 'Category values', other: 'Other score', hint: 'Drag the handles on the chart, or type values. Grey bars: the criterion over the county.', noFeature: 'no feature' },
      criterion: { add: 'Add criterion', remove: 'Remove criterion', name: 'Name', kind: 'Source', target: 'Target layers', where: 'Filter (field=values, comma-separated)', weight: 'Weight' },
      roles: { roads: 'Roads', settlements: 'Settlements', schools: 'Schools', clinics: 'Clinics', villages: 'Villages', rivers: 'Rivers', water_source: 'Water-source zones', farmland: 'Basic farmland', eco_redline: 'Ecological red line', public_forest: 'Public forest', hazards: 'Hazards', industrial_parks: 'Industrial parks', boundary: 'Boundaries', households: 'Households', dem: 'DEM' } satisfies Record<LayerRole, string>,
      weights: { direct: 'Direct weights', ahp: 'AHP pairwise', share: 'Share', pair: '{{a}} vs {{b}}', cr: 'Consistency ratio CR = {{cr}}', ok: 'Consistent enough (CR < 0.1)', bad: 'CR ≥ 0.1: the judgements are inconsistent. Most inconsistent: "{{a}} vs {{b}}" is {{given}}; the other judgements imply about {{suggested}}.', lambda: 'λmax = {{l}}', left: 'left ', right: 'right ', between: 'in between', scale: { 9: 'extremely more important', 7: 'very strongly more important', 5: 'strongly more important', 3: 'moderately more important', 1: 'equally important' } },
      rules: { applied: 'Applied', name: 'Rule', distance: 'Distance (m)', hazardBuffer: 'hazard buffers', target: 'Target', source: 'Source', excluded: 'excludes {{ha}} ha', add: 'New rule', slope: 'Slope > {{deg}}°', none: '(no features)', custom: 'Custom rule' },
      regions: { threshold: 'Score threshold', minArea: 'Minimum area (ha)', connectivity: 'Connectivity', c4: '4 neighbours', c8: '8 neighbours', rank: '#', area: 'Area (ha)', mean: 'Mean', max: 'Max', road: 'Road (m)', town: 'Town (m)', hazard: 'Hazard check', stability: 'Rank kept', none: 'No region reaches the threshold and minimum area. Lower either.', count: '{{count}} candidate regions', sensitivity: 'Sensitivity', sensitivityNote: 'Each weight ±20% in turn ({{n}} runs): share of runs in which a region keeps its rank.', inside: '{{ha}} ha inside hazards', near: '{{ha}} ha within hazard buffers', clear: 'clear' },
      export: { tif: 'Scores GeoTIFF', geojson: 'Regions GeoJSON', fgb: 'Regions FlatGeobuf' },
      cell: { title: 'Cell score', score: 'Score', excluded: 'Excluded by: {{rules}}', value: 'Value', criterionScore: 'Score', weight: 'Weight', contribution: 'Points', nodata: 'no data', region: 'In candidate region {{rank}}' },
      appliedRules: 'Rules applied',
      problems: 'The model cannot run:',
    },
  },
};
