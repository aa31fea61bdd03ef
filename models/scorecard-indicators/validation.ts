import { z } from 'zod';

/** The scorecard's indicators, in their order on the scorecard (defaults in src/statistics/scorecard.ts). */
export const SCORECARD_INDICATORS = [
  'admittedProjects',
  'graduatedProjects',
  'jobsCreated',
  'graduatesHired',
  'localHires',
  'mentorsEngaged',
  'coachingActivities',
  'fundingRaisedCny',
  'satisfaction',
] as const;
export type ScorecardIndicatorKey = (typeof SCORECARD_INDICATORS)[number];

export const indicatorSettingSchema = z
  .object({
    key: z.enum(SCORECARD_INDICATORS),
    enabled: z.boolean(),
    weight: z.number().min(0).max(1000).describe('its share in the score (weights are normalized)'),
    target: z
      .number()
      .positive()
      .max(1e12)
      .nullable()
      .describe('yearly target; a quarter or a month is scored against its share (3/12, 1/12); null: not scored'),
  })
  .strict();
export type IndicatorSetting = z.infer<typeof indicatorSettingSchema>;

/** `PUT /v1/stats/scorecard/indicators`: some or all indicators (others keep their setting); each key once. */
export const indicatorSettingsBodySchema = z
  .object({
    items: z
      .array(indicatorSettingSchema)
      .min(1)
      .max(SCORECARD_INDICATORS.length)
      .refine((xs) => new Set(xs.map((x) => x.key)).size === xs.length, 'each indicator once'),
  })
  .strict();
export type IndicatorSettingsBody = z.infer<typeof indicatorSettingsBodySchema>;
