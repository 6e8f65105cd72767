import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { createRow } from '../../core/resource/writes.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import { type ContractRow, findContract, lockContract, uploadableKind } from './api-contract.ts';
import type { ContractSettings, StoredDiff, UploadAnswer } from './contracts.ts';
import { type NewDeprecation, newDeprecations } from './deprecations.ts';
import {
  diffDocuments,
  documentText,
  guideFor,
  type LoadedContract,
  loadUpload,
  parsedDocument,
  withImpact,
} from './engine.ts';
import { recordInPlan } from './plan-rows.ts';
import { versionResource } from './resource.ts';
import { diffOptionsOf, readSettings } from './settings.ts';
import { consumersOf, documentOf, findVersion, latestVersion, type VersionSummaryRow } from './store.ts';
import { readUpload, type Upload, type UploadRequest } from './upload-body.ts';
import { toVersion, verdictOf } from './versions.ts';

/** Everything an upload is judged against, read before the (pure, maybe long) diff. */
interface Context {
  contract: ContractRow;
  settings: ContractSettings;
  latest: VersionSummaryRow | undefined;
  consumers: Awaited<ReturnType<typeof consumersOf>>;
}

async function readContext(db: Executor, scope: Scope, reference: string): Promise<Context> {
  await assertProjectVisible(db, scope);
  const contract = await findContract(db, scope, reference);
  const settings = await readSettings(db, scope);
  const latest = await latestVersion(db, scope, contract.id);
  const consumers = await consumersOf(db, scope, contract.id);
  return { contract, settings, latest, consumers };
}

function kindMismatch(contract: ContractRow, loaded: LoadedContract): AppError {
  return new AppError(
    'unprocessable',
    `${contract.name} is a ${contract.kind} contract, but the upload is a ${loaded.kind} document.`,
    { code: 'contracts.kind_mismatch' },
  );
}

/** What comparing the upload with the latest version found, for the transaction to record. */
interface Comparison {
  diff: StoredDiff | null;
  guide: string | null;
  deprecations: NewDeprecation[];
}

/** The diff of the upload against the latest version, with the consumers each change affects. */
async function compareWithLatest(
  scope: Scope,
  context: Context,
  loaded: LoadedContract,
  upload: { label: string; today: string },
): Promise<Comparison> {
  const { latest, contract } = context;
  if (!latest) return { diff: null, guide: null, deprecations: [] };
  const base = parsedDocument(latest.kind, await scope.db.read((db) => documentOf(db, latest.id, scope)));
  const revision = loaded.kind === 'openapi' ? loaded.document : loaded.sdl;
  const result = diffDocuments(loaded.kind, base, revision, diffOptionsOf(context.settings, upload.today));
  const names = { apiName: contract.name, fromVersion: latest.label, toVersion: upload.label };
  return {
    diff: withImpact(base, result, context.consumers),
    guide: result.summary.ERR > 0 ? guideFor(result, names, { base, revision }) : null,
    deprecations:
      typeof base === 'string' || typeof revision === 'string' ? [] : newDeprecations(base, revision),
  };
}

/** 200 with the latest version when the upload is the same document again: nothing is stored. */
function unchangedAnswer(latest: VersionSummaryRow, settings: ContractSettings): UploadAnswer {
  return {
    version: toVersion(latest),
    unchanged: true,
    diff: latest.diff,
    verdict: verdictOf(latest.diff, settings, latest.reviewStatus === 'pending'),
    plan: { breakingChanges: [], migrationGuideId: null, affectedConsumers: 0, deprecationSchedules: [] },
  };
}

/**
 * POST …/contracts/{contract}/versions: loads the upload (bundling its files), diffs it against the
 * contract's latest version with the project's settings and the consumers each change affects, then
 * in one transaction stores the version and its diff and records in the plan what it breaks and
 * deprecates. The same document as the latest version answers 200 and stores nothing; a label the
 * contract already has answers 409. Loading and diffing are pure work, done before the transaction.
 */
