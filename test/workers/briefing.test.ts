import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderPdf, type BriefingFonts } from '../../workers/briefing.api';
import type { Briefing, ContentPage } from '../../src/core/briefing/model';
import { extractPdfText, extractPdfTitle } from '../pdf-text';
import { sampleBriefing, sampleMapPng } from './briefing.fixture';

const FONT_DIR = 'node_modules/@expo-google-fonts/noto-sans-sc';

function readArrayBuffer(path: string): ArrayBuffer {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

const fonts: BriefingFonts = {
  regular: readArrayBuffer(`${FONT_DIR}/400Regular/NotoSansSC_400Regular.ttf`),
  bold: readArrayBuffer(`${FONT_DIR}/700Bold/NotoSansSC_700Bold.ttf`),
};

describe('briefing PDF (worker API)', () => {
  it('draws the six-page sample as six A4 pages with its figures on the right pages', async () => {
    const briefing = sampleBriefing();
    const pdf = await renderPdf(briefing, fonts);
    // Both fonts are 10 MB: the size proves they were subset.
    expect(pdf.byteLength).toBeLessThan(2 * 1024 * 1024);
    expect(await extractPdfTitle(pdf)).toBe('示范县易地搬迁工作汇报');
    const pages = await extractPdfText(pdf);
    expect(pages).toHaveLength(briefing.pages.length);

    expect(pages[0]).toContain('示范县易地搬迁工作汇报');
    expect(pages[0]).toContain('2026年11月22日');
    expect(pages[0]).toContain('示范县自然资源和规划局');
    // The cover carries no page footer.
    expect(pages[0]).not.toContain('第 1 页');

    expect(pages[1]).toContain('总体情况');
    expect(pages[1]).toContain('3.21 万人');
    expect(pages[1]).toContain('1.25 亿元');
    expect(pages[1]).toContain('1,204 人');
    expect(pages[1]).toContain('其中必须搬迁 1.20 万人');

    expect(pages[2]).toContain('搬迁分布图');
    for (const word of ['北', '图例', '必须搬迁自然村', '安置点', '5 km', '图 1 搬迁自然村与安置点分布', '底图：示范县 DEM 晕渲']) expect(pages[2]).toContain(word);

    expect(pages[3]).toContain('分乡镇情况');
    expect(pages[3]).toContain('龙潭镇');
    expect(pages[3]).toContain('合计');
    expect(pages[3]).toContain('32,100');
    expect(pages[3]).toContain('12,500.0');

    expect(pages[4]).toContain('方案比较');
    expect(pages[4]).toContain('1.41 亿元');
    // The bar chart's title, unit, legend and value labels.
    for (const word of ['投资构成', '（单位：万元）', '方案一', '方案二', '财政投入', '11,200', '4,600']) expect(pages[4]).toContain(word);

    expect(pages[5]).toContain('龙潭镇安置点超容量 230 人');
    expect(pages[5]).toContain('数据来源');

    for (let n = 2; n <= 6; n++) {
      expect(pages[n - 1]).toContain(`第 ${n} 页 / 共 6 页`);
      expect(pages[n - 1]).toContain('示范县易地搬迁工作汇报');
    }
  });

  it('keeps a tall map on its page, beside other blocks, in English', async () => {
    const page: ContentPage = {
      kind: 'content',
      title: 'Relocation map',
      blocks: [
        { kind: 'numbers', items: [{ label: 'People moved', value: '32,100' }, { label: 'Still exposed', value: '1,204', alert: true }] },
        { kind: 'map', png: sampleMapPng(120, 600), width: 120, height: 600, legend: [{ label: 'Settlement', color: '#2f5d8a', shape: 'square' }], scale: { label: '2 km', fraction: 0.5 }, attribution: 'Synthetic demo county', caption: 'Figure 1' },
        { kind: 'paragraph', text: 'Villages that must move are shown in red.', small: true },
      ],
    };
    const briefing: Briefing = { lang: 'en', title: 'Demo briefing', footer: 'Result fingerprint 3f2a-91c0-5be4-07d1', pages: [{ kind: 'cover', title: 'Demo briefing', county: 'Demo County', date: '22 November 2026', author: 'Planning bureau', signOff: 'Not signed off', alerts: [] }, page] };
    const pages = await extractPdfText(await renderPdf(briefing, fonts));
    expect(pages).toHaveLength(2);
    for (const word of ['Relocation map', 'Legend', '2 km', 'Figure 1', 'Synthetic demo', 'Villages that must move', 'Page 2 of 2', 'Demo briefing', 'Result fingerprint 3f2a-91c0-5be4-07d1']) expect(pages[1]).toContain(word);
    expect(pages[0]).toContain('Not signed off');
  });

  it('lets a long table run over, repeating its header row and the page title', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => [`村 ${i + 1}`, `${100 + i}`]);
    const briefing: Briefing = {
      lang: 'zh',
      title: '长表',
      footer: '',
      pages: [{ kind: 'content', title: '自然村明细', blocks: [{ kind: 'table', columns: [{ label: '自然村', align: 'left' }, { label: '人口', align: 'right' }], rows, footer: ['合计', '9,415'] }] }],
    };
    const pages = await extractPdfText(await renderPdf(briefing, fonts));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).not.toContain('（续）');
    for (const [i, text] of pages.entries()) {
      expect(text).toContain(i === 0 ? '自然村明细' : '自然村明细（续）');
      expect(text).toContain('人口');
      expect(text).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
    }
    expect(pages.at(-1)).toContain('9,415');
  });

  it('gives a page without blocks a page of its own', async () => {
    const briefing: Briefing = {
      lang: 'zh',
      title: '空页',
      footer: '',
      pages: [
        { kind: 'content', title: '空白', blocks: [] },
        { kind: 'content', title: '结束', blocks: [{ kind: 'paragraph', text: '完' }] },
      ],
    };
    const pages = await extractPdfText(await renderPdf(briefing, fonts));
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('结束');
  });
});
