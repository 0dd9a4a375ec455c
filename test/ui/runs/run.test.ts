import { afterEach, describe, expect, it, vi } from 'vitest';
import { failureOf, startRun, type RunProgress } from '../../../src/ui/runs/run';
import { formatMessage } from '../../../src/core/messages';
import { throttleProgress } from '../../../workers/run.protocol';

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('throttleProgress', () => {
  it('lets one report through per interval, and always the first, a new stage and the last step', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const seen: RunProgress[] = [];
    const report = throttleProgress((p) => seen.push(p), 50);
    for (let done = 0; done < 100; done++) {
      report({ done, total: 100 });
      vi.advanceTimersByTime(10);
    }
    report({ done: 100, total: 100 });
    // 0 ms, then every 50 ms (done 5, 10, … 95), then the last step.
    expect(seen.map((p) => p.done)).toEqual([0, ...Array.from({ length: 19 }, (_, k) => (k + 1) * 5), 100]);

    seen.length = 0;
    report({ done: 0, total: 1, stage: 'assign' });
    report({ done: 0, total: 1, stage: 'assign' });
    report({ done: 0, total: 1, stage: 'explain' });
    expect(seen.map((p) => p.stage)).toEqual(['assign', 'explain']);
  });
});

describe('startRun', () => {
  it('gives the value of a job that returns', async () => {
    const run = startRun('register', async () => 42);
    expect(await run.result).toEqual({ ok: true, value: 42 });
    expect(run.settled).toBe(true);
  });

  it('turns a thrown error into a coded failure carrying its text, and keeps a thrown code', async () => {
    const thrown = await startRun('register', async () => {
      throw new Error('worker ran out of memory');
    }).result;
    expect(thrown).toEqual({ ok: false, failure: { code: 'register.failed', params: { detail: 'worker ran out of memory' } } });
    const sync = await startRun('relocation', () => {
      throw new Error('bug');
    }).result;
    expect(sync).toEqual({ ok: false, failure: { code: 'relocation.failed', params: { detail: 'bug' } } });
    // A worker may throw `{ code, params }` (Comlink passes plain objects as they are).
    const coded = await startRun('import', () => Promise.reject({ code: 'import.unknown-crs', params: { file: 'a.csv' } })).result;
    expect(coded).toEqual({ ok: false, failure: { code: 'import.unknown-crs', params: { file: 'a.csv' } } });
    // A thrown code the catalogue does not have becomes the kind's message, naming it.
    expect(failureOf('import', { code: 'import.tooLarge' })).toEqual({ code: 'import.crashed', params: { detail: 'import.tooLarge' } });
    expect(failureOf('briefing', 'text')).toEqual({ code: 'briefing.failed', params: { detail: 'text' } });
    const pdf = await startRun('briefing', () => Promise.reject(new Error('font missing')), { failureCode: 'briefing.pdf-failed' }).result;
    expect(pdf).toEqual({ ok: false, failure: { code: 'briefing.pdf-failed', params: { detail: 'font missing' } } });
  });

  it('words every kind of failure through the message catalogue', () => {
    expect(formatMessage(failureOf('register', new Error('x')), 'zh')).toBe('分析失败：x');
    expect(formatMessage(failureOf('relocation', new Error('HiGHS crashed')), 'en')).toBe('The relocation analysis failed: HiGHS crashed');
    for (const kind of ['project', 'import', 'register', 'suitability', 'relocation', 'briefing', 'export'] as const) {
      expect(formatMessage(failureOf(kind, new Error('boom')), 'zh')).toContain('boom');
    }
  });

  it('reports progress to subscribers until the run settles', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    let report: (p: RunProgress) => void = () => {};
    let finish: (v: string) => void = () => {};
    const run = startRun<string>('register', (ctx) => {
      report = ctx.progress;
      return new Promise((r) => (finish = r));
    });
    let calls = 0;
    run.subscribe(() => calls++);
    expect(run.progress()).toBeNull();
    report({ done: 1, total: 3 });
    vi.advanceTimersByTime(50);
    report({ done: 2, total: 3 });
    expect(run.progress()).toEqual({ done: 2, total: 3 });
    finish('done');
    await run.result;
    report({ done: 3, total: 3 });
    // Two reports and the settle; the late report is dropped.
    expect(calls).toBe(3);
    expect(run.progress()).toEqual({ done: 2, total: 3 });
  });

  it('cancels at once: aborts the signal, terminates a job that cannot stop, and drops its late result', async () => {
    let signal: AbortSignal | null = null;
    let finish: (v: number) => void = () => {};
    let terminated = 0;
    const run = startRun<number>('relocation', (ctx) => {
      signal = ctx.signal;
      return new Promise((r) => (finish = r));
    }, { terminate: () => terminated++ });
    await tick();
    run.cancel();
    run.cancel();
    expect(await run.result).toEqual({ ok: false, cancelled: true });
    expect(signal!.aborted).toBe(true);
    expect(terminated).toBe(1);
    finish(7);
    await tick();
    expect(await run.result).toEqual({ ok: false, cancelled: true });
  });

  it('does nothing on cancel once settled', async () => {
    let terminated = 0;
    const run = startRun('export', async () => 'bytes', { terminate: () => terminated++ });
    await run.result;
    run.cancel();
    expect(terminated).toBe(0);
    expect(await run.result).toEqual({ ok: true, value: 'bytes' });
  });
});