export async function uploadVersion(
  scope: Scope,
  reference: string,
  request: UploadRequest,
  maxBytes: number,
): Promise<{ status: 200 | 201; answer: UploadAnswer }> {
  const upload = readUpload(request, maxBytes);
  const context = await scope.db.read((db) => readContext(db, scope, reference));
  const kind = uploadableKind(context.contract);
  const loaded = await loadUpload(upload.input, maxBytes);
  if (loaded.kind !== kind) throw kindMismatch(context.contract, loaded);
  if (context.latest?.contentHash === loaded.hash)
    return { status: 200, answer: unchangedAnswer(context.latest, context.settings) };
  const today = new Date().toISOString().slice(0, 10);
  const comparison = await compareWithLatest(scope, context, loaded, { label: upload.label, today });
  const answer = await scope.db.transaction((tx) =>
    recordVersion(tx, scope, { context, upload, loaded, comparison, today }),
  );
  return { status: 201, answer };
}

/** The transaction of an upload: the version with its diff, then what the plan learns from it. */
async function recordVersion(
  tx: Transaction,
  scope: Scope,
  input: { context: Context; upload: Upload; loaded: LoadedContract; comparison: Comparison; today: string },
): Promise<UploadAnswer> {
  const { context, upload, comparison } = input;
  const contract = await lockContract(tx, scope, context.contract.id);
  await assertStillLatest(tx, scope, contract, context.latest);
  await assertNewLabel(tx, scope, contract, upload.label);
  const counts = comparison.diff?.summary ?? { ERR: 0, WARN: 0, INFO: 0 };
  const { document: _, ...version } = await createRow(tx, versionResource, scope, {
    contractId: contract.id,
    label: upload.label,
    commitSha: upload.commit ?? null,
    ...loadedFields(input.loaded),
    uploadedBy: scope.ctx.actor.userId,
    previousVersionId: context.latest?.id ?? null,
    diff: comparison.diff,
    errors: counts.ERR,
    warnings: counts.WARN,
    infos: counts.INFO,
    reviewStatus: counts.ERR > 0 ? 'pending' : 'not-required',
  });
  const plan = await recordInPlan(tx, scope, {
    contract,
    label: upload.label,
    previousLabel: context.latest?.label ?? null,
    ...comparison,
    today: input.today,
    contacts: new Map(context.consumers.map((consumer) => [consumer.id, consumer.contact])),
  });
  return {
    version: toVersion(version),
    unchanged: false,
    diff: comparison.diff,
    verdict: verdictOf(comparison.diff, context.settings, version.reviewStatus === 'pending'),
    plan,
  };
}

/** The columns a version takes from the loaded contract: what it is, and the document as stored. */
function loadedFields(loaded: LoadedContract) {
  const document = documentText(loaded);
  const openapi = loaded.kind === 'openapi' ? loaded : null;
  return {
    kind: loaded.kind,
    contentHash: loaded.hash,
    openapiVersion: openapi?.openapiVersion ?? null,
    convertedFrom: openapi?.convertedFrom ?? null,
    title: openapi?.title ?? null,
    declaredVersion: openapi?.version ?? null,
    files: loaded.files,
    documentBytes: Buffer.byteLength(document, 'utf8'),
    document,
  };
}

/** Another upload to the contract committed since the diff was computed: the diff is stale. */
async function assertStillLatest(
  tx: Transaction,
  scope: Scope,
  contract: ContractRow,
  diffedAgainst: VersionSummaryRow | undefined,
): Promise<void> {
  const latest = await latestVersion(tx, scope, contract.id);
  if (latest?.id === diffedAgainst?.id) return;
  throw new AppError(
    'conflict',
    `Version ${latest?.label} of ${contract.name} was uploaded while this one was being compared; upload again to compare with it.`,
    { code: 'contracts.concurrent_upload' },
  );
}

async function assertNewLabel(tx: Transaction, scope: Scope, contract: ContractRow, label: string) {
  const existing = await findVersion(tx, scope, contract.id, { label });
  if (!existing) return;
  throw new AppError(
    'conflict',
    `${contract.name} already has a version ${label}, with other content; give this one a new label.`,
    { code: 'contracts.version_exists', errors: [{ path: 'version', message: `${label} already exists` }] },
  );
}
