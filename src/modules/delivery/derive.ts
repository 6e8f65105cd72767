import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

// What is derived across rows once a sync's or an import's pages are in: each merged MR's first
// production deployment, and the project's monthly contributions. Both are recomputed from the
// stored rows, so running them twice, or after a crash, gives the same answer.

/**
 * Fills each merged MR's first successful production deployment of its target branch at or after
 * the merge, and the durations that end there (merge → deploy; first commit or opening → deploy).
 */
export async function linkDeployments(db: Executor, projectId: string): Promise<void> {
  // One index seek per merge request (gitlab_deployments_link_idx), not a scan of the deployments.
  await db.execute(sql`
    update gitlab_mr_lead_times mr set
      first_deploy_at = firsts.deployed,
      deploy_ms = (extract(epoch from firsts.deployed - mr.merged_at) * 1000)::bigint,
      change_lead_ms = (extract(epoch from firsts.deployed
        - least(coalesce(mr.first_commit_at, mr.opened_at), mr.opened_at)) * 1000)::bigint
    from gitlab_mr_lead_times merged
    left join lateral (
      select coalesce(d.finished_at, d.deployed_at) as deployed from gitlab_deployments d
      where d.project_id = merged.project_id and d.gitlab_project_id = merged.gitlab_project_id
        and d.ref = merged.target_branch and d.production and d.status = 'success'
        and coalesce(d.finished_at, d.deployed_at) >= merged.merged_at
      order by coalesce(d.finished_at, d.deployed_at)
      limit 1
    ) firsts on true
    where mr.id = merged.id and merged.project_id = ${projectId} and merged.merged_at is not null
      and mr.first_deploy_at is distinct from firsts.deployed`);
}

/**
 * Rebuilds the project's monthly contributions from its MR contributors and resolved issues. A
 * person is the mapped delivery person (by GitLab username, Jira account id or email), else the
 * email, else `gitlab:<username>` / `jira:<accountId>`. Months are calendar months in UTC.
 */
export async function rebuildMonthlyContributions(
  db: Executor,
  workspaceId: string,
  projectId: string,
): Promise<void> {
  await db.execute(sql`delete from monthly_contributions where project_id = ${projectId}`);
  await db.execute(sql`
    with people as (
      select id, name, email, team, gitlab_usernames, jira_account_ids from delivery_people
      where workspace_id = ${workspaceId}
    ), parts as (
      select c.*, p.id as person_id, p.name as person_name, p.team as team
      from gitlab_mr_contributors c
      left join lateral (
        select * from people p
        where c.handle = any(p.gitlab_usernames) or (c.email is not null and lower(c.email) = lower(p.email))
        order by p.id limit 1
      ) p on true
      where c.project_id = ${projectId}
    ), keyed as (
      select coalesce(person_id::text, lower(email), 'gitlab:' || handle) as person_key,
        coalesce(person_name, name, handle) as person_name, team, role, mr_key, count, first_at
      from parts
    ), events as (
      select person_key, person_name, team, first_at as at, 1 as opened, 0 as merged, 0 as reviews,
        0 as comments, 0 as commits, 0 as resolved
      from keyed where role = 'author'
      union all
      select k.person_key, k.person_name, k.team, mr.merged_at, 0, 1, 0, 0, 0, 0
      from keyed k join gitlab_mr_lead_times mr on mr.project_id = ${projectId} and mr.mr_key = k.mr_key
      where k.role = 'author' and mr.merged_at is not null
      union all
      select person_key, min(person_name), min(team), min(first_at), 0, 0, 1, 0, 0, 0
      from keyed where role in ('reviewer', 'approver') group by person_key, mr_key
      union all
      select person_key, person_name, team, first_at, 0, 0, 0, count, 0, 0
      from keyed where role in ('reviewer', 'commenter')
      union all
      select person_key, person_name, team, first_at, 0, 0, 0, 0, count, 0
      from keyed where role = 'committer'
      union all
      select coalesce(p.id::text, lower(i.resolved_by_email), 'jira:' || i.resolved_by_handle),
        coalesce(p.name, i.resolved_by_name, i.resolved_by_handle), p.team, i.done_at, 0, 0, 0, 0, 0, 1
      from jira_lead_times i
      left join lateral (
        select * from people p
        where i.resolved_by_handle = any(p.jira_account_ids)
          or (i.resolved_by_email is not null and lower(i.resolved_by_email) = lower(p.email))
        order by p.id limit 1
      ) p on true
      where i.project_id = ${projectId} and i.done_at is not null and i.resolved_by_handle is not null
    )
    insert into monthly_contributions (id, workspace_id, project_id, person_key, person_name, team, month,
      mrs_opened, mrs_merged, reviews, comments, commits, issues_resolved)
    select gen_random_uuid(), ${workspaceId}, ${projectId}, person_key, min(person_name), min(team),
      to_char(at at time zone 'UTC', 'YYYY-MM') as month,
      sum(opened), sum(merged), sum(reviews), sum(comments), sum(commits), sum(resolved)
    from events group by person_key, to_char(at at time zone 'UTC', 'YYYY-MM')`);
}

/** Both derivations, in the caller's transaction. */
export async function refreshDerived(db: Executor, workspaceId: string, projectId: string): Promise<void> {
  await linkDeployments(db, projectId);
  await rebuildMonthlyContributions(db, workspaceId, projectId);
}
