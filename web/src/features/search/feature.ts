import type { Feature } from '../../shell/feature';
import { SearchResults } from './search-results';

/** Found through the header's search box, so no navigation entry. */
export const searchFeature: Feature = {
  routes: [{ path: '/search', component: SearchResults }],
};
