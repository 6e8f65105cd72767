import { z } from 'zod';
import { defineResource } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import { deliveryPermissions } from './contracts.ts';
import {
  contributionSchema,
  deploymentSchema,
  jiraHistorySchema,
  jiraIssueSchema,
  mergeRequestSchema,
} from './data-contracts.ts';
import {
  gitlabDeployments,
  gitlabMrLeadTimes,
  jiraLeadTimes,
  jiraTableHistory,
  monthlyContributions,
} from './tables.ts';

// The synced rows, listed and filtered by the resource layer. Only syncs and imports write them.

const permissions = {
  read: deliveryPermissions.read,
  create: deliveryPermissions.import,
  update: deliveryPermissions.import,
  delete: deliveryPermissions.write,
};
const noWrites = { create: z.strictObject({}), update: z.strictObject({}) };

export const mergeRequestResource = defineResource({
  name: 'delivery_merge_request',
  path: 'delivery/merge-requests',
  label: 'merge request',
  tag: 'Delivery',
  scope: 'project',
  table: gitlabMrLeadTimes,
  operations: ['list', 'get'],
  schemas: { ...noWrites, output: mergeRequestSchema },
  filters: {
    state: filterOn.text(gitlabMrLeadTimes.state, ['eq', 'ne', 'in']),
    authorHandle: filterOn.text(gitlabMrLeadTimes.authorHandle, ['eq', 'in']),
    targetBranch: filterOn.text(gitlabMrLeadTimes.targetBranch, ['eq', 'in']),
    labels: filterOn.textArray(gitlabMrLeadTimes.labels),
    mergedAt: filterOn.nullable(filterOn.timestamp(gitlabMrLeadTimes.mergedAt)),
    openedAt: filterOn.timestamp(gitlabMrLeadTimes.openedAt),
  },
  sortable: { openedAt: gitlabMrLeadTimes.openedAt, mrUpdatedAt: gitlabMrLeadTimes.mrUpdatedAt },
  defaultSort: '-mrUpdatedAt',
  searchable: [gitlabMrLeadTimes.title],
  search: false,
  permissions,
});

export const deploymentResource = defineResource({
  name: 'delivery_deployment',
  path: 'delivery/deployments',
  label: 'deployment',
  tag: 'Delivery',
  scope: 'project',
  table: gitlabDeployments,
  operations: ['list'],
  schemas: { ...noWrites, output: deploymentSchema },
  filters: {
    environment: filterOn.text(gitlabDeployments.environment, ['eq', 'in']),
    production: filterOn.boolean(gitlabDeployments.production),
    status: filterOn.text(gitlabDeployments.status, ['eq', 'ne', 'in']),
    deployedAt: filterOn.timestamp(gitlabDeployments.deployedAt),
  },
  sortable: { deployedAt: gitlabDeployments.deployedAt },
  defaultSort: '-deployedAt',
  searchable: [],
  search: false,
  permissions,
});

export const jiraIssueResource = defineResource({
  name: 'delivery_jira_issue',
  path: 'delivery/jira-issues',
  label: 'Jira issue',
  tag: 'Delivery',
  scope: 'project',
  table: jiraLeadTimes,
  operations: ['list', 'get'],
  schemas: { ...noWrites, output: jiraIssueSchema },
  filters: {
    issueKey: filterOn.text(jiraLeadTimes.issueKey, ['eq', 'in']),
    issueType: filterOn.text(jiraLeadTimes.issueType, ['eq', 'ne', 'in']),
    status: filterOn.text(jiraLeadTimes.status, ['eq', 'ne', 'in']),
    statusCategory: filterOn.enum(jiraLeadTimes.statusCategory, ['new', 'in_progress', 'done']),
    doneAt: filterOn.nullable(filterOn.timestamp(jiraLeadTimes.doneAt)),
    openedAt: filterOn.timestamp(jiraLeadTimes.openedAt),
  },
  sortable: { openedAt: jiraLeadTimes.openedAt, issueUpdatedAt: jiraLeadTimes.issueUpdatedAt },
  defaultSort: '-issueUpdatedAt',
  searchable: [jiraLeadTimes.summary, jiraLeadTimes.issueKey],
  search: false,
  permissions,
});

export const jiraHistoryResource = defineResource({
  name: 'delivery_jira_change',
  path: 'delivery/jira-changes',
  label: 'Jira change',
  tag: 'Delivery',
  scope: 'project',
  table: jiraTableHistory,
  operations: ['list'],
  schemas: { ...noWrites, output: jiraHistorySchema },
  filters: {
    issueKey: filterOn.text(jiraTableHistory.issueKey, ['eq', 'in']),
    field: filterOn.text(jiraTableHistory.field, ['eq', 'in']),
    changedAt: filterOn.timestamp(jiraTableHistory.changedAt),
  },
  sortable: { changedAt: jiraTableHistory.changedAt },
  defaultSort: 'changedAt',
  searchable: [],
  search: false,
  permissions,
});

export const contributionResource = defineResource({
  name: 'delivery_contribution',
  path: 'delivery/contributions',
  label: 'monthly contribution',
  tag: 'Delivery',
  scope: 'project',
  table: monthlyContributions,
  operations: ['list'],
  schemas: { ...noWrites, output: contributionSchema },
  filters: {
    month: filterOn.text(monthlyContributions.month, ['eq', 'in', 'gte', 'lte']),
    personKey: filterOn.text(monthlyContributions.personKey, ['eq', 'in']),
    team: filterOn.nullable(filterOn.text(monthlyContributions.team, ['eq', 'in'])),
  },
  sortable: { month: monthlyContributions.month, personKey: monthlyContributions.personKey },
  defaultSort: '-month',
  searchable: [monthlyContributions.personName],
  search: false,
  permissions,
});

export const deliveryDataResources = [
  mergeRequestResource,
  deploymentResource,
  jiraIssueResource,
  jiraHistoryResource,
  contributionResource,
];
