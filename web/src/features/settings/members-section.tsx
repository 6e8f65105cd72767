import { useQuery } from '@tanstack/react-query';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { FormError, Query, When } from '../../components/ui';
import {
  type MemberRole,
  memberRoles,
  membersQuery,
  useChangeRole,
  useRemoveMember,
} from '../members/queries';
import { useMe } from '../session/queries';

/** The workspace's people with their roles; an administrator changes roles and removes members. */
export function MembersSection(props: { administer: boolean }) {
  const me = useMe();
  const members = useQuery(membersQuery);
  const change = useChangeRole();
  const remove = useRemoveMember();
  const columns = ['Name', 'Email', 'Role', 'Joined', ...(props.administer ? ['Remove'] : [])];
  return (
    <Section id="members" title="People and roles">
      <FormError error={change.error ?? remove.error} />
      <Query query={members} what="members">
        {(page) => (
          <ListTable columns={columns}>
            {page.data
              .filter((member) => member.user.kind !== 'agent')
              .map((member) => {
                const isMe = member.user.id === me.data?.user.id;
                return (
                  <tr key={member.user.id}>
                    <td>{member.user.displayName}</td>
                    <td>{member.user.email}</td>
                    <td>
                      {props.administer && !isMe ? (
                        <select
                          aria-label={`Role of ${member.user.displayName}`}
                          value={member.role}
                          onChange={(event) =>
                            change.mutate({ userId: member.user.id, role: event.target.value as MemberRole })
                          }
                        >
                          {memberRoles.map((role) => (
                            <option key={role} value={role}>
                              {role}
                            </option>
                          ))}
                        </select>
                      ) : (
                        member.role
                      )}
                    </td>
                    <td>
                      <When at={member.joinedAt} />
                    </td>
                    {props.administer ? (
                      <td>
                        {isMe ? null : (
                          <button
                            type="button"
                            className="danger"
                            onClick={() => {
                              if (window.confirm(`Remove ${member.user.displayName} from the workspace?`))
                                remove.mutate(member.user.id);
                            }}
                          >
                            Remove
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
          </ListTable>
        )}
      </Query>
    </Section>
  );
}
