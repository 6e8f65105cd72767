import { useCan } from '../session/permissions';
import { AgentsSection } from './agents-section';
import { InvitationsSection } from './invitations-section';
import { MembersSection } from './members-section';
import { SettingsPage } from './settings-layout';
import { TokensSection } from './tokens-section';

/** Members and their roles; an administrator also invites people (the link is shown once). */
export function MembersSettings() {
  const administer = useCan('administer');
  return (
    <SettingsPage title="Members">
      <MembersSection administer={administer} />
      {administer ? <InvitationsSection /> : null}
    </SettingsPage>
  );
}

/** API tokens (a secret is shown once) and the agents that act through them. */
export function TokensSettings() {
  const administer = useCan('administer');
  return (
    <SettingsPage title="Tokens and agents">
      <TokensSection administer={administer} />
      <AgentsSection administer={administer} />
    </SettingsPage>
  );
}
