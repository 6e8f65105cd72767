import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the File upload and storage area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function fileStorageFixture(now = new Date()): AreaImport {
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
          scanTestedAt: daysAgo(now, 5),
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
          lastVerifiedAt: daysAgo(now, 20),
        },
      },
    ],
  };
}
