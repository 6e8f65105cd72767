import { classesOf, type Permission, permissionClasses } from './permissions.ts';
import { roles } from './schema.ts';

/**
 * The role × permission matrix as Markdown, from the permissions an app declares (docs/security.md
 * embeds it; a test keeps the two equal).
 */
export function renderPermissionMatrix(permissions: Iterable<Permission>): string {
  const classRows = Object.entries(permissionClasses).map(
    ([name, meaning]) =>
      `| \`${name}\` | ${meaning} | ${roles.map((role) => (classesOf(role).some((held) => held === name) ? '✔' : '—')).join(' | ')} |`,
  );
  const sorted = [...permissions].sort((a, b) => a.name.localeCompare(b.name));
  const permissionRows = sorted.map(
    ({ name, classes }) =>
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
