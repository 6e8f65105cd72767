import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ShipshapeApi } from './api.ts';
import { registerPrompts } from './prompt.ts';
import { registerResources } from './resources.ts';
import type { Registration } from './tool.ts';
import { decisionTools } from './tools/decisions.ts';
import { deliveryTools } from './tools/delivery.ts';
import { findingTools } from './tools/findings.ts';
import { projectTools } from './tools/projects.ts';
import { sagaTools } from './tools/sagas.ts';
import { taskTools } from './tools/tasks.ts';
import { testTools } from './tools/tests.ts';

export const toolRegistrations: readonly Registration[] = [
  ...projectTools,
  ...decisionTools,
  ...taskTools,
  ...findingTools,
  ...testTools,
  ...sagaTools,
  ...deliveryTools,
];

export const mcpServerVersion = '0.1.0';

const instructions =
  "Shipshape is the control plane for production-ready delivery. Find your project (list_projects), read its plan (get_plan) and spec (get_spec), claim a task (claim_task), do the work, report findings (report_findings) and test runs (upload_test_run) as the task's evidence, and complete it (complete_task): completion is refused while a quality gate fails.";

/** One MCP server over the API: the same tools, resources and prompt on every transport. */
export function createMcpServer(api: ShipshapeApi, version: string): McpServer {
  const server = new McpServer(
    { name: 'shipshape', title: 'Shipshape', version },
    { capabilities: { tools: {}, resources: {}, prompts: {} }, instructions },
  );
  for (const register of toolRegistrations) register(server, api);
  registerResources(server, api);
  registerPrompts(server, api);
  return server;
}
