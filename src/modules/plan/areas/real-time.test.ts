import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
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
          lastLoadTestAt: daysAgo(20),
          testedConnections: 25_000,
        },
      },
    ],
  };
}

describeCheckCases('real-time', {
  complete,
  failing: {
    'realtime.endpoints-planned': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'realtime.endpoints-authenticated': (fixture) => {
      fixtureRow(fixture, 'websocket-endpoints').authentication = 'none';
    },
    'realtime.reconnection-and-ordering': (fixture) => {
      delete fixtureRow(fixture, 'connection-management-config').ordering;
    },
    'realtime.channels-authorized': (fixture) => {
      delete fixtureRow(fixture, 'event-channels').authorization;
    },
    'realtime.connections-load-tested': (fixture) => {
      fixtureRow(fixture, 'connection-management-config').testedConnections = 5_000;
    },
  },
});
