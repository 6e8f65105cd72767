import { describeCheckCases } from '../test-helpers.ts';
import { fileStorageFixture } from './file-storage.fixture.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';

describeCheckCases('file-storage', {
  complete: fileStorageFixture,
  failing: {
    'files.storage-configured': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'files.storage-private-encrypted': (fixture) => {
      fixtureRow(fixture, 'file-storage-configs').access = 'public-read';
    },
    'files.uploads-limited-and-scanned': (fixture) => {
      fixtureRow(fixture, 'file-upload-policies').virusScanning = 'after-available';
    },
    'files.lifecycle-for-every-store': (fixture) => {
      const policy = fixtureRow(fixture, 'file-lifecycle-policies');
      delete policy.deleteAfterDays;
      delete policy.abortIncompleteUploadsAfterDays;
    },
    'files.virus-scan-tested': (fixture) => {
      fixtureRow(fixture, 'file-upload-policies').scanTestedAt = daysAgo(new Date(), 45);
    },
    'files.lifecycle-verified': (fixture) => {
      delete fixtureRow(fixture, 'file-lifecycle-policies').lastVerifiedAt;
    },
  },
});
