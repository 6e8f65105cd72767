import type { ModelTable } from './model.ts';

const quote = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`);
const tableName = (name: string) => name.split('.').map(quote).join('.');

/** The data model in DBML (dbdiagram.io, dbdocs): tables, columns and references. */
export function toDbml(tables: ModelTable[]): string {
  const lines = ['// Shipshape data model, generated from the Drizzle schema.', ''];
  for (const table of tables) {
    lines.push(`Table ${tableName(table.name)} {`);
    for (const column of table.columns) {
      const settings = [
        column.primaryKey ? 'pk' : '',
        column.notNull && !column.primaryKey ? 'not null' : '',
        column.unique ? 'unique' : '',
      ].filter(Boolean);
      lines.push(
        `  ${quote(column.name)} "${column.type}"${settings.length ? ` [${settings.join(', ')}]` : ''}`,
      );
    }
    lines.push('}', '');
  }
  for (const table of tables) {
    for (const reference of table.references) {
      const from = reference.columns.map(quote).join(', ');
      const to = reference.foreignColumns.map(quote).join(', ');
      const many = reference.columns.length > 1;
      lines.push(
        `Ref: ${tableName(table.name)}.${many ? `(${from})` : from} > ${tableName(reference.table)}.${many ? `(${to})` : to} [delete: ${reference.onDelete}]`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const mermaidName = (name: string) => name.replace(/\./g, '__');
const mermaidType = (type: string) => type.replace(/[^\w]/g, '_').replace(/_+$/, '') || 'value';

/** The data model as a Mermaid ER diagram (renders on GitHub and in most Markdown viewers). */
export function toMermaid(tables: ModelTable[]): string {
  const lines = ['erDiagram'];
  for (const table of tables) {
    lines.push(`  ${mermaidName(table.name)} {`);
    for (const column of table.columns) {
      const key = column.primaryKey
        ? ' PK'
        : table.references.some((ref) => ref.columns.includes(column.name))
          ? ' FK'
          : '';
      lines.push(`    ${mermaidType(column.type)} ${column.name}${key}`);
    }
    lines.push('  }');
  }
  for (const table of tables) {
    for (const reference of table.references) {
      const optional = reference.columns.some(
        (name) => !table.columns.find((column) => column.name === name)?.notNull,
      );
      // The referenced row is optional when the foreign key column may be null.
      const link = optional ? '|o--o{' : '||--o{';
      lines.push(
        `  ${mermaidName(reference.table)} ${link} ${mermaidName(table.name)} : "${reference.columns.join(', ')}"`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
