/** UI strings of scenarios, drawn sites, targets and the comparison, merged into the main dictionaries (i18n.ts). */
export const scenarioStrings = {
  zh: {
    scen: {
      tabs: { sites: '绘制选址', compare: '方案对比' },
      new: '新建方案', newName: '方案{{n}}', description: '方案说明', descriptionPlaceholder: '简要说明本方案的思路（例如：集中安置到中心镇）',
      deleted: '已删除方案“{{name}}”。', undo: '撤销', dismiss: '关闭',
      key: '关键假设', budget: '财政预算上限（万元，空为不设）', subsidyOther: '一般人口人均补助（元）', subsidyLow: '低收入人口人均补助（元）', construction: '中心镇建房单价（元/㎡）', lambda: '出行时间权重 λ（元/人·分钟）',
      industryNear: '30 分钟产业', industryNearHint: '30 分钟出行范围内的产业园区和产业选址数 / 就业岗位数',
      budgetBad: '预算上限应为不小于 0 的数（万元），现为“{{value}}”；清空则不设上限。仍按原预算核查。',
      targetsOk: '各项目标均已满足。', targetsTitle: '目标预警',
      sites: {
        intro: '在地图上绘制新的安置点或产业点：绘制后立即核查隐患，并只作为本方案的安置点参与优化。',
        kind: '类型', relocation: '安置点', industry: '产业点', point: '画点', polygon: '画面', select: '选择/编辑', stop: '结束绘制', undo: '撤销', redo: '重做',
        drawing: '在地图上单击添加{{what}}，双击或单击起点结束多边形。', editing: '拖动要素或顶点修改形状；选中后按 Delete 删除顶点。',
        none: '本方案还没有绘制的选址。', name: '名称', capacity: '容量（人）', jobs: '就业岗位', hazard: '隐患核查', assigned: '安置', delete: '删除', area: '{{ha}} 公顷',
        clear: '未发现隐患', hit: '{{id}}（{{type}}，{{level}}）{{m}}', inside: '位于区内', near: '{{m}} 米', forbidden: '禁止作为安置点', pending: '待核查',
        badNumber: '“{{name}}”的{{field}}应为不小于 0 的数，现为“{{value}}”；仍按原值计算。', defaultName: '新安置点{{n}}', defaultIndustry: '新产业点{{n}}', villages: '{{count}} 个村 {{people}}', industryNear: '30 分钟内可达 {{count}} 个安置点',
      },
      compare: {
        red: '红色警示', redHint: '有人被安置到受隐患影响的安置点，或求解未完成：不参与“最优”标记', pick: '选择 2–4 个方案对比', computing: '正在计算 {{names}}…', need: '请至少选择两个方案。', indicator: '指标',
        diffTitle: '“{{a}}” 与 “{{b}}” 的差异：{{count}} 个村', diffNone: '两个方案的村庄状态和安置点完全相同。', showDiff: '在地图上显示差异', split: '分屏对比',
        village: '自然村', statusA: '{{name}} 状态', statusB: '{{name}} 状态', destA: '{{name}} 安置点', destB: '{{name}} 安置点', costDelta: '成本变化', minutesDelta: '出行时间变化（分）', elapsed: '{{ms}} 毫秒',
        left: '左：{{name}}', right: '右：{{name}}',
      },
      briefing: { button: '生成汇报材料', building: '正在生成…', author: '{{county}}自然资源和规划局（Anju 生成）', authorPlaceholder: '编制单位（汇报封面）', unnamedEntry: '（未命名的台账记录）' },
    },
  },
  en: {
    scen: {
      tabs: { sites: 'Draw sites', compare: 'Compare' },
      new: 'New scenario', newName: 'Scenario {{n}}', description: 'Description', descriptionPlaceholder: 'What this alternative is about (e.g. concentrate in central towns)',
      deleted: 'Scenario "{{name}}" deleted.', undo: 'Undo', dismiss: 'Dismiss',
      key: 'Key assumptions', budget: 'Public budget cap (10k yuan, empty for none)', subsidyOther: 'Subsidy per person, others (yuan)', subsidyLow: 'Subsidy per low-income person (yuan)', construction: 'Construction in central towns (yuan/m²)', lambda: 'Travel-time weight λ (yuan per person-minute)',
      industryNear: 'Industry ≤ 30 min', industryNearHint: 'Industrial parks and industry sites within 30 minutes / their jobs',
      budgetBad: 'The budget cap must be a number ≥ 0 (10k yuan), not "{{value}}"; leave it empty for none. The previous cap still applies.',
      targetsOk: 'Every target is met.', targetsTitle: 'Targets missed',
      sites: {
        intro: 'Draw new relocation or industry sites on the map: each is hazard-checked at once and becomes a destination of this scenario only.',
        kind: 'Kind', relocation: 'Relocation site', industry: 'Industry site', point: 'Point', polygon: 'Polygon', select: 'Select / edit', stop: 'Stop drawing', undo: 'Undo', redo: 'Redo',
        drawing: 'Click on the map to add a {{what}}; double-click or click the first vertex to close a polygon.', editing: 'Drag a feature or its vertices to change it.',
        none: 'No sites drawn in this scenario yet.', name: 'Name', capacity: 'Capacity (persons)', jobs: 'Jobs', hazard: 'Hazard check', assigned: 'Placed', delete: 'Delete', area: '{{ha}} ha',
        clear: 'No hazard found', hit: '{{id}} ({{type}}, {{level}}) {{m}}', inside: 'inside', near: '{{m}} m', forbidden: 'not allowed as a destination', pending: 'checking',
        badNumber: '"{{name}}": {{field}} must be a number ≥ 0, not "{{value}}"; the previous value still applies.', defaultName: 'New site {{n}}', defaultIndustry: 'New industry site {{n}}', villages: '{{count}} villages, {{people}}', industryNear: '{{count}} destinations within 30 min',
      },
      compare: {
        red: 'Red alert', redHint: 'People placed at a hazard-hit destination, or an unfinished solve: never marked best', pick: 'Pick 2–4 scenarios to compare', computing: 'Computing {{names}}…', need: 'Pick at least two scenarios.', indicator: 'Indicator',
        diffTitle: '"{{a}}" vs "{{b}}": {{count}} villages differ', diffNone: 'Both scenarios give every village the same status and destination.', showDiff: 'Show differences on the map', split: 'Split view',
        village: 'Village', statusA: '{{name}} status', statusB: '{{name}} status', destA: '{{name}} destination', destB: '{{name}} destination', costDelta: 'Cost change', minutesDelta: 'Minutes change', elapsed: '{{ms}} ms',
        left: 'Left: {{name}}', right: 'Right: {{name}}',
      },
      briefing: { button: 'Briefing', building: 'Building…', author: '{{county}} Natural Resources and Planning Bureau (made with Anju)', authorPlaceholder: 'Author unit (briefing cover)', unnamedEntry: '(an unnamed register entry)' },
    },
  },
};
