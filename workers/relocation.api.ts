import { wrap, type Remote } from 'comlink';
import type { Highs } from 'highs';
import type { DataApi } from './data.api';
import type { ExposureParams } from '../src/core/exposure/analysis';
import type { LocalizedText } from '../src/core/manifest';
import { runScenario, type NewSite, type RelocationFacts, type RelocationResult, type RelocationScenario } from '../src/core/relocation/analysis';
import { buildFacts, type FactsStage } from '../src/core/relocation/facts';
import { validatePolicy, type TravelSettings } from '../src/core/relocation/policy';

/** Where the relocation worker reads the project: the data worker, over a port or (in tests) directly. */
export type RelocationSource = Pick<DataApi, 'suitabilityInputs'>;

export type RelocationStage = FactsStage | 'assign' | 'explain';
export interface RelocationProgress {
  stage: RelocationStage;
  done: number;
  total: number;
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
  let cached: { key: string; outcome: ReturnType<typeof buildFacts> } | null = null;

  const factsKey = (travel: TravelSettings, hazards: ExposureParams, sites: NewSite[], impassableTypes: string[]) => JSON.stringify([travel, hazards, sites, travel.hazardsImpassable ? impassableTypes : null]);

  return {
    /** Connects the data worker: a port it serves its API on (or, in tests, the API itself). */
    connectData(from: MessagePort | RelocationSource): void {
      source = from instanceof MessagePort ? wrap<RelocationSource>(from) : from;
      cached = null;
    },

    /** The project's layers changed: measure again on the next run. */
    invalidate(): void {
      cached = null;
    },

    /** Loads HiGHS ahead of the first run (it compiles its WebAssembly once). */
    async warm(): Promise<void> {
      await (highs ??= host.loadHighs());
    },

    /**
     * Runs a scenario: facts (measured, or kept from the last run), statuses, costs, the
     * assignment and its explanations. `knownFactsKey` is the facts the caller already holds:
     * they are not sent again when unchanged. `keep` re-uses the given destinations instead of
     * solving (an override's instant update). `newSites` are the suitability analysis's
     * candidate regions offered as destinations.
     */
    async run(scenario: RelocationScenario, hazards: ExposureParams, knownFactsKey: string | null, onProgress?: (p: RelocationProgress) => void, keep?: Int32Array, newSites: NewSite[] = []): Promise<RelocationOutcome> {
      const t0 = performance.now();
      const problems = validatePolicy(scenario.policy);
      if (problems.length > 0) return { ok: false, problems };
      if (!source) throw new Error('The relocation worker is not connected to the data worker.');
      const impassableTypes = scenario.policy.rules.hazardTypes;
      const key = factsKey(scenario.policy.travel, hazards, newSites, impassableTypes);
      if (!cached || cached.key !== key) {
        const inputs = { ...(await source.suitabilityInputs()), newSites };
        cached = { key, outcome: buildFacts(inputs, { travel: scenario.policy.travel, hazards, impassableTypes }, (stage, done, total) => onProgress?.({ stage, done, total })) };
      }
      const outcome = cached.outcome;
      if (!outcome.ok) return { ok: false, problems: [outcome.problem] };
      const solver = keep ? null : await (highs ??= host.loadHighs());
      const result = runScenario(solver, outcome.facts, scenario, { keep, onProgress: (stage) => onProgress?.({ stage, done: 0, total: 1 }) });
      return { ok: true, facts: knownFactsKey === key ? null : outcome.facts, factsKey: key, result, warnings: outcome.warnings, elapsedMs: performance.now() - t0 };
    },
  };
}

export type RelocationApi = ReturnType<typeof createRelocationApi>;
