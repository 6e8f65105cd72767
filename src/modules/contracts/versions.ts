import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import type { Executor } from '../../db/connection.ts';
import { type ContractRow, findContract } from './api-contract.ts';
import type {
  ContractSettings,
  ContractVersion,
  FindingLevel,
  StoredDiff,
  UploadAnswer,
} from './contracts.ts';
import { diffDocuments, guideFor, parsedDocument, withImpact } from './engine.ts';
import type { VersionListQuery } from './resource.ts';
import { diffOptionsOf, readSettings } from './settings.ts';
import { consumersOf, documentOf, findVersion, listVersionRows, type VersionSummaryRow } from './store.ts';

const uuid = z.uuid();

/** A version row as the API shows it (the document only when asked for). */
export function toVersion(row: VersionSummaryRow, document?: unknown): ContractVersion {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    projectId: row.projectId,
    contractId: row.contractId,
    label: row.label,
    commitSha: row.commitSha,
    kind: row.kind,
    contentHash: row.contentHash,
    openapiVersion: row.openapiVersion,
    convertedFrom: row.convertedFrom,
    title: row.title,
    declaredVersion: row.declaredVersion,
    files: row.files,
    documentBytes: row.documentBytes,
    uploadedBy: row.uploadedBy,
    previousVersionId: row.previousVersionId,
    summary: { ERR: row.errors, WARN: row.warnings, INFO: row.infos },
    review: {
      status: row.reviewStatus,
      reviewedBy: row.reviewedBy,
      reviewedAt: row.reviewedAt,
      note: row.reviewNote,
    },
    ...(document === undefined ? {} : { document }),
  };
}

const levelRank: Record<FindingLevel, number> = { ERR: 3, WARN: 2, INFO: 1 };

/** Pass or fail by the project's `failOn`: fail when a change is at that level or above. */
export function verdictOf(
  diff: StoredDiff | null,
  settings: Pick<ContractSettings, 'failOn'>,
  reviewRequired: boolean,
): UploadAnswer['verdict'] {
  const { failOn } = settings;
  const fails =
    failOn !== 'never' &&
    (diff?.findings ?? []).some((finding) => levelRank[finding.level] >= levelRank[failOn]);
  return { outcome: fails ? 'fail' : 'pass', failOn, reviewRequired };
}

/** A version of the contract by id or label: 404 when the contract has no such version. */
export async function versionOf(
  db: Executor,
  scope: Scope,
  contract: ContractRow,
  reference: string,
): Promise<VersionSummaryRow> {
  const byId = uuid.safeParse(reference).success;
  const found = await findVersion(db, scope, contract.id, byId ? { id: reference } : { label: reference });
  if (found) return found;
  throw new AppError('not_found', `${contract.name} has no version ${reference}.`, {
    code: 'contract_version.not_found',
  });
}

/** GET …/contracts/{contract}/versions: a page of versions, newest first, without documents. */
export async function listVersions(scope: Scope, reference: string, query: VersionListQuery) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const contract = await findContract(db, scope, reference);
    const page = await listVersionRows(db, scope, contract.id, query);
    return { data: page.data.map((row) => toVersion(row)), nextCursor: page.nextCursor };
  });
}

/** GET …/versions/{versionId}: one version, with its document when asked for. */
export async function getVersion(
  scope: Scope,
  address: { contract: string; version: string },
  includeDocument: boolean,
): Promise<ContractVersion> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const contract = await findContract(db, scope, address.contract);
    const row = await versionOf(db, scope, contract, address.version);
    if (!includeDocument) return toVersion(row);
    return toVersion(row, parsedDocument(row.kind, await documentOf(db, row.id, scope)));
  });
}

/** The stored diff of a version against its predecessor (404 for a contract's first version). */
export async function storedDiffOf(
  scope: Scope,
  address: { contract: string; version: string },
  levels: FindingLevel[] | undefined,
) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const contract = await findContract(db, scope, address.contract);
    const row = await versionOf(db, scope, contract, address.version);
    const { diff, previous } = await withPredecessor(db, scope, contract, row);
    const findings = levels
      ? diff.findings.filter((finding) => levels.includes(finding.level))
      : diff.findings;
    return {
      from: { id: previous.id, label: previous.label },
      to: { id: row.id, label: row.label },
      diff: { ...diff, findings },
    };
  });
}

async function withPredecessor(db: Executor, scope: Scope, contract: ContractRow, row: VersionSummaryRow) {
  const previous = row.previousVersionId
    ? await findVersion(db, scope, contract.id, { id: row.previousVersionId })
    : undefined;
  if (!row.diff || !previous)
    throw new AppError(
      'not_found',
      `${row.label} is the first version of ${contract.name}: it has no diff.`,
      {
        code: 'contract_version.no_previous_version',
      },
    );
  return { diff: row.diff, previous };
}

/** GET …/contracts/{contract}/diffs?from=&to=: two versions compared now, with today's settings and consumers. */
export async function diffBetween(scope: Scope, reference: string, versions: { from: string; to: string }) {
  const read = await scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const contract = await findContract(db, scope, reference);
    const from = await versionOf(db, scope, contract, versions.from);
    const to = await versionOf(db, scope, contract, versions.to);
    const documents = [await documentOf(db, from.id, scope), await documentOf(db, to.id, scope)] as const;
    return {
      from,
      to,
      documents,
      settings: await readSettings(db, scope),
      consumers: await consumersOf(db, scope, contract.id),
    };
  });
  const base = parsedDocument(read.from.kind, read.documents[0]);
  const revision = parsedDocument(read.to.kind, read.documents[1]);
  const today = new Date().toISOString().slice(0, 10);
  const result = diffDocuments(read.to.kind, base, revision, diffOptionsOf(read.settings, today));
  return {
    from: { id: read.from.id, label: read.from.label },
    to: { id: read.to.id, label: read.to.label },
    diff: withImpact(base, result, read.consumers),
  };
}

/** GET …/versions/{versionId}/migration-guide: the Markdown guide from its predecessor to it. */
export async function migrationGuideOf(scope: Scope, address: { contract: string; version: string }) {
  const read = await scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const contract = await findContract(db, scope, address.contract);
    const row = await versionOf(db, scope, contract, address.version);
    const { diff, previous } = await withPredecessor(db, scope, contract, row);
    const documents = [
      await documentOf(db, previous.id, scope),
      await documentOf(db, row.id, scope),
    ] as const;
    return { contract, row, previous, diff, documents };
  });
  const { contract, row, previous } = read;
  const base = parsedDocument(previous.kind, read.documents[0]);
  const revision = parsedDocument(row.kind, read.documents[1]);
  const names = { apiName: contract.name, fromVersion: previous.label, toVersion: row.label };
  return {
    from: { id: previous.id, label: previous.label },
    to: { id: row.id, label: row.label },
    markdown: guideFor(read.diff, names, { base, revision }),
  };
}
