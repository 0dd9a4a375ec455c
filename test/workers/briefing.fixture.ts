import { zlibSync } from 'fflate';
import type { Briefing } from '../../src/core/briefing/model';

/** CRC-32 (ISO 3309) as PNG chunks need it. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A minimal PNG encoder: 8-bit RGB, filter 0 on every row, one IDAT.
 *
 *   signature | IHDR | IDAT (zlib of rows: [0, r, g, b, r, g, b …] × height) | IEND
 */
export function encodePngRgb(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunks = [chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0))];
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const out = new Uint8Array(signature.length + chunks.reduce((s, c) => s + c.length, 0));
  out.set(signature, 0);
  let at = signature.length;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A map-like picture: shaded hills (a sum of sines, no randomness) and a few red villages. */
export function sampleMapPng(width = 480, height = 320): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  const villages = [[0.3, 0.4], [0.55, 0.25], [0.7, 0.6], [0.2, 0.75]];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      const shade = 0.5 + 0.25 * Math.sin(u * 11 + v * 3) + 0.2 * Math.cos(v * 9 - u * 4);
      let r = 200 * shade + 40;
      let g = 215 * shade + 35;
      let b = 185 * shade + 30;
      for (const [vx, vy] of villages) {
        if ((u - vx) ** 2 * width * width + (v - vy) ** 2 * height * height < 36) [r, g, b] = [200, 40, 30];
      }
      const i = (y * width + x) * 3;
      rgb[i] = Math.min(255, r);
      rgb[i + 1] = Math.min(255, g);
      rgb[i + 2] = Math.min(255, b);
    }
  }
  return encodePngRgb(width, height, rgb);
}

/**
 * A six-page briefing of the demo county: cover, key numbers, map, township table, scenario
 * comparison (table and bars), risks with sources. Used by the renderer tests and benchmark.
 */
export function sampleBriefing(png: Uint8Array = sampleMapPng()): Briefing {
  const townships = [
    ['城关镇', '12', '4,120', '1,602.5', '3.89'],
    ['东岭乡', '9', '3,356', '1,301.2', '3.88'],
    ['西坑乡', '14', '5,012', '1,955.0', '3.90'],
    ['南山镇', '11', '4,480', '1,747.3', '3.90'],
    ['北溪乡', '8', '2,905', '1,128.4', '3.88'],
    ['石门乡', '10', '3,870', '1,505.1', '3.89'],
    ['龙潭镇', '13', '4,731', '1,846.9', '3.90'],
    ['高坪乡', '9', '3,626', '1,413.6', '3.90'],
  ];
  return {
    lang: 'zh',
    title: '示范县易地搬迁工作汇报',
    footer: '结果指纹 3f2a-91c0-5be4-07d1 · 已定稿：张三，2026-11-22',
    pages: [
      { kind: 'cover', title: '示范县易地搬迁工作汇报', subtitle: '搬迁安置方案与地质灾害隐患排查', county: '示范县', date: '2026年11月22日', author: '示范县自然资源和规划局', signOff: '已定稿：张三，2026-11-22', alerts: ['红色警示：1 个自然村（高银坑）共 387 人被人工安置到受隐患影响、按规则应排除的安置点'] },
      {
        kind: 'content',
        title: '总体情况',
        blocks: [
          {
            kind: 'numbers',
            items: [
              { label: '搬迁人口', value: '3.21 万人', note: '其中必须搬迁 1.20 万人' },
              { label: '搬迁自然村', value: '86 个' },
              { label: '总投资', value: '1.25 亿元', note: '财政 0.98 亿元' },
              { label: '人均成本', value: '3.89 万元' },
              { label: '仍受威胁人口', value: '1,204 人', note: '需原地加固或另选安置点', alert: true },
            ],
          },
          { kind: 'paragraph', text: '本方案按“必须搬迁、可以搬迁”两类确定搬迁对象，以就近、同乡镇安置为原则，在容量约束下使总成本最低。' },
        ],
      },
      {
        kind: 'content',
        title: '搬迁分布图',
        blocks: [
          {
            kind: 'map',
            png,
            width: 480,
            height: 320,
            legend: [
              { label: '必须搬迁自然村', color: '#c8281e', shape: 'circle' },
              { label: '可以搬迁自然村', color: '#e89a2c', shape: 'circle' },
              { label: '安置点', color: '#2f5d8a', shape: 'square' },
              { label: '县道', color: '#7a6a58', shape: 'line' },
            ],
            scale: { label: '5 km', fraction: 0.2 },
            attribution: '底图：示范县 DEM 晕渲；行政界线与村庄：示范县（合成数据）',
            caption: '图 1 搬迁自然村与安置点分布',
          },
        ],
      },
      {
        kind: 'content',
        title: '分乡镇情况',
        blocks: [
          {
            kind: 'table',
            caption: '表 1 分乡镇搬迁情况',
            columns: [{ label: '乡镇', align: 'left' }, { label: '搬迁自然村（个）', align: 'right' }, { label: '搬迁人口（人）', align: 'right' }, { label: '总投资（万元）', align: 'right' }, { label: '人均成本（万元）', align: 'right' }],
            rows: townships,
            footer: ['合计', '86', '32,100', '12,500.0', '3.89'],
          },
        ],
      },
      {
        kind: 'content',
        title: '方案比较',
        blocks: [
          {
            kind: 'table',
            columns: [{ label: '指标', align: 'left' }, { label: '方案一（就近安置）', align: 'right' }, { label: '方案二（集中安置）', align: 'right' }],
            rows: [
              ['搬迁人口', '3.21 万人', '3.21 万人'],
              ['总投资', '1.25 亿元', '1.41 亿元'],
              ['人均成本', '3.89 万元', '4.39 万元'],
              ['平均搬迁路程', '18 分钟', '34 分钟'],
            ],
          },
          {
            kind: 'bars',
            title: '投资构成',
            unit: '万元',
            categories: ['财政投入', '农户自筹', '基础设施'],
            series: [
              { label: '方案一', color: '#2f5d8a', values: [9800, 2700, 3100], labels: ['9,800', '2,700', '3,100'] },
              { label: '方案二', color: '#e89a2c', values: [11200, 2900, 4600], labels: ['11,200', '2,900', '4,600'] },
            ],
          },
        ],
      },
      {
        kind: 'content',
        title: '风险提示与数据说明',
        blocks: [
          {
            kind: 'list',
            heading: '需要关注的问题',
            items: [
              { text: '龙潭镇安置点超容量 230 人', alert: true },
              { text: '3 个自然村没有可用安置点（均受隐患影响）', alert: true },
              { text: '西坑乡 2 处隐患点待复核' },
            ],
          },
          { kind: 'paragraph', text: '数据来源：示范县自然村、农户、地质灾害隐患点与安置点图层（合成示范数据）；出行时间按 30 米网格计算。', small: true },
          { kind: 'paragraph', text: '口径：搬迁人口为方案中安置到新址的人口；总投资含搬迁补助、建房、土地、基础设施、拆旧复垦与搬家费用。', small: true },
        ],
      },
    ],
  };
}
