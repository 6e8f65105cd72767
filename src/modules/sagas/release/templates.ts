import { z } from 'zod';
import { parseDefinition, type ReleaseDefinition } from './definition.ts';

// Ready-made release workflows. `deploy-waves` is the coordinated deployment of the plan's
// cross-repository area (coordinated_deployments): the repositories go out in waves, in order, each
// checked healthy before the next; a failing wave rolls back the waves already out, in reverse.

export const releaseTemplates = ['deploy-waves'] as const;

export const deployWavesOptions = z.strictObject({
  waves: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a wave is named by a slug (its repository)'))
    .min(1)
    .max(10)
    .default(['wave-1', 'wave-2'])
    .describe('The waves in order, named after the repositories they deploy'),
  level: z
    .enum(['bronze', 'silver', 'gold'])
    .default('bronze')
    .describe('Readiness the project must reach first'),
  approverRole: z.enum(['owner', 'admin', 'editor', 'reviewer']).default('admin'),
});
export type DeployWavesOptions = z.output<typeof deployWavesOptions>;

/**
 * Check readiness → approval → for each wave: deploy (rolled back on failure) and a health check.
 * The URLs are inputs of the run: `deployUrl` and `rollbackUrl` get `{"wave", "version"}`,
 * `healthUrl` is polled with `?wave=` after each wave.
 */
export function deployWaves(options: DeployWavesOptions): ReleaseDefinition {
  const waves = options.waves.flatMap((wave) => [
    {
      name: `deploy-${wave}`,
      title: `Deploy ${wave}`,
      kind: 'http',
      method: 'POST',
      url: '{{inputs.deployUrl}}',
      headers: { 'content-type': 'application/json' },
      body: { wave, version: '{{inputs.version}}' },
      expectedStatus: [200, 201, 202],
      retry: { attempts: 3, backoffMs: 2000 },
      compensate: {
        method: 'POST',
        url: '{{inputs.rollbackUrl}}',
        headers: { 'content-type': 'application/json' },
        body: { wave, version: '{{inputs.version}}' },
      },
    },
    {
      name: `health-${wave}`,
      title: `${wave} is healthy`,
      kind: 'health_check',
      url: `{{inputs.healthUrl}}?wave=${wave}`,
      intervalSeconds: 10,
      timeoutMinutes: 5,
    },
  ]);
  return parseDefinition({
    inputs: {
      version: { description: 'The version to deploy', required: true },
      deployUrl: { description: 'The deploy webhook', required: true },
      rollbackUrl: { description: 'The rollback webhook', required: true },
      healthUrl: { description: 'The health endpoint, polled after each wave', required: true },
    },
    steps: [
      {
        name: 'readiness',
        title: `Readiness ${options.level} or better`,
        kind: 'check_readiness',
        level: options.level,
      },
      {
        name: 'approval',
        title: 'Release approved',
        kind: 'approval',
        role: options.approverRole,
        prompt: 'Deploy {{inputs.version}} in waves?',
      },
      ...waves,
    ],
  });
}
