import { bindFields, SelectField, TextField } from '../../components/fields';
import { Form, hasGeneralError } from '../../components/forms';
import { Section } from '../../components/layout';
import { Empty, FormError, Query, Status, When } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { type MemberRole, memberRoles } from '../members/queries';
import { useInvitations, useInvite, useRevokeInvitation } from './queries';

/** Inviting someone (the link is shown once), and the invitations made so far. */
export function InvitationsSection() {
  const [values, set] = useValues({ email: '', role: 'reviewer' });
  const invitations = useInvitations();
  const invite = useInvite();
  const revoke = useRevokeInvitation();
  const submit = () => {
    invite.mutate(
      { email: values.email, role: values.role as MemberRole },
      { onSuccess: () => set('email')('') },
    );
  };
  const field = bindFields({ values, set, error: invite.error, prefix: 'invite' });
  const link = invite.data
    ? `${window.location.origin}/accept-invitation#token=${encodeURIComponent(invite.data.token)}`
    : '';
  return (
    <Section id="invitations" title="Invitations">
      <Form className="inline-form" onSubmit={submit} aria-label="Invite a member">
        <TextField label="Email" type="email" {...field('email')} />
        <SelectField label="Role" choices={memberRoles} {...field('role')} />
        <button type="submit" className="primary" disabled={invite.isPending}>
          Invite
        </button>
      </Form>
      {hasGeneralError(invite.error, ['email', 'role']) ? <FormError error={invite.error} /> : null}
      {invite.data ? (
        <div className="panel" role="status">
          <p>
            Send this link to {invite.data.email}. It is shown only now and expires{' '}
            <When at={invite.data.expiresAt} />:
          </p>
          <p className="secret">{link}</p>
        </div>
      ) : null}
      <FormError error={revoke.error} />
      <Query query={invitations} what="invitations">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No invitations.</Empty>
          ) : (
            <ul className="cards">
              {page.data.map((invitation) => (
                <li key={invitation.id}>
                  {invitation.email} as {invitation.role} <Status value={invitation.status} /> expires{' '}
                  <When at={invitation.expiresAt} />{' '}
                  {invitation.status === 'pending' ? (
                    <button type="button" onClick={() => revoke.mutate(invitation.id)}>
                      Revoke
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </Section>
  );
}
