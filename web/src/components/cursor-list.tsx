import {
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Query } from './ui';

/** One page of a list the API pages with cursors. */
export interface CursorPage<Row> {
  data: Row[];
  nextCursor?: string | null;
}

export type CursorListQuery<Page> = UseInfiniteQueryResult<InfiniteData<Page>>;

/**
 * A list the API answers page by page: the first page now, the next one (after `nextCursor`) when
 * the reader asks for more.
 */
export function useCursorList<Page extends CursorPage<unknown>>(options: {
  queryKey: QueryKey;
  fetchPage: (cursor: string | undefined) => Promise<Page>;
  enabled?: boolean;
}): CursorListQuery<Page> {
  return useInfiniteQuery({
    queryKey: options.queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => options.fetchPage(pageParam),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: options.enabled,
  });
}

/** The "Load more" button, shown while the list has a next page. */
export function LoadMore(props: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { list } = props;
  if (!list.hasNextPage) return null;
  return (
    <button type="button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
      Load more
    </button>
  );
}

/**
 * Loading, error, empty or the rows of every page loaded so far, then "Load more". `children`
 * renders the rows; it also gets the first page for what the API says about the whole list.
 */
export function CursorList<Page extends CursorPage<unknown>>(props: {
  list: CursorListQuery<Page>;
  what: string;
  empty: ReactNode | ((first: Page | undefined) => ReactNode);
  children: (rows: Page['data'], first: Page | undefined) => ReactNode;
}) {
  return (
    <Query query={props.list} what={props.what}>
      {(data) => {
        const first = data.pages[0];
        const rows: Page['data'] = data.pages.flatMap((page) => page.data);
        if (rows.length === 0) return typeof props.empty === 'function' ? props.empty(first) : props.empty;
        return (
          <>
            {props.children(rows, first)}
            <LoadMore list={props.list} />
          </>
        );
      }}
    </Query>
  );
}
