import { z } from 'zod';

/** `PUT /v1/regions/{code}/targets/{year}`: the would-be founders of the area and, optionally, its target number of centers. */
export const regionTargetBodySchema = z
  .object({
    potentialFounders: z.int().min(0).max(10_000_000),
    centers: z.int().min(0).max(10_000).nullish(),
  })
  .strict();
export type RegionTargetBody = z.infer<typeof regionTargetBodySchema>;
