import { fieldErrorsOf } from '../../components/forms';

/**
 * The problems a refused definition (422) names, each with its path (`definition.steps.1.url`), so
 * the author finds the step and field to fix.
 */
export function DefinitionErrors(props: { error: unknown }) {
  const errors = Object.entries(fieldErrorsOf(props.error)).filter(
    ([path]) =>
      path.startsWith('definition') || path.startsWith('templateOptions') || path.startsWith('inputs'),
  );
  if (errors.length === 0) return null;
  return (
    <div className="error banner" role="alert">
      <p>The definition is not valid:</p>
      <ul className="definition-errors">
        {errors.map(([path, message]) => (
          <li key={path}>
            <code>{path}</code>: {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
