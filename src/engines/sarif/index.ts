export {
  type FindingSeverity,
  findingSeverities,
  fingerprintOf,
  maxProblems,
  pathOf,
  readSarif,
  type SarifFinding,
  type SarifFix,
  type SarifProblem,
  type SarifReading,
  type SarifRunRead,
  securitySeverity,
  worse,
} from './read.ts';
export { type SarifLevel, type SarifLog, sarifLevels } from './schema.ts';
