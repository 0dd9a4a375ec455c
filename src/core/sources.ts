/**
 * The documents Anju's default numbers come from, cited by their titles as users know them
 * (a title in 《》 is the document's own; one in 〔〕 describes a document whose title is not
 * known). A default that no document gives is the county's own setting, to be confirmed.
 */
import type { LocalizedText } from './vocabulary';

export const SOURCES = {
  /** The 4,600-yuan line, Lishui's low-income figures and key villages, relocation targets and destinations. */
  zhejiangPractice: { zh: '杜立峰、王艳杰：《浙江省精准扶贫的探索与实践》', en: 'Du Lifeng and Wang Yanjie, 《浙江省精准扶贫的探索与实践》' },
  /** People relocated 2013–2019; industries for the moved. */
  zhejiangOverview: { zh: '〔浙江省扶贫开发工作图文综述〕', en: '〔illustrated overview of Zhejiang’s poverty alleviation, 2012–2019〕' },
  /** The 30,000-yuan subsidy, the 2020 plan and the negative list. */
  zhejiang2020: { zh: '浙江省扶贫办公室：《浙江省扶贫办公室2020年工作要点》（2020年5月5日印发）', en: 'Zhejiang Poverty Alleviation Office, 《浙江省扶贫办公室2020年工作要点》 (issued 5 May 2020)' },
  /** The 25 m² housing red line, in-place repair costs, the livestock 500 m rule, who is not a target. */
  nationalHandbook: { zh: '〔全国精准扶贫精准脱贫工作读本，2017年〕', en: '〔national handbook on targeted poverty alleviation, 2017〕' },
  /** "大搬快治", differentiated subsidies, low-rent housing, whole villages moving together. */
  lishui2017: {
    zh: '中共丽水市委办公室、丽水市人民政府办公室：《关于进一步加强扶贫工作促进高水平全面建成小康社会的实施意见》（2017年9月29日）',
    en: 'Lishui CPC Committee Office and Lishui Government Office, 《关于进一步加强扶贫工作促进高水平全面建成小康社会的实施意见》 (29 September 2017)',
  },
} as const satisfies Record<string, LocalizedText>;

/** The label of a default no document gives. */
export const COUNTY_SETTING: LocalizedText = { zh: '本县设定', en: 'County’s own setting' };

/** `text（source; source）` in Chinese, `text (source; source)` in English. */
export function cited(text: LocalizedText, ...sources: LocalizedText[]): LocalizedText {
  return { zh: `${text.zh}（${sources.map((s) => s.zh).join('；')}）`, en: `${text.en} (${sources.map((s) => s.en).join('; ')})` };
}
