import { wrap, type Remote } from 'comlink';
import type { Highs } from 'highs';
import type { DataApi } from './data.api';
import type { ExposureParams } from '../src/core/exposure/analysis';
import type { LocalizedText } from '../src/core/manifest';
import { runScenario, type RelocationFacts, type RelocationResult, type RelocationScenario } from '../src/core/relocation/analysis';
import { measureBase, withSites, type BaseOutcome, type FactsStage } from '../src/core/relocation/facts';
import { dataHash, relocationFingerprint } from '../src/core/relocation/fingerprint';
import { drawnToSites, regionsToSites } from '../src/core/relocation/sites';
import { validatePolicy, type TravelSettings } from '../src/core/relocation/policy';
import { throttleProgress, type RunProgress } from './run.protocol';

/** Where the relocation worker reads the project: the data worker, over a port or (in tests) directly. */
export type RelocationSource = Pick<DataApi, 'suitabilityInputs'>;

export type RelocationStage = FactsStage | 'assign' | 'explain';
export interface RelocationProgress extends RunProgress {
  stage: RelocationStage;
}

export type RelocationOutcome =
  | { ok: true; facts: RelocationFacts | null; factsKey: string; result: RelocationResult; warnings: LocalizedText[]; elapsedMs: number }
  | { ok: false; problems: LocalizedText[] };

/**
 * The relocation worker's API. It keeps the measured facts (travel minutes, hazard hits) for
 * as long as the layers, the travel settings and the hazard buffers stay the same, so a change
 * of rules or costs costs only the assignment. HiGHS blocks while it solves: cancelling a run
 * means terminating this worker (the client starts a new one).
 */
export function createRelocationApi(host: { loadHighs: () => Promise<Highs> }) {
  let source: RelocationSource | Remote<RelocationSource> | null = null;
  let highs: Promise<Highs> | null = null;
  // The base facts (slow: exposure, travel surface, one search per settlement) are kept while
  // the layers, travel settings and hazard buffers stay; sites are added per run (a search each,
  // itself kept), so switching between scenarios that differ in drawn sites stays fast.
  let cached: { key: string; outcome: BaseOutcome; data: string } | null = null;
  let last: { key: string; facts: RelocationFacts } | null = null;
  /** Counts layer changes, so facts measured from other layers never share a key with these. */
  let generation = 0;

  const baseKey = (travel: TravelSettings, hazards: ExposureParams, impassableTypes: string[]) => JSON.stringify([generation, travel, hazards, travel.hazardsImpassable ? impassableTypes : null]);

  return {
    /** Connects the data worker: a port it serves its API on (or, in tests, the API itself). */
    connectData(from: MessagePort | RelocationSource): void {
      source = from instanceof MessagePort ? wrap<RelocationSource>(from) : from;
      cached = null;
      last = null;
      generation++;
    },

    /** The project's layers changed: measure again on the next run. */
    invalidate(): void {
      cached = null;
      last = null;
      generation++;
    },

    /** Loads HiGHS ahead of the first run (it compiles its WebAssembly once). */
    async warm(): Promise<void> {
      await (highs ??= host.loadHighs());
    },

    /**
     * Runs a scenario: facts (measured, or kept from the last run), statuses, costs, the
     * assignment and its explanations. `knownFactsKey` is the facts the caller already holds:
     * they are not sent again when unchanged. `keep` re-uses the given destinations instead of
     * solving (an override's instant update). Everything the answer depends on is in the
     * scenario (its drawn sites and the suitability regions added to it), the hazard settings
     * and the project's layers; the result carries their fingerprint.
     */
    async run(scenario: RelocationScenario, hazards: ExposureParams, knownFactsKey: string | null, onProgress?: (p: RelocationProgress) => void, keep?: Int32Array): Promise<RelocationOutcome> {
      const t0 = performance.now();
      const problems = validatePolicy(scenario.policy);
      if (problems.length > 0) return { ok: false, problems };
      if (!source) throw new Error('The relocation worker is not connected to the data worker.');
      const impassableTypes = scenario.policy.rules.hazardTypes;
      // Each report is a message to the main thread: throttled (a new stage always passes).
      const report = onProgress && throttleProgress(onProgress);
      const progress = (stage: FactsStage, done: number, total: number) => report?.({ stage, done, total });
      const bKey = baseKey(scenario.policy.travel, hazards, impassableTypes);
      if (!cached || cached.key !== bKey) {
        const inputs = await source.suitabilityInputs();
        cached = { key: bKey, outcome: measureBase(inputs, { travel: scenario.policy.travel, hazards, impassableTypes }, progress), data: dataHash(inputs.dem, inputs.layers) };
        last = null;
      }
      const outcome = cached.outcome;
      if (!outcome.ok) return { ok: false, problems: [outcome.problem] };
      const drawn = drawnToSites(scenario.sites ?? []);
      const sites = [...regionsToSites(scenario.regions ?? []), ...drawn.newSites];
      const key = JSON.stringify([bKey, sites, drawn.industry]);
      if (last?.key !== key) last = { key, facts: withSites(outcome.base, sites, drawn.industry, progress) };
      const facts = last.facts;
      const solver = keep ? null : await (highs ??= host.loadHighs());
      const result = runScenario(solver, facts, scenario, { keep, onProgress: (stage) => report?.({ stage, done: 0, total: 1 }) });
      result.fingerprint = relocationFingerprint({ data: cached.data, hazards, scenario }, facts, result);
      return { ok: true, facts: knownFactsKey === key ? null : facts, factsKey: key, result, warnings: outcome.base.warnings, elapsedMs: performance.now() - t0 };
    },
  };
}

export type RelocationApi = ReturnType<typeof createRelocationApi>;
