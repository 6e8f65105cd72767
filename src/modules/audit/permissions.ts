import { definePermission } from '../../core/auth/permissions.ts';

/** Read the audit trail: events, histories, exports, access logs, reports. */
export const auditRead = definePermission('audit.read', 'read');
/** Recompute the hash chain and check it against the signed checkpoints. */
export const auditVerify = definePermission('audit.verify', 'read');
/** See the values of fields a resource marks sensitive. */
export const auditReadSensitive = definePermission('audit.read_sensitive', 'administer');
/** Sign a checkpoint now, run a replay, manage retention. */
export const auditAdminister = definePermission('audit.administer', 'administer');
