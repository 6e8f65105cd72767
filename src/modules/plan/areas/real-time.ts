import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const websocketEndpoints = planTable('websocket_endpoints', {
  purpose: 'Long-lived connections the system serves (WebSocket, server-sent events, …)',
  fields: {
    name: field.name(),
    path: field.label('Where clients connect', { required: true }),
    protocol: field.enum(['websocket', 'sse', 'long-polling', 'webtransport'], 'The transport', {
      required: true,
    }),
    authentication: field.enum(
      ['token', 'cookie', 'signed-url', 'none'],
      'How a connection proves who it is',
    ),
    maxConnections: field.int('Connections it must hold at peak', 1, 100_000_000),
    heartbeatSeconds: field.int('Interval of keep-alive pings', 1, 3600),
  },
});

export const eventChannels = planTable('event_channels', {
  purpose: 'Channels clients subscribe to (pub/sub), and who may subscribe',
  fields: {
    name: field.name('Channel name or pattern'),
    endpointId: field.ref(() => websocketEndpoints, 'The endpoint that serves it'),
    pattern: field.enum(['pub-sub', 'fan-out', 'request-reply', 'presence'], 'The messaging pattern', {
      required: true,
    }),
    authorization: field.text('Who may subscribe and publish, and how that is checked'),
    payloadSchema: field.text('Shape of the messages (a schema or its link)'),
  },
});

export const stateSyncRules = planTable('state_sync_rules', {
  purpose: 'How state shared by several clients stays consistent',
  fields: {
    name: field.name(),
    channelId: field.ref(() => eventChannels, 'The channel that carries it', { required: true }),
    strategy: field.enum(
      ['last-write-wins', 'crdt', 'operational-transform', 'server-authoritative'],
      'How concurrent changes merge',
      { required: true },
    ),
    conflictResolution: field.text('What the user sees when changes conflict'),
  },
});

export const connectionManagementConfig = planTable('connection_management_config', {
  purpose: 'Reconnection, ordering and resumption of connections',
  fields: {
    name: field.name(),
    endpointId: field.ref(() => websocketEndpoints, 'The endpoint', { required: true }),
    reconnectStrategy: field.enum(['exponential-backoff', 'fixed-interval', 'none'], 'How clients reconnect'),
    maxReconnectDelaySeconds: field.int('Longest wait between reconnection attempts', 1, 3600),
    ordering: field.enum(['none', 'per-channel', 'global'], 'Which message order is guaranteed'),
    resumeFromLastEvent: field.flag('Whether a reconnecting client receives what it missed'),
    lastLoadTestAt: field.time('When connection load was last tested'),
    testedConnections: field.int('Concurrent connections the last load test held', 0, 100_000_000),
  },
});

export const realTime = defineArea({
  number: 7,
  slug: 'real-time',
  key: 'realtime',
  title: 'Real-time',
  summary: 'Connection endpoints, channels, state synchronisation and connection management.',
  tables: { websocketEndpoints, eventChannels, stateSyncRules, connectionManagementConfig },
  checks: [
    {
      id: 'realtime.endpoints-planned',
      level: 'bronze',
      title: 'Real-time endpoints are planned',
      why: 'Long-lived connections change capacity, deployment and failure modes; they must be known up front.',
      evaluate: ({ websocketEndpoints }) => atLeast(websocketEndpoints, 'real-time endpoints'),
    },
    {
      id: 'realtime.endpoints-authenticated',
      level: 'silver',
      title: 'Every endpoint authenticates connections and sends heartbeats',
      why: 'Unauthenticated sockets leak events; without heartbeats dead connections pile up unnoticed.',
      evaluate: ({ websocketEndpoints }) =>
        everyRow('websocket_endpoints', websocketEndpoints, 'endpoints', (endpoint) => {
          const problems = missingOf(endpoint, { heartbeatSeconds: 'no heartbeat' });
          if (!endpoint.authentication || endpoint.authentication === 'none')
            problems.unshift('not authenticated');
          return problems;
        }),
    },
    {
      id: 'realtime.reconnection-and-ordering',
      level: 'silver',
      title: 'Every endpoint decides reconnection, ordering and resumption',
      why: 'Every deploy drops every connection: clients must come back gently and know what they missed.',
      evaluate: ({ websocketEndpoints, connectionManagementConfig }) =>
        everyRow('websocket_endpoints', websocketEndpoints, 'endpoints', (endpoint) => {
          const config = connectionManagementConfig.find((candidate) => candidate.endpointId === endpoint.id);
          if (!config) return 'no connection management';
          return missingOf(config, {
            reconnectStrategy: 'no reconnect strategy',
            ordering: 'no ordering decision',
            resumeFromLastEvent: 'no resumption decision',
          });
        }),
    },
    {
      id: 'realtime.channels-authorized',
      level: 'silver',
      title: 'Every channel states who may subscribe and publish',
      why: 'Channel names are guessable; authorization per channel keeps one customer off another’s events.',
      evaluate: ({ eventChannels }) =>
        everyRow('event_channels', eventChannels, 'channels', (channel) =>
          missingOf(channel, { authorization: 'no authorization rule' }),
        ),
    },
    {
      id: 'realtime.connections-load-tested',
      level: 'gold',
      title: 'Every endpoint held its peak connection count in a load test within 90 days',
      why: 'File descriptors, memory per socket and proxy limits only show up at real connection counts.',
      evaluate: ({ websocketEndpoints, connectionManagementConfig }, { now }) =>
        everyRow('websocket_endpoints', websocketEndpoints, 'endpoints', (endpoint) => {
          const config = connectionManagementConfig.find((candidate) => candidate.endpointId === endpoint.id);
          if (!config?.lastLoadTestAt || daysBetween(config.lastLoadTestAt, now) > 90)
            return 'not load tested in 90 days';
          if (!endpoint.maxConnections) return 'no peak connection count';
          return (config.testedConnections ?? 0) < endpoint.maxConnections ? 'tested below peak' : null;
        }),
    },
  ],
});
