import type { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { runIdempotentWrite, type StoredAnswer } from '../../core/http/idempotency.ts';
import { etagOf } from '../../core/http/resource-routes.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible, getRow, toOutput } from '../../core/resource/service.ts';
import { changeRow, createRow, deleteRow } from '../../core/resource/writes.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import { type ContractRow, findContract } from './api-contract.ts';
import type { consumerCreateSchema, consumerUpdateSchema } from './contracts.ts';
import { usesFromPact } from './engine.ts';
import { type ConsumerListQuery, consumerResource } from './resource.ts';
import { consumerNamed, listConsumerRows } from './store.ts';
import type { ContractConsumerRow } from './tables.ts';

// The consumers of a contract: who calls its API and what they rely on, registered by hand or read
// from their Pact files. Each stored diff names the consumers its changes affect.

type ConsumerCreate = z.output<typeof consumerCreateSchema>;
type ConsumerUpdate = z.output<typeof consumerUpdateSchema>;
type Address = { contract: string; consumerId: string };

/** The consumer, if it belongs to this contract (404 otherwise, as for any other missing row). */
async function consumerOf(db: Executor, scope: Scope, contract: ContractRow, id: string, lock = false) {
  const row = await getRow(db, consumerResource, scope, id, lock);
  if (row.contractId !== contract.id)
    throw new AppError('not_found', `${contract.name} has no consumer ${id}.`, {
      code: 'contract_consumer.not_found',
    });
  return row;
}

/** Consumer names are unique within a contract: 409 naming the field. */
async function assertNameFree(tx: Transaction, scope: Scope, contract: ContractRow, name: string) {
  if (!(await consumerNamed(tx, scope, contract.id, name))) return;
  throw new AppError('conflict', `${contract.name} already has a consumer named ${name}.`, {
    code: 'contract_consumer.name_taken',
    errors: [{ path: 'name', message: 'is already taken' }],
  });
}

/** GET …/consumers: a page of the contract's consumers. */
export async function listConsumers(scope: Scope, reference: string, query: ConsumerListQuery) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const contract = await findContract(db, scope, reference);
    const page = await listConsumerRows(db, scope, contract.id, query);
    return { data: page.data.map((row) => toOutput(consumerResource, row)), nextCursor: page.nextCursor };
  });
}

/** GET …/consumers/{consumerId} */
export async function getConsumer(scope: Scope, address: Address): Promise<ContractConsumerRow> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    return consumerOf(db, scope, await findContract(db, scope, address.contract), address.consumerId);
  });
}

/**
 * POST …/consumers: registers a consumer of the contract (409 when the name is taken). Audited; a
 * repeated Idempotency-Key answers the first registration again.
 */
export async function createConsumer(
  scope: Scope,
  reference: string,
  input: ConsumerCreate,
  http: { path: string; idempotencyKey?: string },
): Promise<StoredAnswer & { replayed: boolean }> {
  const request = { key: http.idempotencyKey, method: 'POST', path: http.path, body: input };
  return runIdempotentWrite(scope.db, request, async (tx) => {
    await assertProjectVisible(tx, scope);
    const contract = await findContract(tx, scope, reference);
    await assertNameFree(tx, scope, contract, input.name);
    const row = await createRow(tx, consumerResource, scope, {
      contractId: contract.id,
      name: input.name,
      contact: input.contact ?? null,
      uses: input.uses,
    });
    return {
      status: 201,
      body: JSON.parse(JSON.stringify(toOutput(consumerResource, row))),
      headers: { etag: etagOf(row.version), location: `${http.path}/${row.id}` },
    };
  });
}

/** PATCH …/consumers/{consumerId}: only the fields sent change (412 on a stale version). Audited. */
export async function updateConsumer(
  scope: Scope,
  address: Address,
  input: ConsumerUpdate,
  expected?: number,
) {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const contract = await findContract(tx, scope, address.contract);
    const current = await consumerOf(tx, scope, contract, address.consumerId);
    const { version: _, ...changes } = input;
    if (changes.name && changes.name !== current.name)
      await assertNameFree(tx, scope, contract, changes.name);
    // Given the id, the versioned write locks the row and answers 412 when `expected` is stale.
    return changeRow(tx, consumerResource, scope, current.id, { values: changes, expectedVersion: expected });
  });
}

/** DELETE …/consumers/{consumerId}. Audited; the diffs stored before keep naming it. */
export async function deleteConsumer(scope: Scope, address: Address, expected?: number): Promise<void> {
  await scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const contract = await findContract(tx, scope, address.contract);
    await consumerOf(tx, scope, contract, address.consumerId);
    await deleteRow(tx, consumerResource, scope, address.consumerId, expected);
  });
}

/**
 * POST …/consumers/{consumerId}/pact: reads the consumer's Pact file (v2 or v3) and replaces what
 * the consumer uses with the operations and fields its interactions exercise. 422 when it is not a
 * Pact file, naming what is wrong. Audited.
 */
export async function recordPact(scope: Scope, address: Address, pact: unknown) {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const contract = await findContract(tx, scope, address.contract);
    const current = await consumerOf(tx, scope, contract, address.consumerId, true);
    // Read once the consumer is known to be the caller's: another workspace's is 404, whatever the body.
    const uses = usesFromPact(pact);
    return changeRow(tx, consumerResource, scope, current, {
      values: { uses, source: 'pact', pactUploadedAt: new Date() },
      event: 'pact_uploaded',
      always: true,
    });
  });
}
