import { createHash } from 'node:crypto';
import { AppError } from '../../../core/errors/app-error.ts';
import { matchesEtag, type SdkAnswer } from './answer.ts';
import type { UnleashMetrics } from './contracts.ts';
import type { ScopedTally } from './counts.ts';
import type { SdkCall } from './runtime.ts';

// Unleash's client API, so that Unleash's own SDKs can use Shipshape as their server: they poll
// the flag definitions (with ETags) and evaluate locally, register, and report what they counted.

/**
 * `GET /api/client/features`: the environment's flags with their rules. Server-side keys only: a
 * client-side key would reveal every rule to the browsers it ships in.
 */
export async function clientFeatures(
  call: SdkCall,
  query: { namePrefix?: string },
  ifNoneMatch: string | undefined,
): Promise<SdkAnswer> {
  if (call.key.kind !== 'server')
    throw new AppError(
      'forbidden',
      'A client-side SDK key may evaluate flags (OFREP) but not read their rules; use a server-side key.',
      { code: 'flags.sdk_key_client_side' },
    );
  const served = await call.snapshots.current(call.key);
  const prefix = query.namePrefix;
  const etag = prefix
    ? `"${served.revision}.${createHash('sha256').update(prefix).digest('base64url').slice(0, 8)}"`
    : `"${served.revision}"`;
  if (matchesEtag(ifNoneMatch, etag)) return { status: 304, headers: { etag } };
  return {
    status: 200,
    headers: { etag },
    json: prefix ? filtered(served.unleashFeatures(), prefix) : served.unleashFeatures(),
  };
}

function filtered(payload: string, prefix: string): string {
  const parsed: { features: { name: string }[] } = JSON.parse(payload);
  return JSON.stringify({
    ...parsed,
    features: parsed.features.filter((feature) => feature.name.startsWith(prefix)),
  });
}

/** `POST /api/client/register`: an SDK instance announces itself; nothing is kept of it. */
export async function registerClient(): Promise<SdkAnswer> {
  return { status: 202 };
}

/**
 * `POST /api/client/metrics`: what an SDK counted since its last report, added to the environment's
 * evaluation counts. Variant counts are split out of the yes/no totals (a `disabled` variant is
 * served when the flag is off), so that summing an hour's rows gives the SDK's totals.
 */
export async function recordClientMetrics(call: SdkCall, metrics: UnleashMetrics): Promise<SdkAnswer> {
  const stop = metrics.bucket.stop ? new Date(metrics.bucket.stop) : new Date();
  const at = Number.isNaN(stop.getTime()) || stop.getTime() > Date.now() ? new Date() : stop;
  const tallies: ScopedTally[] = [];
  const tally = (flagKey: string, variant: string, yes: number, no: number) => {
    if (yes > 0 || no > 0) tallies.push({ ...scopeOf(call), flagKey, variant, yes, no, at });
  };
  for (const [flagKey, counts] of Object.entries(metrics.bucket.toggles)) {
    let yes = counts.yes;
    let no = counts.no;
    for (const [variant, times] of Object.entries(counts.variants ?? {})) {
      if (variant === 'disabled') continue;
      const served = Math.min(times, yes);
      tally(flagKey, variant, served, 0);
      yes -= served;
    }
    no = Math.max(no, 0);
    tally(flagKey, '', yes, no);
  }
  if (tallies.length > 0) await call.writeTallies(tallies);
  return { status: 202 };
}

function scopeOf(call: SdkCall) {
  const { workspaceId, projectId, environmentId } = call.key;
  return { workspaceId, projectId, environmentId };
}
