import { z } from 'zod';
import { asObject, expectOk, isRecord, projectPath } from '../api.ts';
import { resolveProject } from '../project-ref.ts';
import { defineTool, projectInput, withJson } from '../tool.ts';
import { attachToTask, taskToAttach } from './evidence.ts';

export const reportFindings = defineTool({
  name: 'report_findings',
  title: 'Report findings (SARIF)',
  description:
    'Uploads a SARIF 2.1.0 log (what ESLint, Biome, Semgrep, CodeQL… write): one finding set per run. Findings of the same stream not reported again are closed as fixed. With `taskId`, the sets become evidence of that task.',
  input: {
    project: projectInput,
    sarif: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .describe('The SARIF log, as JSON text or as an object'),
    commit: z.string().min(4).max(64).optional(),
    branch: z.string().max(200).optional(),
    taskId: taskToAttach,
  },
  output: { data: z.array(z.unknown()) },
  run: async ({ project, sarif, commit, branch, taskId }, api) => {
    const projectId = await resolveProject(api, project);
    const data = typeof sarif === 'string' ? sarif : JSON.stringify(sarif);
    const body = asObject(
      await expectOk(api, 'POST', `${projectPath(projectId)}/findings/sarif`, {
        query: { commit, branch },
        raw: { contentType: 'application/sarif+json', data },
      }),
    );
    const sets = Array.isArray(body.data) ? body.data.filter(isRecord) : [];
    const task = await attachToTask(api, projectId, taskId, {
      findingSetIds: sets.map((set) => String(set.id)),
    });
    const lines = sets.map((set) => {
      const counts = isRecord(set.counts) ? set.counts : {};
      return `- ${String(set.tool)} (${String(set.id)}): ${String(counts.results)} ${counts.results === 1 ? 'result' : 'results'}, ${String(counts.opened)} opened, ${String(counts.reopened)} reopened, ${String(counts.closed)} closed`;
    });
    const attached = task ? `\nAdded to the evidence of ${String(task.key)}.` : '';
    return {
      data: { ...body, ...(task ? { task } : {}) },
      text: withJson(`${sets.length} finding set(s):\n${lines.join('\n')}${attached}`, body),
    };
  },
});

export const findingTools = [reportFindings];
