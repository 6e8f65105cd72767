import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Real-time area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function realTimeFixture(now = new Date()): AreaImport {
  return {
    'websocket-endpoints': [
      {
        ref: 'events',
        values: {
          name: 'payment status',
          path: '/realtime',
          protocol: 'sse',
          authentication: 'token',
          maxConnections: 20_000,
          heartbeatSeconds: 25,
        },
      },
    ],
    'event-channels': [
      {
        ref: 'merchant',
        values: {
          name: 'merchant:{id}:payments',
          endpointId: '@events',
          pattern: 'fan-out',
          authorization: 'only members of the merchant',
        },
      },
    ],
    'state-sync-rules': [
      { values: { name: 'payment status', channelId: '@merchant', strategy: 'server-authoritative' } },
    ],
    'connection-management-config': [
      {
        values: {
          name: 'sse reconnection',
          endpointId: '@events',
          reconnectStrategy: 'exponential-backoff',
          maxReconnectDelaySeconds: 30,
          ordering: 'per-channel',
          resumeFromLastEvent: true,
          lastLoadTestAt: daysAgo(now, 20),
          testedConnections: 25_000,
        },
      },
    ],
  };
}
