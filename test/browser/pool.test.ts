import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchPage } from './chromium';
import type { PoolProbeMode, PoolProbeOptions, PoolProbeReport } from './pool-probe/probe';

/** The copy benchmark's grid: 4000 × 4000 Float32 cells (64 MB per array). */
const BENCH = { benchWidth: 4000, benchHeight: 4000 };

let browser: Browser;
let page: Page;
let consoleErrors: string[];
let headers: Record<string, string>;

function probe(mode: PoolProbeMode, options: PoolProbeOptions = {}): Promise<PoolProbeReport> {
  return page.evaluate(([m, o]) => window.__anjuPool!(m, o), [mode, options] as const);
}

function describeBench(label: string, r: PoolProbeReport): string {
  const b = r.bench!;
  return `${label}: first ${b.firstMs.toFixed(0)} ms, warm ${b.warmMs.toFixed(0)} ms, in-thread copy ${b.inThreadMs.toFixed(0)} ms (${r.size} workers)`;
}

beforeAll(async () => {
  ({ browser, page, consoleErrors } = await launchPage({ width: 1200, height: 800 }));
  const response = await page.goto(inject('poolProbeUrl'));
  headers = response?.headers() ?? {};
  await page.waitForFunction(() => typeof window.__anjuPool === 'function', null, { timeout: 60_000 }).catch(() => {
    throw new Error('window.__anjuPool never appeared: the probe page must call installPoolProbe().');
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('grid worker pool', () => {
  it('is served cross-origin isolated', async () => {
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  it('shares its outputs with the workers and gets every kernel right', async () => {
    const r = await probe('shared');
    expect(r).toMatchObject({ where: 'main', crossOriginIsolated: true, shared: true, mismatches: [] });
  });

  it('falls back to copying bands back and still gets every kernel right', async () => {
    const r = await probe('transfer');
    expect(r).toMatchObject({ where: 'main', shared: false, mismatches: [] });
  });

  it('runs from inside a module worker, its workers nested', async () => {
    const shared = await probe('shared', { nested: true });
    expect(shared).toMatchObject({ where: 'worker', crossOriginIsolated: true, shared: true, mismatches: [] });
    const transfer = await probe('transfer', { nested: true });
    expect(transfer).toMatchObject({ where: 'worker', shared: false, mismatches: [] });
  });

  it('copies a 4000 × 4000 grid both ways, and says how long it took', async () => {
    const shared = await probe('shared', BENCH);
    const transfer = await probe('transfer', BENCH);
    console.log(`${describeBench('grid pool, shared', shared)}\n${describeBench('grid pool, transfer', transfer)}`);
    expect(shared.bench?.correct).toBe(true);
    expect(transfer.bench?.correct).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
