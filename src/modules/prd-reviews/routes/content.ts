import { z } from 'zod';
import { defineRoute } from '../../../core/http/route.ts';
import { diffOf, findPrd, htmlOf, lintOf, revisionOf, revisionsOf } from '../content.ts';
import {
  diffQuery,
  diffSchema,
  htmlQuery,
  htmlSchema,
  itemParams,
  lintResultSchema,
  pageQuery,
  prdSchema,
  revisionPageSchema,
  revisionParams,
  revisionSchema,
} from '../contracts.ts';
import { prdResource } from '../resource.ts';
import { answerPrd, itemPath, readErrors, tags } from './shared.ts';

const permission = prdResource.permissions.read;

export const findPrdRoute = defineRoute({
  method: 'GET',
  url: '/prd-reviews/:id',
  permission,
  schema: {
    tags,
    operationId: 'find_prd_review',
    summary: 'Find a PRD by id alone (whatever its project)',
    params: z.object({ id: z.uuid() }),
    response: { 200: prdSchema, ...readErrors },
  },
  handler: async ({ scope, params, reply }) => answerPrd(reply, await findPrd(scope, params.id)),
});

export const listRevisionsRoute = defineRoute({
  method: 'GET',
  url: `${itemPath}/revisions`,
  permission,
  schema: {
    tags,
    operationId: 'list_prd_revisions',
    summary: 'List revisions, newest first',
    params: itemParams,
    querystring: pageQuery,
    response: { 200: revisionPageSchema, ...readErrors },
  },
  handler: ({ scope, params, query }) => revisionsOf(scope, params.id, query),
});

export const getRevisionRoute = defineRoute({
  method: 'GET',
  url: `${itemPath}/revisions/:number`,
  permission,
  schema: {
    tags,
    operationId: 'get_prd_revision',
    summary: 'Get one revision',
    params: revisionParams,
    response: { 200: revisionSchema, ...readErrors },
  },
  handler: ({ scope, params }) => revisionOf(scope, params.id, params.number),
});

export const diffRoute = defineRoute({
  method: 'GET',
  url: `${itemPath}/diff`,
  permission,
  schema: {
    tags,
    operationId: 'diff_prd_revisions',
    summary: 'Diff two revisions (line and word level, structured and unified)',
    params: itemParams,
    querystring: diffQuery,
    response: { 200: diffSchema, ...readErrors },
  },
  handler: ({ scope, app, params, query }) => diffOf(scope, app.metrics, params.id, query),
});

export const htmlRoute = defineRoute({
  method: 'GET',
  url: `${itemPath}/html`,
  permission,
  schema: {
    tags,
    operationId: 'render_prd_review',
    summary: 'The PRD (or one revision) rendered as sanitized HTML',
    params: itemParams,
    querystring: htmlQuery,
    response: { 200: htmlSchema, ...readErrors },
  },
  handler: ({ scope, app, params, query }) => htmlOf(scope, app.metrics, params.id, query.revision),
});

export const lintRoute = defineRoute({
  method: 'GET',
  url: `${itemPath}/lint`,
  permission,
  schema: {
    tags,
    operationId: 'lint_prd_review',
    summary: 'What the PRD lacks: sections, precise requirements, acceptance criteria, open questions',
    params: itemParams,
    response: { 200: lintResultSchema, ...readErrors },
  },
  handler: ({ scope, app, params }) => lintOf(scope, app.metrics, params.id),
});
