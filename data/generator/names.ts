import type { Rng } from '../../src/core/random';

/**
 * Lishui-style place names, built from syllables seen in southwest-Zhejiang toponyms:
 * landform suffixes (坑 gully, 坞 basin, 源 headwater, 垟 flat field, 岙, 岭, 坪, 湾, 口),
 * position prefixes (上/下/大/小/前/后), surnames (叶, 吴, 周, 季, 毛, 蓝, 雷, 钟 …) and
 * nature words. Uniqueness is kept per scope (e.g. per township) by the caller's Set.
 */

const SURNAMES = ['叶', '吴', '周', '季', '毛', '潘', '徐', '陈', '刘', '王', '李', '张', '蓝', '雷', '钟', '何', '林', '郑', '梅', '项', '柳', '杨', '朱', '金', '鲍', '管'];
const PREFIXES = ['上', '下', '大', '小', '前', '后', '东', '西', '南', '北', '中', '高', '外', '里'];
const WORDS = ['竹', '枫', '松', '桥', '石', '黄', '白', '金', '银', '茶', '桃', '梅', '杨', '林', '水', '云', '龙', '凤', '岩', '马', '樟', '杉', '湖', '溪', '坑', '岱', '丰', '安', '平', '新', '长', '青', '红'];
const WORDS2 = ['黄泥', '石门', '竹林', '枫树', '茶园', '桃花', '梅岭', '龙井', '凤凰', '白岩', '青山', '长坑', '大坪', '杨梅', '松树', '麻田', '半岭', '樟树', '岩下', '水口', '塘下', '牛头', '狮子', '仙岩', '金竹', '银坑', '后山', '对面'];
const LANDFORMS = ['坑', '坞', '源', '垟', '岙', '岭', '坪', '湾', '口', '垄', '田', '山', '岗', '寮', '底', '头', '塘', '岩', '庄', '墩'];
const TOWN_SUFFIX_WORDS = ['溪', '源', '坑', '口', '岭', '坪', '垟', '桥', '阳', '田', '山', '湖', '川', '港'];
const RIVER_SUFFIX = ['溪', '源', '坑', '港'];

/** Draws a name with `make` until it is not in `used`, then records it. */
function unique(used: Set<string>, make: () => string, fallback: (k: number) => string): string {
  for (let tries = 0; tries < 200; tries++) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  for (let k = 2; ; k++) {
    const name = fallback(k);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** A natural-village name such as 上坑, 叶家坞, 黄泥垟, 竹源 or 下石门. */
export function naturalVillageName(rng: Rng, used: Set<string>): string {
  const make = (): string => {
    const u = rng.next();
    const land = rng.pick(LANDFORMS);
    if (u < 0.22) return rng.pick(PREFIXES) + land;
    if (u < 0.42) return rng.pick(SURNAMES) + rng.pick(['家', '村', '宅', '家']) + land;
    if (u < 0.62) return rng.pick(WORDS2) + land;
    if (u < 0.8) return rng.pick(WORDS) + land;
    if (u < 0.9) return rng.pick(PREFIXES) + rng.pick(WORDS2);
    return rng.pick(PREFIXES) + rng.pick(WORDS) + land;
  };
  return unique(used, make, (k) => `${rng.pick(WORDS)}${rng.pick(LANDFORMS)}${k}`);
}

/** An administrative-village name: a natural-village name (usually its largest) plus 村. */
export function adminVillageName(base: string, used: Set<string>): string {
  let name = base.endsWith('村') ? base : `${base}村`;
  for (let k = 2; used.has(name); k++) name = `${base}${k}村`;
  used.add(name);
  return name;
}

/** A township stem (two characters) such as 石溪, 黄坪, 龙口; the caller adds 镇/乡/街道. */
export function townshipStem(rng: Rng, used: Set<string>): string {
  return unique(used, () => rng.pick(WORDS) + rng.pick(TOWN_SUFFIX_WORDS), (k) => `${rng.pick(WORDS)}${k}`);
}

/** A tributary name such as 竹溪, 黄泥坑 or 大源. */
export function riverName(rng: Rng, used: Set<string>): string {
  const make = (): string => {
    const u = rng.next();
    if (u < 0.45) return rng.pick(WORDS) + rng.pick(RIVER_SUFFIX);
    if (u < 0.8) return rng.pick(WORDS2) + rng.pick(RIVER_SUFFIX);
    return rng.pick(PREFIXES) + rng.pick(WORDS) + '溪';
  };
  return unique(used, make, (k) => `${rng.pick(WORDS)}溪${k}`);
}

/** A person-free generic name for a facility at a place, e.g. 石溪镇中心小学. */
export function facilityName(place: string, kind: string): string {
  return `${place}${kind}`;
}
