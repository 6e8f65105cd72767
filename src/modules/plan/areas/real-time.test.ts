import { describeCheckCases } from '../test-helpers.ts';
import { fixtureRow } from './fixture-support.ts';
import { realTimeFixture } from './real-time.fixture.ts';

describeCheckCases('real-time', {
  complete: realTimeFixture,
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
