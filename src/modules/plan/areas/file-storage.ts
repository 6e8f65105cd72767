import { z } from 'zod';
import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const fileStorageConfigs = planTable('file_storage_configs', {
  purpose: 'Where files are stored, and how that storage is protected',
  fields: {
    name: field.name(),
    provider: field.enum(
      ['s3', 'gcs', 'azure-blob', 'r2', 'minio', 'local-disk', 'database', 'other'],
      'Storage service',
      { required: true },
    ),
    bucket: field.label('Bucket or container'),
    region: field.label('Region the files live in (data residency)'),
    access: field.enum(['private', 'signed-urls', 'public-read'], 'How files are served'),
    encryption: field.enum(['provider-managed-key', 'customer-managed-key', 'none'], 'Encryption at rest'),
    versioning: field.flag('Whether overwritten or deleted files can be recovered'),
    signedUrlTtlSeconds: field.int('How long a signed URL works', 1, 604_800),
  },
});

export const fileUploadPolicies = planTable('file_upload_policies', {
  purpose: 'What may be uploaded where: size and type limits, verification and virus scanning',
  fields: {
    name: field.name('Upload, as users meet it (e.g. dispute evidence)'),
    storageConfigId: field.ref(() => fileStorageConfigs, 'Where the files go'),
    maxSizeMb: field.int('Largest file accepted, in megabytes', 1, 1_000_000),
    allowedTypes: field.list('Media types accepted (e.g. image/png, application/pdf)'),
    contentSniffing: field.flag('Whether the real type is read from the bytes, not trusted from the name'),
    virusScanning: field.enum(
      ['before-available', 'after-available', 'none'],
      'Whether and when files are scanned for malware',
    ),
    scanner: field.label('The malware scanner'),
    uploadPath: field.enum(['direct-to-storage', 'through-server', 'multipart'], 'How bytes reach storage'),
    scanTestedAt: field.time('When a test file last proved the scanner catches malware'),
  },
});

const imageParameters = z
  .record(z.string().max(60), z.union([z.string().max(200), z.number(), z.boolean()]))
  .refine((value) => Object.keys(value).length <= 30, 'at most 30 parameters');

export const imageProcessingRules = planTable('image_processing_rules', {
  purpose: 'What is done to uploaded images: resizing, conversion, stripping metadata',
  fields: {
    name: field.name(),
    uploadPolicyId: field.ref(() => fileUploadPolicies, 'The uploads it applies to', { required: true }),
    operation: field.enum(
      ['resize', 'crop', 'convert', 'compress', 'strip-metadata', 'thumbnail', 'watermark'],
      'What is done',
      { required: true },
    ),
    parameters: field.json(
      imageParameters,
      'Settings of the operation (e.g. {"width": 800, "format": "webp"})',
    ),
    runs: field.enum(['on-upload', 'on-first-request', 'background'], 'When it runs'),
  },
});

export const fileLifecyclePolicies = planTable('file_lifecycle_policies', {
  purpose: 'How long files are kept, where they move as they age, and when they are deleted',
  fields: {
    name: field.name(),
    storageConfigId: field.ref(() => fileStorageConfigs, 'The storage it applies to', { required: true }),
    prefix: field.label('Files it applies to (a path prefix; none: all)'),
    transitionAfterDays: field.int('When files move to colder storage', 1, 36_500),
    transitionTo: field.label('The colder storage class'),
    deleteAfterDays: field.int('When files are deleted', 1, 36_500),
    abortIncompleteUploadsAfterDays: field.int('When unfinished uploads are cleaned up', 1, 365),
    retentionReason: field.text('Why files are kept this long'),
    lastVerifiedAt: field.time('When the storage was last checked to apply the policy'),
  },
});

