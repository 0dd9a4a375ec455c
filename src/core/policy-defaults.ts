/**
 * Policy numbers used as editable defaults, each with its source (../shared/DOMAIN.md).
 * Counties set their own; nothing here is a constant of the method.
 */

/**
 * A key village (扶贫重点村): an administrative village where more than this share of
 * households are low-income. Source: Zhejiang/Lishui poverty-alleviation practice, DOMAIN.md
 * "Who is low-income, which villages are key".
 */
export const KEY_VILLAGE_LOW_INCOME_SHARE = 0.4;
