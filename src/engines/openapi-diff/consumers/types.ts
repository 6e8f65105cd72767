/**
 * The shapes of consumer impact: which clients use which operations and fields, and which findings
 * of a diff reach them.
 */

/** One operation a consumer calls, with every field its requests send and its responses read. */
export interface ConsumerOperation {
  /** Upper case, `GET`. */
  method: string;
  /** The concrete path the consumer calls, as its contract wrote it (`/users/42`). */
  path: string;
  /** Fields named as Finding.field names them (`query.limit`, `response.200.body.name`), sorted. */
  fields: string[];
}

/** What one consumer's contract (a Pact file) says it uses. */
export interface ConsumerUses {
  consumer: string | null;
  operations: ConsumerOperation[];
}

/** A client of the API, as a project registers it (by hand or from its Pact file). */
export interface RegisteredConsumer {
  id: string;
  name: string;
  /**
   * The operations it calls: operation keys (`GET /users/{}`), templated paths (`GET /users/{id}`)
   * or concrete paths (`GET /users/42`), matched to the base document's paths.
   */
  operations: string[];
  /**
   * The fields it uses, by operation (written as in `operations`). An operation with no fields listed
   * (absent or empty) is taken as used whole: every change to it reaches the consumer.
   */
  fields?: Record<string, string[]>;
}

/** Which findings of a diff reach which consumers. Findings are named by their index in the result. */
export interface Impact {
  /** Every finding, in the result's order, with the consumers it reaches (in the order given). */
  perFinding: { findingIndex: number; consumerIds: string[] }[];
  /** ERR and WARN findings that reach no consumer: safe to ship as far as the registered clients go. */
  unused: number[];
  /** Every consumer, in the order given, with the findings that reach it. */
  perConsumer: { consumerId: string; findings: number[] }[];
}
