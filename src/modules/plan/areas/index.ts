// Every planning area. Importing an area declares its tables, resources and checks; add new areas here.
export { backgroundJobs } from './background-jobs.ts';
export { featureFlagsArea } from './feature-flags.ts';
export { thirdPartyApisArea } from './third-party-apis.ts';
