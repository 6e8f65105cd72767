export type {
  DeliveryDataset,
  ReplayDeployment,
  ReplayFaults,
  ReplayIssue,
  ReplayMergeRequest,
  ReplayProject,
} from './dataset.ts';
export { searchChangelogLimit } from './jira-routes.ts';
export { type DeliveryReplay, startDeliveryReplay } from './server.ts';
export { type SyntheticOptions, syntheticDelivery } from './synthetic.ts';
