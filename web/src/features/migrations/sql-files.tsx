import { useState } from 'react';
import { TextAreaField, TextField } from '../../components/fields';
import { Field, inputProps } from '../../components/ui';

/** One migration file to lint: where it lives and its SQL. */
export interface SqlFile {
  path: string;
  sql: string;
}

/** What the reader gave: SQL typed or pasted under a file name, and .sql files picked from disk. */
export interface SqlInput {
  path: string;
  sql: string;
  picked: SqlFile[];
}

export const emptyInput: SqlInput = { path: 'migrations/0001_change.sql', sql: '', picked: [] };

/** The files a lint request carries: the picked ones in name order (the order tools apply them), then the typed one. */
export function filesOf(input: SqlInput): SqlFile[] {
  const typed = input.sql.trim() ? [{ path: input.path.trim() || 'migration.sql', sql: input.sql }] : [];
  return [...input.picked, ...typed];
}

/** The SQL text area with its file name, and a picker for .sql files. */
export function SqlFiles(props: {
  value: SqlInput;
  onChange: (value: SqlInput) => void;
  errors: Record<string, string>;
}) {
  const { value, onChange } = props;
  const [reading, setReading] = useState<unknown>(null);
  const pick = async (list: FileList | null) => {
    setReading(null);
    try {
      const read = await Promise.all(
        [...(list ?? [])].map(async (file) => ({ path: file.name, sql: await file.text() })),
      );
      const byPath = new Map([...value.picked, ...read].map((file) => [file.path, file]));
      onChange({ ...value, picked: [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path)) });
    } catch (error) {
      setReading(error);
    }
  };
  return (
    <>
      <TextField
        label="File name"
        name="check-path"
        hint="Findings name the file by it."
        value={value.path}
        onChange={(path) => onChange({ ...value, path })}
        error={props.errors.path}
      />
      <TextAreaField
        label="SQL"
        name="check-sql"
        rows={8}
        spellCheck={false}
        placeholder="ALTER TABLE orders ADD COLUMN …"
        value={value.sql}
        onChange={(sql) => onChange({ ...value, sql })}
        error={props.errors.sql}
      />
      <Field
        label="Or pick .sql files"
        name="check-files"
        error={reading ? 'A file could not be read.' : undefined}
      >
        <input
          {...inputProps('check-files')}
          type="file"
          accept=".sql,text/plain"
          multiple
          onChange={(event) => void pick(event.target.files)}
        />
      </Field>
      {value.picked.length > 0 ? (
        <ul className="cards picked-files" aria-label="Picked files">
          {value.picked.map((file) => (
            <li key={file.path}>
              <code>{file.path}</code> <span className="muted">{file.sql.split('\n').length} lines</span>{' '}
              <button
                type="button"
                onClick={() =>
                  onChange({ ...value, picked: value.picked.filter((other) => other.path !== file.path) })
                }
              >
                Remove {file.path}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
