// The parts of a SARIF 2.1.0 log that findings are made of, as the OASIS standard names them (and as
// ESLint's SARIF formatter, Semgrep, CodeQL and Biome write them). Unknown fields are allowed,
// since every tool adds its own; the fields read must have the right type. Text must be storable:
// no NUL character, no lone surrogate.

import { z } from 'zod';

export const sarifLevels = ['none', 'note', 'warning', 'error'] as const;
export type SarifLevel = (typeof sarifLevels)[number];

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const text = z
  .string()
  .refine((value) => !value.includes('\u0000'), 'holds a NUL character')
  .refine((value) => !loneSurrogate.test(value), 'holds a lone UTF-16 surrogate');
const line = z.number().int().min(1);
const index = z.number().int().min(-1);
/** Property bags: anything, read where a known property is wanted. */
const properties = z.record(z.string(), z.unknown());
const fingerprintMap = z.record(z.string(), text);

const messageSchema = z.object({ text: text.optional(), markdown: text.optional(), id: text.optional() });

const artifactLocationSchema = z.object({
  uri: text.optional(),
  uriBaseId: text.optional(),
  index: index.optional(),
});

export const regionSchema = z.object({
  startLine: line.optional(),
  startColumn: line.optional(),
  endLine: line.optional(),
  endColumn: line.optional(),
  snippet: z.object({ text: text.optional() }).optional(),
});

const physicalLocationSchema = z.object({
  artifactLocation: artifactLocationSchema.optional(),
  region: regionSchema.optional(),
});

const locationSchema = z.object({ physicalLocation: physicalLocationSchema.optional() });

const suppressionSchema = z.object({
  kind: z.string().optional(),
  /** Absent means accepted; a suppression under review or rejected does not suppress. */
  status: z.string().optional(),
  justification: text.optional(),
});

const fixSchema = z.object({
  description: messageSchema.optional(),
  artifactChanges: z.array(z.object({ artifactLocation: artifactLocationSchema.optional() })).default([]),
});

export const resultSchema = z.object({
  ruleId: text.optional(),
  ruleIndex: index.optional(),
  rule: z.object({ id: text.optional(), index: index.optional() }).optional(),
  level: z.enum(sarifLevels).optional(),
  kind: z.string().optional(),
  message: messageSchema,
  locations: z.array(locationSchema).optional(),
  partialFingerprints: fingerprintMap.optional(),
  fingerprints: fingerprintMap.optional(),
  suppressions: z.array(suppressionSchema).optional(),
  fixes: z.array(fixSchema).optional(),
  properties: properties.optional(),
});

const ruleSchema = z.object({
  id: text,
  name: text.optional(),
  shortDescription: messageSchema.optional(),
  defaultConfiguration: z.object({ level: z.enum(sarifLevels).optional() }).optional(),
  properties: properties.optional(),
});

const driverSchema = z.object({
  name: text.min(1),
  version: text.optional(),
  semanticVersion: text.optional(),
  rules: z.array(ruleSchema).optional(),
});

export const runSchema = z.object({
  tool: z.object({ driver: driverSchema }),
  results: z.array(resultSchema).optional(),
  automationDetails: z.object({ id: text.optional() }).optional(),
  artifacts: z.array(z.object({ location: artifactLocationSchema.optional() })).optional(),
  originalUriBaseIds: z.record(z.string(), z.object({ uri: text.optional() })).optional(),
});

export const logSchema = z.object({
  version: z.literal('2.1.0', { error: 'must be "2.1.0" (only SARIF 2.1.0 is read)' }),
  runs: z.array(runSchema),
});

export type SarifLog = z.output<typeof logSchema>;
export type SarifRun = z.output<typeof runSchema>;
export type SarifResult = z.output<typeof resultSchema>;
export type SarifRule = z.output<typeof ruleSchema>;
