import { z } from 'zod';
import '../common/validation.ts';

export const MAX_RUN_PROJECTS = 20_000;
export const MAX_RUN_MENTORS = 20_000;
export const MAX_RUN_PAIRS = 2_000;
/**
 * Projects × mentors one run may check (every pair is tested against the recipe's rules and
 * scored): the bound on the work one call starts. 1,000 × 500 took 2.5–5 s in the job (BENCHMARKS.md).
 */
export const MAX_RUN_POOL_PAIRS = 5_000_000;

const pair = () => z.object({ projectId: z.uuid(), mentorId: z.uuid() }).strict();
const uniqueIds = (max: number) =>
  z
    .array(z.uuid())
    .min(1, 'must not be empty (leave it out for the default)')
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, 'must not repeat ids');

/** `POST /v1/centers/{id}/assignment-runs`. */
export const assignmentRunBodySchema = z
  .object({
    projectIds: uniqueIds(MAX_RUN_PROJECTS)
      .optional()
      .describe(
        "projects to assign (of this center, submitted or vetted); default: the center's submitted and vetted projects without an open mentor introduction",
      ),
    mentorIds: uniqueIds(MAX_RUN_MENTORS)
      .optional()
      .describe("mentors to consider; default: every mentor (the recipe's rules decide who is eligible)"),
    pins: z
      .array(pair())
      .max(MAX_RUN_PAIRS)
      .optional()
      .describe('pairs that must be in the result (must be eligible; their project and mentor join the run)'),
    exclusions: z.array(pair()).max(MAX_RUN_PAIRS).optional().describe('pairs that must not be in the result'),
    balance: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        "0–1: trades total score for even load; a mentor's j-th mentee (counting current ones) costs balance × 0.1 × (j − 1) of score. Default 0",
      ),
  })
  .strict();

export type AssignmentRunBody = z.infer<typeof assignmentRunBodySchema>;
export type RunPair = { projectId: string; mentorId: string };
