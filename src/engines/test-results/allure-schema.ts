// The files of an Allure 2 results folder, as allure-js-commons' model describes them (and as the
// Java, Python and other adapters write them). Unknown fields are allowed, since adapters add their
// own; known fields must have the right type. Absent lists and details read as empty, as Allure's
// own reader takes them; `null` reads as absent, since some adapters write it for "not set".

import { z } from 'zod';
import { testStatuses } from './model.ts';

const text = z.string();
const optionalText = text.nullish();
const time = z.number().finite().nullish();

export const statusSchema = z.enum(testStatuses);

export const labelSchema = z.object({ name: text, value: text });
export const linkSchema = z.object({ name: optionalText, url: text, type: optionalText });
export const parameterSchema = z.object({
  name: text,
  value: text,
  excluded: z.boolean().nullish(),
  mode: z.enum(['default', 'hidden', 'masked']).nullish(),
});
export const attachmentSchema = z.object({ name: text, source: text, type: optionalText });
export const statusDetailsSchema = z.object({
  message: optionalText,
  trace: optionalText,
  known: z.boolean().nullish(),
  muted: z.boolean().nullish(),
  flaky: z.boolean().nullish(),
});

export interface RawStep {
  name?: string | null | undefined;
  status?: z.infer<typeof statusSchema> | null | undefined;
  statusDetails?: z.infer<typeof statusDetailsSchema> | null | undefined;
  start?: number | null | undefined;
  stop?: number | null | undefined;
  parameters?: z.infer<typeof parameterSchema>[] | null | undefined;
  attachments?: z.infer<typeof attachmentSchema>[] | null | undefined;
  steps?: RawStep[] | null | undefined;
}

const executableShape = {
  name: optionalText,
  status: statusSchema.nullish(),
  statusDetails: statusDetailsSchema.nullish(),
  start: time,
  stop: time,
  parameters: z.array(parameterSchema).nullish(),
  attachments: z.array(attachmentSchema).nullish(),
};

export const stepSchema: z.ZodType<RawStep> = z.lazy(() =>
  z.object({ ...executableShape, steps: z.array(stepSchema).nullish() }),
);

export const resultSchema = z.object({
  ...executableShape,
  steps: z.array(stepSchema).nullish(),
  uuid: text,
  historyId: optionalText,
  testCaseId: optionalText,
  fullName: optionalText,
  titlePath: z.array(text).nullish(),
  description: optionalText,
  labels: z.array(labelSchema).nullish(),
  links: z.array(linkSchema).nullish(),
});
export type RawResult = z.infer<typeof resultSchema>;

export const containerSchema = z.object({
  uuid: text,
  name: optionalText,
  children: z.array(text).nullish(),
  befores: z.array(stepSchema).nullish(),
  afters: z.array(stepSchema).nullish(),
});
export type RawContainer = z.infer<typeof containerSchema>;

export const categoriesSchema = z.array(
  z.object({
    name: text,
    matchedStatuses: z.array(statusSchema).nullish(),
    messageRegex: optionalText,
    traceRegex: optionalText,
    flaky: z.boolean().nullish(),
  }),
);

export const executorSchema = z.object({
  name: optionalText,
  type: optionalText,
  url: optionalText,
  buildOrder: z.number().finite().nullish(),
  buildName: optionalText,
  buildUrl: optionalText,
  reportName: optionalText,
  reportUrl: optionalText,
});

function where(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || 'the file';
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** One line per problem: `steps[0].status must be one of passed, … (got "ok")`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const at = where(issue.path);
      if (issue.code === 'invalid_value') {
        return `${at} must be one of ${issue.values.map(String).join(', ')} (got ${shown(issue.input)})`;
      }
      if (issue.code === 'invalid_type') {
        return issue.input === undefined
          ? `${at} is missing (${article(issue.expected)})`
          : `${at} must be ${article(issue.expected)} (got ${shown(issue.input)})`;
      }
      return `${at}: ${issue.message}`;
    })
    .join('; ');
}
