import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'file-storage-configs': [
      {
        ref: 'evidence',
        values: {
          name: 'dispute evidence bucket',
          provider: 's3',
          bucket: 'pay-evidence',
          region: 'eu-west-1',
          access: 'signed-urls',
          encryption: 'customer-managed-key',
          versioning: true,
          signedUrlTtlSeconds: 300,
        },
      },
    ],
    'file-upload-policies': [
      {
        ref: 'disputes',
        values: {
          name: 'dispute evidence',
          storageConfigId: '@evidence',
          maxSizeMb: 20,
          allowedTypes: ['application/pdf', 'image/png', 'image/jpeg'],
          contentSniffing: true,
          virusScanning: 'before-available',
          scanner: 'ClamAV',
          uploadPath: 'direct-to-storage',
          scanTestedAt: daysAgo(5),
        },
      },
    ],
    'image-processing-rules': [
      {
        values: {
          name: 'strip EXIF',
          uploadPolicyId: '@disputes',
          operation: 'strip-metadata',
          parameters: { keepOrientation: true },
          runs: 'on-upload',
        },
      },
    ],
    'file-lifecycle-policies': [
      {
        values: {
          name: 'evidence kept 7 years',
          storageConfigId: '@evidence',
          transitionAfterDays: 90,
          transitionTo: 'GLACIER',
          deleteAfterDays: 2555,
          abortIncompleteUploadsAfterDays: 1,
          lastVerifiedAt: daysAgo(20),
        },
      },
    ],
  };
}

describeCheckCases('file-storage', {
  complete,
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
      fixtureRow(fixture, 'file-upload-policies').scanTestedAt = daysAgo(45);
    },
    'files.lifecycle-verified': (fixture) => {
      delete fixtureRow(fixture, 'file-lifecycle-policies').lastVerifiedAt;
    },
  },
});
