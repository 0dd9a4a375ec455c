/** UI strings of the relocation analysis, merged into the main dictionaries (i18n.ts). */
import { DESTINATION_KIND, labelTable, VILLAGE_STATUS } from '../core/vocabulary';

export const relocationStrings = {
  zh: {
    reloc: {
      button: '搬迁安置', title: '搬迁安置分析', newSite: '新选址', run: '运行分析', rerun: '重新运行', cancel: '取消', close: '关闭', updated: '{{ms}} 毫秒内更新',
      progress: { exposure: '核查隐患…', travel: '构建出行时间面…', services: '计算到学校、卫生院、城镇的时间…', od: '计算到各安置点的时间（{{done}}/{{total}}）…', assign: '求解安置方案（HiGHS）…', explain: '生成解释…' },
      tabs: { overview: '概览', villages: '村庄', destinations: '安置点', townships: '乡镇', policy: '政策参数' },
      scenario: { label: '方案', duplicate: '另存为新方案', rename: '重命名', delete: '删除方案', namePrompt: '方案名称', confirmDelete: '删除方案“{{name}}”？', copyName: '{{name}}（副本）' },
      ind: { moved: '搬迁人口', villagesMoved: '搬迁自然村', exposed: '仍受威胁人口', total: '总投资', public: '财政投入', household: '农户自筹', perPerson: '人均成本', capacity: '容量使用', ...labelTable(VILLAGE_STATUS, 'zh') },
      status: labelTable(VILLAGE_STATUS, 'zh'),
      reason: {
        hazard_high: '位于高风险隐患区 {{id}}', hazard_medium: '距中风险隐患 {{id}} {{m}} 米', reservoir: '位于水库淹没区 {{id}}',
        high_remote: '高山远山：海拔 {{elevation}} 米，到镇 {{minutes}} 分钟', key_village: '重点村：低收入户占 {{share}}%', high: '海拔 {{elevation}} 米（高山）', remote: '到镇 {{minutes}} 分钟（远山）',
      },
      why: { cost: '成本更高（+{{delta}}）', capacity: '容量不足（已被其他村使用）', hazard: '安置点受隐患影响，禁止', constraint: '不符合同乡镇/同县约束', unreachable: '无法到达' },
      alert: {
        over_capacity: '安置点 {{destination}} 超容量 {{by}} 人', destination_hazard: '安置点 {{destination}} 受隐患 {{hazard}} 影响', destination_warning: '安置点 {{destination}} 位于 {{hazard}}（{{type}}）内，请核实防护',
        constraint: '安置点 {{destination}} 不符合同乡镇/同县约束', unreachable: '到安置点 {{destination}} 无通行路径', unassigned: '未能安置（{{people}} 人）', override_missing: '指定的安置点 {{destination}} 不存在',
      },
      col: { village: '自然村', township: '乡镇', status: '状态', reasons: '原因', destination: '安置点', people: '人口', cost: '总成本', public: '财政', household: '农户自筹', minutes: '搬迁路程', school: '到校', clinic: '到卫生院', town: '到镇', type: '类型', capacity: '容量', used: '已住', free: '可用', assigned: '本方案安置', remaining: '剩余', villages: '村数', mustPeople: '必须搬迁人口', movedPeople: '搬迁人口', repair: '原地加固', beforeAfter: '{{before}} → {{after}} 分' },
      detail: {
        title: '{{name}}（{{people}} 人）', reasons: '判定依据', noReason: '不符合任何搬迁条件', override: '人工调整', statusAuto: '按规则', destinationAuto: '按优化结果', note: '说明', apply: '应用', clear: '恢复自动',
        cost: '成本构成', subsidy: '搬迁补助', construction: '建房', land: '土地', infrastructure: '基础设施', demolition: '拆旧复垦', moving: '搬家', totalPublic: '财政 {{public}} · 农户 {{household}}',
        chosen: '选定安置点', alternatives: '次优选择', travel: '出行时间（搬迁前 → 后）', repairVs: '原地加固 {{repair}}，搬迁 {{move}}', noRepair: '位于隐患区，不宜原地加固', unassigned: '未能安置：', overridden: '人工指定',
      },
      solver: { optimal: 'HiGHS 求得最优解（允许差距内）', time_limit: '达到时限，差距 {{gap}}', failed: '求解失败', none: '无需求解', gap: '与全问题下界差距 {{gap}}', pruning: '每村保留 {{k}} 个最近安置点，定价补回 {{added}} 条：{{ok}}', pruneOk: '剪枝经证明没有丢失更优解', pruneOpen: '剪枝未完成证明', detail: '{{villages}} 个村 · {{arcs}} 个候选 · {{ms}} 毫秒' },
      shortage: { title: '容量缺口', line: '{{destination}} 缺 {{by}} 人（{{count}} 个村的首选）', fix: '可在这些安置点增加容量、取消同乡镇约束，或在选址分析中新增安置点。', none: '{{count}} 个村没有任何可用安置点（均受隐患影响、不可达或不符合约束）。' },
      policy: {
        rules: '搬迁条件', cost: '成本标准（元）', assignment: '优化设置', travel: '出行速度',
        hazardTypes: '计入的隐患类型', mediumRiskDistanceM: '中风险隐患距离（米）', highElevationM: '高山海拔（米）', remoteTownMinutes: '远山：到镇时间（分钟）', keyVillageShare: '重点村低收入占比',
        subsidyLowIncome: '低收入人口补助（元/人）', subsidyOther: '其他人口补助（元/人）', housingM2LowIncome: '低收入人均住房（m²，≤25）', housingM2Other: '其他人均住房（m²）', constructionPerM2: '建房单价（元/m²）', infrastructurePerHousehold: '基础设施（元/户）', landM2PerHousehold: '每户用地（m²）', landCostPerM2: '地价（元/m²，无字段时）', demolitionPerHousehold: '拆旧复垦（元/户）', movingPerHousehold: '搬家费（元/户）', movingPerHouseholdMinute: '搬家费（元/户·分钟）', householdShare: '农户自筹比例（0–1）', repairPerHouseC: 'C 级加固（元/户）', rebuildPerHouseD: 'D 级原地重建（元/户）',
        lambda: 'λ：服务可达性权重（元/人·分钟）', includeMay: '“可以搬迁”的村也搬', sameTownship: '只在本乡镇安置', sameCounty: '只在本县安置', nearestK: '每村候选安置点数 K', timeLimitS: '求解时限（秒）', relGap: '允许最优差距（0.01 = 1%）', useNewSites: '选址分析候选区作为新安置点', newSiteDensity: '新选址人口密度（人/公顷）',
        roadKmh: '车速（km/h）', offPathFactor: '路外步行系数', riversBarrier: '河流阻隔（仅桥梁可过）', hazardsImpassable: '隐患区不可穿越',
        source: '依据', types: labelTable(DESTINATION_KIND, 'zh'), roads: { county: '县道', township: '乡道', village: '村道' },
      },
      filter: { all: '全部', ...labelTable(VILLAGE_STATUS, 'zh'), alerts: '有提醒' },
      export: { csv: '导出 CSV', xlsx: '导出 Excel' },
      legend: { title: '搬迁安置', flow: '搬迁流向（线宽=人数）', gauge: '安置点：外圈容量，实心已用', forbidden: '受隐患影响的安置点' },
      empty: '点击“运行分析”：按规则判定搬迁村、计算出行时间与成本，并在容量约束下求最优安置。',
      travelNote: '出行时间按 {{cell}} 米网格计算（Tobler 步行速度 + 道路车速）。',
      sheet: { villages: '村庄搬迁明细', destinations: '安置点容量', townships: '乡镇汇总', scenario: '方案', generated: '生成时间', project: '项目' },
    },
  },
  en: {
    reloc: {
      button: 'Relocation', title: 'Relocation analysis', newSite: 'New site', run: 'Run analysis', rerun: 'Run again', cancel: 'Cancel', close: 'Close', updated: 'updated in {{ms}} ms',
      progress: { exposure: 'Checking hazards…', travel: 'Building the travel-time surface…', services: 'Minutes to schools, clinics and towns…', od: 'Minutes to each destination ({{done}}/{{total}})…', assign: 'Solving the assignment (HiGHS)…', explain: 'Explaining…' },
      tabs: { overview: 'Overview', villages: 'Villages', destinations: 'Destinations', townships: 'Townships', policy: 'Policy' },
      scenario: { label: 'Scenario', duplicate: 'Save as new scenario', rename: 'Rename', delete: 'Delete scenario', namePrompt: 'Scenario name', confirmDelete: 'Delete scenario "{{name}}"?', copyName: '{{name}} (copy)' },
      ind: { moved: 'People moved', villagesMoved: 'Villages moved', exposed: 'People still exposed', total: 'Total cost', public: 'Public cost', household: 'Households pay', perPerson: 'Cost per person', capacity: 'Capacity used', ...labelTable(VILLAGE_STATUS, 'en') },
      status: labelTable(VILLAGE_STATUS, 'en'),
      reason: {
        hazard_high: 'In high-risk hazard zone {{id}}', hazard_medium: '{{m}} m from medium-risk hazard {{id}}', reservoir: 'In reservoir inundation zone {{id}}',
        high_remote: 'High and remote: {{elevation}} m, {{minutes}} min to town', key_village: 'Key village: {{share}}% low-income households', high: '{{elevation}} m high', remote: '{{minutes}} min to town',
      },
      why: { cost: 'costs more (+{{delta}})', capacity: 'no room left (used by other villages)', hazard: 'hazard at the destination: forbidden', constraint: 'outside the township/county constraint', unreachable: 'no path' },
      alert: {
        over_capacity: '{{destination}} over capacity by {{by}} people', destination_hazard: '{{destination}} is hit by hazard {{hazard}}', destination_warning: '{{destination}} lies in {{hazard}} ({{type}}): check its defences',
        constraint: '{{destination}} breaks the township/county constraint', unreachable: 'No path to {{destination}}', unassigned: 'Not placed ({{people}} people)', override_missing: 'Chosen destination {{destination}} does not exist',
      },
      col: { village: 'Village', township: 'Township', status: 'Status', reasons: 'Reasons', destination: 'Destination', people: 'People', cost: 'Total cost', public: 'Public', household: 'Household', minutes: 'Trip', school: 'School', clinic: 'Clinic', town: 'Town', type: 'Type', capacity: 'Capacity', used: 'Used', free: 'Free', assigned: 'Assigned', remaining: 'Left', villages: 'Villages', mustPeople: 'Must move', movedPeople: 'Moved', repair: 'Repair', beforeAfter: '{{before}} → {{after}} min' },
      detail: {
        title: '{{name}} ({{people}} people)', reasons: 'Why', noReason: 'Meets no relocation rule', override: 'Planner override', statusAuto: 'By the rules', destinationAuto: 'As optimised', note: 'Note', apply: 'Apply', clear: 'Back to automatic',
        cost: 'Cost breakdown', subsidy: 'Subsidy', construction: 'Housing', land: 'Land', infrastructure: 'Infrastructure', demolition: 'Demolition & reclamation', moving: 'Moving', totalPublic: 'Public {{public}} · households {{household}}',
        chosen: 'Chosen destination', alternatives: 'Next best', travel: 'Minutes (before → after)', repairVs: 'Repair in place {{repair}}, moving {{move}}', noRepair: 'In a hazard zone: repair in place is not an option', unassigned: 'Not placed: ', overridden: 'chosen by hand',
      },
      solver: { optimal: 'HiGHS proved the optimum (within the accepted gap)', time_limit: 'Time limit reached, gap {{gap}}', failed: 'The solver failed', none: 'Nothing to solve', gap: 'within {{gap}} of the full problem’s bound', pruning: 'K = {{k}} nearest per village, {{added}} added by pricing: {{ok}}', pruneOk: 'pruning provably lost nothing', pruneOpen: 'pruning not proved', detail: '{{villages}} villages · {{arcs}} arcs · {{ms}} ms' },
      shortage: { title: 'Capacity short', line: '{{destination}} short by {{by}} people (first choice of {{count}} villages)', fix: 'Add capacity at these destinations, drop the same-township rule, or add a new site from the suitability analysis.', none: '{{count}} villages have no allowed destination at all (hazard, no path or constraint).' },
      policy: {
        rules: 'Who moves', cost: 'Costs (yuan)', assignment: 'Optimisation', travel: 'Travel speeds',
        hazardTypes: 'Hazard types counted', mediumRiskDistanceM: 'Medium-risk distance (m)', highElevationM: 'High-mountain elevation (m)', remoteTownMinutes: 'Remote: minutes to town', keyVillageShare: 'Key-village low-income share',
        subsidyLowIncome: 'Low-income subsidy (yuan/person)', subsidyOther: 'Other subsidy (yuan/person)', housingM2LowIncome: 'Low-income housing (m²/person, ≤25)', housingM2Other: 'Other housing (m²/person)', constructionPerM2: 'Construction (yuan/m²)', infrastructurePerHousehold: 'Infrastructure (yuan/household)', landM2PerHousehold: 'Land per household (m²)', landCostPerM2: 'Land price (yuan/m², when not in the layer)', demolitionPerHousehold: 'Demolition & reclamation (yuan/household)', movingPerHousehold: 'Moving (yuan/household)', movingPerHouseholdMinute: 'Moving (yuan/household·minute)', householdShare: 'Household share (0–1)', repairPerHouseC: 'C-grade repair (yuan/house)', rebuildPerHouseD: 'D-grade rebuild (yuan/house)',
        lambda: 'λ: weight of access to services (yuan/person·minute)', includeMay: 'Move "may move" villages too', sameTownship: 'Same township only', sameCounty: 'Same county only', nearestK: 'Destinations kept per village (K)', timeLimitS: 'Solver time limit (s)', relGap: 'Accepted optimality gap (0.01 = 1%)', useNewSites: 'Offer suitability candidates as new sites', newSiteDensity: 'New-site density (people/ha)',
        roadKmh: 'Speed (km/h)', offPathFactor: 'Off-path walking factor', riversBarrier: 'Rivers are barriers (bridges only)', hazardsImpassable: 'Hazard zones impassable',
        source: 'Source', types: labelTable(DESTINATION_KIND, 'en'), roads: { county: 'County road', township: 'Township road', village: 'Village road' },
      },
      filter: { all: 'All', ...labelTable(VILLAGE_STATUS, 'en'), alerts: 'With alerts' },
      export: { csv: 'Export CSV', xlsx: 'Export Excel' },
      legend: { title: 'Relocation', flow: 'Moves (width = people)', gauge: 'Destinations: ring capacity, fill used', forbidden: 'Destination hit by a hazard' },
      empty: 'Click "Run analysis": villages get a status by the rules, travel times and costs are measured, and whole villages are assigned at least cost within capacity.',
      travelNote: 'Travel minutes on a {{cell}} m grid (Tobler walking speed + road speeds).',
      sheet: { villages: 'Village relocation details', destinations: 'Destination capacity', townships: 'Townships', scenario: 'Scenario', generated: 'Generated', project: 'Project' },
    },
  },
};
