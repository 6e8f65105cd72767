import { useMutation } from '@tanstack/react-query';
import type { PathWith } from '../api/client';
import { downloadFrom } from './download';
import { FormError } from './ui';

/** A button that downloads a file from the API, busy while it comes and saying why if it fails. */
export function DownloadButton(props: {
  label: string;
  path: PathWith<'get'>;
  fileName: string;
  params?: Record<string, string | number>;
  query?: object;
}) {
  const download = useMutation({
    mutationFn: () => downloadFrom(props.path, props.fileName, { params: props.params, query: props.query }),
  });
  return (
    <>
      <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
        {download.isPending ? `${props.label}…` : props.label}
      </button>
      <FormError error={download.error} />
    </>
  );
}