export const fileStorageArea = defineArea({
  number: 14,
  slug: 'file-storage',
  key: 'files',
  title: 'File upload and storage',
  summary: 'File storage, upload limits and virus scanning, image processing and file lifecycles.',
  tables: { fileStorageConfigs, fileUploadPolicies, imageProcessingRules, fileLifecyclePolicies },
  checks: [
    {
      id: 'files.storage-configured',
      level: 'bronze',
      title: 'File storage is planned',
      why: 'Files stored wherever is convenient end up on a server disk that is not backed up or shared.',
      evaluate: ({ fileStorageConfigs }) => atLeast(fileStorageConfigs, 'file storage configurations'),
    },
    {
      id: 'files.storage-private-encrypted',
      level: 'silver',
      title: 'Every store is encrypted, not publicly readable, and versioned',
      why: 'Public buckets are among the most common data leaks; versioning turns a bad overwrite into a restore.',
      evaluate: ({ fileStorageConfigs }) =>
        everyRow('file_storage_configs', fileStorageConfigs, 'file storage configurations', (store) => {
          const problems = missingOf(store, {
            access: 'access not decided',
            encryption: 'encryption not decided',
          });
          if (store.access === 'public-read') problems.push('publicly readable');
          if (store.encryption === 'none') problems.push('not encrypted');
          if (store.versioning !== true) problems.push('not versioned');
          return problems;
        }),
    },
    {
      id: 'files.uploads-limited-and-scanned',
      level: 'silver',
      title:
        'Every upload has a size limit, allowed types checked from the bytes, and a virus scan before use',
      why: 'Unchecked uploads are how malware, stored XSS and storage-filling attacks get in.',
      evaluate: ({ fileUploadPolicies }) =>
        everyRow('file_upload_policies', fileUploadPolicies, 'upload policies', (policy) => {
          const problems = missingOf(policy, {
            storageConfigId: 'no storage',
            maxSizeMb: 'no size limit',
            allowedTypes: 'no allowed types',
          });
          if (policy.contentSniffing !== true) problems.push('type trusted from the file name');
          if (policy.virusScanning !== 'before-available') problems.push('not scanned before use');
          return problems;
        }),
    },
    {
      id: 'files.lifecycle-for-every-store',
      level: 'silver',
      title: 'Every store has a lifecycle policy that deletes old files or unfinished uploads',
      why: 'Storage without a lifecycle grows forever, in cost and in personal data kept longer than allowed.',
      evaluate: ({ fileStorageConfigs, fileLifecyclePolicies }) =>
        everyRow('file_storage_configs', fileStorageConfigs, 'file storage configurations', (store) =>
          fileLifecyclePolicies.some(
            (policy) =>
              policy.storageConfigId === store.id &&
              (policy.deleteAfterDays !== null || policy.abortIncompleteUploadsAfterDays !== null),
          )
            ? null
            : 'no lifecycle policy that deletes',
        ),
    },
    {
      id: 'files.virus-scan-tested',
      level: 'gold',
      title: 'Every scanned upload proved within 30 days that the scanner catches a test file',
      why: 'A scanner with stale signatures or a broken hook passes everything; a test file shows it works.',
      evaluate: ({ fileUploadPolicies }, { now }) =>
        everyRow(
          'file_upload_policies',
          fileUploadPolicies.filter((policy) => policy.virusScanning && policy.virusScanning !== 'none'),
          'scanned upload policies',
          (policy) => {
            if (!policy.scanTestedAt) return 'scanner never tested';
            return daysBetween(policy.scanTestedAt, now) > 30 ? 'scanner not tested in 30 days' : null;
          },
        ),
    },
    {
      id: 'files.lifecycle-verified',
      level: 'gold',
      title: 'Every lifecycle policy was checked against the storage within 90 days',
      why: 'Lifecycle rules drift from the plan when buckets are recreated; checking the storage shows they still apply.',
      evaluate: ({ fileLifecyclePolicies }, { now }) =>
        everyRow('file_lifecycle_policies', fileLifecyclePolicies, 'lifecycle policies', (policy) => {
          if (!policy.lastVerifiedAt) return 'never checked against the storage';
          return daysBetween(policy.lastVerifiedAt, now) > 90 ? 'not checked in 90 days' : null;
        }),
    },
  ],
});
