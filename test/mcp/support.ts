// The real MCP SDK client against Shipshape, over Streamable HTTP (the server's /mcp) or over stdio
// (`shipshape mcp` spawned as a client spawns it), and the fixtures the MCP suites share.
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';
import type { Caller } from '../../src/test-support/app.ts';

const cli = path.resolve(import.meta.dirname, '../../bin/shipshape.js');

export type TransportKind = 'http' | 'stdio';

export interface Connected {
  client: Client;
  close(): Promise<void>;
}

/** A client connected as the caller over Streamable HTTP at `${url}/mcp`. */
export async function connectHttp(
  url: string,
  caller: Caller,
): Promise<Connected & { transport: StreamableHTTPClientTransport }> {
  const client = new Client({ name: 'shipshape-tests', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${caller.token}` } },
  });
  await client.connect(transport);
  return { client, transport, close: () => client.close() };
}

/** A client that starts `shipshape mcp` with SHIPSHAPE_URL and SHIPSHAPE_TOKEN, as a desktop client does. */
export async function connectStdio(url: string, caller: Caller): Promise<Connected> {
  const client = new Client({ name: 'shipshape-tests', version: '1.0.0' });
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cli, 'mcp'],
    env: { ...env, SHIPSHAPE_URL: url, SHIPSHAPE_TOKEN: caller.token },
    stderr: 'pipe',
  });
  await client.connect(transport);
  return { client, close: () => client.close() };
}

export const connect = (kind: TransportKind, url: string, caller: Caller) =>
  kind === 'http' ? connectHttp(url, caller) : connectStdio(url, caller);

/** Calls a tool and expects it to succeed; answers its structured content. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert the shapes themselves
export async function callOk(client: Client, name: string, args: Record<string, unknown>): Promise<any> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError, textOf(result)).toBeFalsy();
  expect(textOf(result).length).toBeGreaterThan(0);
  return result.structuredContent;
}

/** Calls a tool and expects a tool error (not a protocol error); answers its text. */
export async function callError(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<string> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError, textOf(result)).toBe(true);
  return textOf(result);
}

export function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

/** A project of the caller's workspace with an approved PRD; answers both ids and the project key. */
export async function projectWithApprovedPrd(owner: Caller, reviewer: Caller) {
  const key = `MCP${Math.floor(Math.random() * 1e6)}`;
  const project = await owner.post('/api/v1/projects', { name: 'Payments', key });
  expect(project.status, JSON.stringify(project.body)).toBe(201);
  const base = `/api/v1/projects/${project.body.id}/prd-reviews`;
  const prd = await owner.post(base, { title: 'Refunds v2', content: refundsPrd });
  expect(prd.status, JSON.stringify(prd.body)).toBe(201);
  expect(
    (await owner.post(`${base}/${prd.body.id}/review-requests`, { reviewers: [reviewer.userId] })).status,
  ).toBe(200);
  expect((await owner.post(`${base}/${prd.body.id}/submit`, {})).status).toBe(200);
  const approved = await reviewer.post(`${base}/${prd.body.id}/approve`, { comment: 'Ship it.' });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return { projectId: project.body.id as string, key, prdId: prd.body.id as string };
}

export const refundsPrd = `## Problem
Refunds take three days to reach customers.

## Goals
- Refund within one hour.

## Non-goals
- Partial refunds.

## Requirements
- Refunds are sent to the provider within 5 minutes of approval. Acceptance: p95 under 5 minutes in staging.
- A refund shows its status to the customer. Acceptance: the order page shows pending, sent or failed.

## Success metrics
- 95% of refunds reach customers within one hour.

## Open questions
- None.
`;

export const junitReport = (failing: boolean) => `<?xml version="1.0"?>
<testsuites><testsuite name="refunds" timestamp="2026-12-01T10:00:00">
  <testcase classname="refunds" name="sends within five minutes" time="0.5"/>
  <testcase classname="refunds" name="shows its status" time="0.25">${failing ? '<failure message="expected sent, got pending">trace</failure>' : ''}</testcase>
</testsuite></testsuites>`;

/** The text of a resource read's first content. */
export function resourceText(read: { contents: ({ text: string } | { blob: string })[] }): string {
  const first = read.contents[0];
  return first && 'text' in first ? first.text : '';
}
