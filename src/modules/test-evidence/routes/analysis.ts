import { flakyRoutes } from './flaky.ts';
import { gateRoutes } from './gate.ts';
import { historyRoutes } from './history.ts';
import { scenarioRoutes } from './scenarios.ts';

/** The questions answered over imported runs, installed by the module as one list. */
export const analysisRoutes = [...scenarioRoutes, ...historyRoutes, ...flakyRoutes, ...gateRoutes];
