import type { ExternalApi } from '../../../core/http/external-api.ts';
import { ofrepEvaluateFlagRoute, ofrepEvaluateFlagsRoute } from './routes/ofrep.ts';
import { unleashFeaturesRoute, unleashMetricsRoute, unleashRegisterRoute } from './routes/unleash.ts';
import { startSdkRuntime } from './runtime.ts';

/**
 * The endpoints applications call with SDK keys: OFREP for OpenFeature providers, and Unleash's
 * client API for Unleash SDKs. Outside /api/v1, authenticated by SDK keys only.
 */
export const flagsSdkApi: ExternalApi = {
  name: 'feature flag SDK endpoints',
  securitySchemes: {
    sdkKey: {
      type: 'http',
      scheme: 'bearer',
      description:
        'A feature-flag SDK key (shp_srv_… server-side, shp_cli_… client-side), bound to one environment of one project. Unleash SDKs send it bare (`Authorization: <key>`); `X-API-Key: <key>` works too.',
    },
  },
  routes: [
    ofrepEvaluateFlagRoute,
    ofrepEvaluateFlagsRoute,
    unleashFeaturesRoute,
    unleashRegisterRoute,
    unleashMetricsRoute,
  ],
  start: startSdkRuntime,
};
