import { Page, Section } from '../../components/layout';
import { RecentActivity } from '../audit/recent-activity';
import { ApprovalsSection } from '../sagas/approvals-section';
import { DecisionsSection } from './decisions-section';
import { PortfolioSection } from './portfolio-section';
import { PrdListSection } from './prd-list-section';
import { useMyPrdsInReview, useReviewRequests } from './queries';
import { WaiversSection } from './waivers-section';

/**
 * The portfolio at a glance: projects by readiness with their biggest gaps, waivers about to end,
 * what waits on me (reviews, decisions), my PRDs waiting on others, and what happened lately.
 */
export function Home() {
  const requests = useReviewRequests();
  const mine = useMyPrdsInReview();
  return (
    <Page>
      <h1>Home</h1>
      <div className="columns">
        <div>
          <PortfolioSection />
          <WaiversSection />
        </div>
        <div>
          <PrdListSection
            id="requests"
            title="Reviews waiting on me"
            list={requests}
            empty="No PRD is waiting for your review."
          />
          <ApprovalsSection />
          <DecisionsSection />
          <PrdListSection
            id="my-prds"
            title="My PRDs waiting on others"
            list={mine}
            empty="None of your PRDs is in review."
          />
          <Section id="activity" title="Recent activity">
            <RecentActivity />
          </Section>
        </div>
      </div>
    </Page>
  );
}
