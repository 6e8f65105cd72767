import { classesOf, declaredPermissions, permissionClasses } from './permissions.ts';
import { roles } from './schema.ts';

/**
 * The role × permission matrix as Markdown, from the permission registry itself (docs/security.md
 * embeds it; a test keeps the two equal). Call it once every module has been imported.
 */
export function renderPermissionMatrix(): string {
  const classRows = Object.entries(permissionClasses).map(
    ([name, meaning]) =>
      `| \`${name}\` | ${meaning} | ${roles.map((role) => (classesOf(role).includes(name as never) ? '✔' : '—')).join(' | ')} |`,
  );
  const permissions = [...declaredPermissions()].sort(([a], [b]) => a.localeCompare(b));
  const permissionRows = permissions.map(
    ([name, classes]) =>
      `| \`${name}\` | ${classes.join(' or ')} | ${roles
        .map((role) => (classes.some((c) => classesOf(role).includes(c)) ? '✔' : '—'))
        .join(' | ')} |`,
  );
  const header = `| ${roles.join(' | ')} |`;
  const rule = `|${roles.map(() => ' :-: ').join('|')}|`;
  return [
    `| class | meaning ${header}`,
    `| --- | --- ${rule}`,
    ...classRows,
    '',
    `| permission | class ${header}`,
    `| --- | --- ${rule}`,
    ...permissionRows,
  ].join('\n');
}
