import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, callText } from '../../api/client';
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
    mutationFn: async (format: ExportFormat) => {
      const file = await callText('/api/v1/projects/{projectId}/prd-reviews/{id}/export', {
        params: key,
        query: { format },
      });
      saveFile(file.fileName ?? (format === 'spec' ? 'spec.md' : 'prd.md'), file.text);
    },
  });
}

/** Saves text as a file the browser downloads. */
function saveFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the URL once the click is handled; then it can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
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
