import { Page } from '../../components/layout';
import { useCan } from '../session/permissions';
import { AgentsSection } from './agents-section';
import { InvitationsSection } from './invitations-section';
import { MembersSection } from './members-section';
import { TokensSection } from './tokens-section';

/** Members and roles, invitations, API tokens (secret shown once) and agents. */
export function Settings() {
  const administer = useCan('administer');
  return (
    <Page>
      <h1>Settings</h1>
      <MembersSection administer={administer} />
      {administer ? <InvitationsSection /> : null}
      <TokensSection administer={administer} />
      <AgentsSection administer={administer} />
    </Page>
  );
}
