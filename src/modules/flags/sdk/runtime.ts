import type { FastifyRequest } from 'fastify';
import type { ExternalApiRuntime } from '../../../core/http/external-api.ts';
import type { AppServices } from '../../../core/http/route.ts';
import { createEvaluationCounter, type EvaluationCounter, type TallyWriter } from './counts.ts';
import { createSdkKeyResolver, type SdkKey } from './keys.ts';
import { createSnapshotCache, type SnapshotCache } from './snapshots.ts';
import { snapshotSource, tallyWriter } from './sources.ts';

/** One authenticated SDK call: the key, and the app's snapshots and counters it is served from. */
export interface SdkCall {
  key: SdkKey;
  snapshots: SnapshotCache;
  counter: EvaluationCounter;
  writeTallies: TallyWriter;
}

const calls = new WeakMap<FastifyRequest, SdkCall>();

/** The SDK call the authentication hook resolved for this request. */
export function sdkCallOf(request: FastifyRequest): SdkCall {
  const call = calls.get(request);
  if (!call) throw new Error('sdkCallOf called outside an SDK endpoint');
  return call;
}

/**
 * The SDK endpoints' state in one app: the key cache, the compiled snapshots and the evaluation
 * counter (flushed when the app closes).
 */
export function startSdkRuntime(app: AppServices): ExternalApiRuntime {
  const logError = (what: string) => (error: unknown) => {
    // Background work of the SDK endpoints has no request to fail; it reports on stderr.
    process.emitWarning(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  };
  const keys = createSdkKeyResolver(app, logError('recording an SDK key use failed'));
  const snapshots = createSnapshotCache(snapshotSource(app));
  const writeTallies = tallyWriter(app);
  const counter = createEvaluationCounter(writeTallies, logError('writing evaluation counts failed'));
  return {
    async authenticate(request) {
      const key = await keys.authenticate(request);
      calls.set(request, { key, snapshots, counter, writeTallies });
    },
    close: () => counter.close(),
  };
}
