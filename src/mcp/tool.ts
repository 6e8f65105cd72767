import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { ApiProblem, type ShipshapeApi } from './api.ts';

/** What a tool found: the structured content and how it reads. */
export interface ToolOutcome {
  data: Record<string, unknown>;
  text: string;
}

export interface ToolDefinition<Shape extends z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: Shape;
  /** The fields the structured content always has; more may follow (the API's own JSON). */
  output: z.ZodRawShape;
  /** Reads only (no change anywhere): clients may call it without asking. */
  readOnly?: boolean;
  run(args: z.output<z.ZodObject<Shape>>, api: ShipshapeApi): Promise<ToolOutcome>;
}

/** Adds itself to a server whose calls go to `api`. */
export type Registration = (server: McpServer, api: ShipshapeApi) => void;

export function defineTool<Shape extends z.ZodRawShape>(tool: ToolDefinition<Shape>): Registration {
  const input = z.object(tool.input);
  // Widened, so that the SDK's callback type does not depend on this function's type parameter.
  const inputSchema: z.ZodType<Record<string, unknown>> = input;
  return (server, api) => {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema,
        outputSchema: z.looseObject(tool.output),
        annotations: { readOnlyHint: tool.readOnly ?? false, openWorldHint: false },
      },
      // The SDK has validated the arguments against the same schema; parsing again types them.
      (args: unknown) => toolResult(async () => tool.run(input.parse(args), api)),
    );
  };
}

/**
 * Runs a tool: its outcome as structured content plus text; a problem the API answered (403, 404,
 * 409, 422, 413…) as a tool error with the problem's own text, never a protocol error.
 */
export async function toolResult(run: () => Promise<ToolOutcome>): Promise<CallToolResult> {
  try {
    const outcome = await run();
    return { content: [{ type: 'text', text: outcome.text }], structuredContent: outcome.data };
  } catch (error) {
    if (error instanceof ApiProblem)
      return {
        isError: true,
        content: [
          { type: 'text', text: error.message },
          { type: 'text', text: JSON.stringify(error.problem, null, 2) },
        ],
      };
    return {
      isError: true,
      content: [{ type: 'text', text: error instanceof Error ? error.message : String(error) }],
    };
  }
}

/**
 * A summary line, then the JSON it summarises (clients that do not read structured content get it
 * too), compact: indenting it doubled the text of a long list for nobody who reads it by eye.
 */
export function withJson(summary: string, data: unknown): string {
  return `${summary}\n\n${JSON.stringify(data)}`;
}

/** Text a tool reads as it is (a Markdown export) rather than JSON. */
export function textOf(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2);
}

export const projectInput = z
  .string()
  .min(1)
  .max(200)
  .describe('The project: its id (UUID) or its key (PAY)');
