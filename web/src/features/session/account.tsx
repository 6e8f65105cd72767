import { type Me, useSignOut, useSwitchWorkspace, useWorkspaces } from './queries';

/** The header's account corner: the workspace switcher, who is signed in, and signing out. */
export function Account(props: { me: Me }) {
  const signOut = useSignOut();
  const switchWorkspace = useSwitchWorkspace();
  const workspaces = useWorkspaces();
  const { me } = props;
  return (
    <div className="account">
      <label className="visually-hidden" htmlFor="workspace">
        Workspace
      </label>
      <select
        id="workspace"
        value={me.workspace.id}
        onChange={(event) => switchWorkspace(event.target.value)}
      >
        {(workspaces.data?.data ?? [{ id: me.workspace.id, name: me.workspace.name }]).map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
      <span className="who" title={me.user.email}>
        {me.user.displayName} · {me.role}
      </span>
      <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>
    </div>
  );
}
