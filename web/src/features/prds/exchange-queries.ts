import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { downloadFrom } from '../../components/download';
import { type PrdKey, prdKeys } from './queries';

export type ExportFormat = 'markdown' | 'spec';

/** The project's review rules: approvals needed, whether authors approve, sections lint expects. */
export function useReviewSettings(projectId: string) {
  return useQuery({
    queryKey: [...prdKeys.all, 'settings', projectId],
    queryFn: () => call('get', '/api/v1/projects/{projectId}/prd-review-settings', { params: { projectId } }),
    staleTime: 60_000,
  });
}

/** Downloads the PRD as Markdown with front matter, or as a spec.md. */
export function useExportPrd(key: PrdKey) {
  return useMutation({
    mutationFn: (format: ExportFormat) =>
      downloadFrom(
        '/api/v1/projects/{projectId}/prd-reviews/{id}/export',
        format === 'spec' ? 'spec.md' : 'prd.md',
        {
          params: key,
          query: { format },
        },
      ),
  });
}

/** Creates a PRD in the project from Markdown (front matter optional). */
export function useImportPrd(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { markdown: string; title?: string }) =>
      call('post', '/api/v1/projects/{projectId}/prd-reviews/import', {
        params: { projectId },
        body: input.title ? input : { markdown: input.markdown },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: prdKeys.lists(projectId) }),
  });
}
