import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { useReviewSettings } from './exchange-queries';

/** The project's review rules, so authors and reviewers know what approval takes. */
export function ReviewRules(props: { projectId: string }) {
  const settings = useReviewSettings(props.projectId);
  return (
    <Section id="review-rules" title="Review rules" className="panel">
      <Query query={settings} what="the review rules">
        {(rules) => (
          <ul className="prd-rules">
            <li>
              {rules.approvalsRequired} approval{rules.approvalsRequired === 1 ? '' : 's'} of the current
              revision
            </li>
            <li>{rules.authorMayApprove ? 'The author may approve' : 'The author may not approve'}</li>
            <li>
              {rules.requireCleanLint ? 'Lint must be clean to submit' : 'Lint findings do not block submit'}
            </li>
            <li>
              Sections:{' '}
              {rules.requiredSections.length ? rules.requiredSections.join(', ') : 'the default ones'}
            </li>
          </ul>
        )}
      </Query>
      <Link href="/settings/review-rules">Change the rules</Link>
    </Section>
  );
}
