import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import { type ContractRow, contractsWith } from './store.ts';
import { contractKinds } from './tables.ts';

// The API a version belongs to is a row of the plan's api_contracts, addressed in paths by its id
// or, as people and CI jobs know it, by its name (`payments`).

export type { ContractRow };
export type UploadableKind = (typeof contractKinds)[number];

const uuid = z.uuid();

function notFound(reference: string): AppError {
  return new AppError('not_found', `No API contract ${reference} in this project (an id, or a name).`, {
    code: 'api_contract.not_found',
  });
}

/**
 * The project's contract with this id or name (404 when there is none, 409 when the name is
 * shared by several: their ids are given, for the caller to pick). Locked when asked.
 */
export async function findContract(
  db: Executor,
  scope: Scope,
  reference: string,
  lock = false,
): Promise<ContractRow> {
  const byId = uuid.safeParse(reference).success;
  const named = await contractsWith(db, scope, byId ? { id: reference } : { name: reference }, lock);
  const [only] = named;
  if (!only) throw notFound(reference);
  if (named.length > 1)
    throw new AppError(
      'conflict',
      `Several API contracts of this project are named ${reference}; address one by its id.`,
      { code: 'api_contract.ambiguous_name', extensions: { ids: named.map((contract) => contract.id) } },
    );
  return only;
}

/** The contract, locked until the transaction ends: uploads to one contract take turns. */
export function lockContract(tx: Transaction, scope: Scope, reference: string): Promise<ContractRow> {
  return findContract(tx, scope, reference, true);
}

/** Only OpenAPI and GraphQL contracts take uploads: a gRPC or AsyncAPI contract answers 422. */
export function uploadableKind(contract: ContractRow): UploadableKind {
  const kind = contractKinds.find((candidate) => candidate === contract.kind);
  if (kind) return kind;
  throw new AppError(
    'unprocessable',
    `${contract.name} is a ${contract.kind} contract; versions can be uploaded for OpenAPI and GraphQL contracts only.`,
    { code: 'contracts.kind_not_supported' },
  );
}
