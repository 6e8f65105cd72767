import { z } from 'zod';

const argument = z.string().trim().min(1).max(2000);

/** One option that was considered, with its arguments (MADR's "Pros and Cons of the Options"). */
export const consideredOptionSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(300).describe('Name of the option'),
    description: z.string().max(10_000).default('').describe('What the option is (Markdown)'),
    pros: z.array(argument).max(30).default([]).describe('"Good, because …" arguments'),
    neutral: z.array(argument).max(30).default([]).describe('"Neutral, because …" arguments'),
    cons: z.array(argument).max(30).default([]).describe('"Bad, because …" arguments'),
  })
  .meta({ id: 'DecisionConsideredOption' });

export type ConsideredOption = z.output<typeof consideredOptionSchema>;
