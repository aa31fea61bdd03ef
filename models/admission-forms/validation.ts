import { z } from 'zod';
import { textField } from '../common/validation.ts';
import { DEFAULT_GRADUATION_CRITERIA } from './table.ts';

const idField = () =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
const localText = (max: number) =>
  z
    .object({
      zh: z.string().trim().min(1, 'must not be empty').max(max),
      en: textField(max).optional(),
      bo: textField(max).optional(),
    })
    .strict();
const uniqueIds = (xs: { id: string }[]) => new Set(xs.map((x) => x.id)).size === xs.length;

export const admissionQuestionSchema = z
  .object({
    id: idField(),
    text: localText(1000),
    required: z.boolean(),
    confidential: z
      .boolean()
      .optional()
      .describe('answers read by the center and the founders only (never investors); default false'),
  })
  .strict();
export const admissionCriterionSchema = z
  .object({
    id: idField(),
    name: localText(200),
    weight: z.number().positive('must be greater than 0').max(1000),
  })
  .strict();
export const graduationCriterionSchema = z
  .object({
    id: idField(),
    name: localText(200),
  })
  .strict();

export const MIN_SCALE = 2;
export const MAX_SCALE = 10;

/** `PUT /v1/centers/{id}/admission-form`. */
export const admissionFormBodySchema = z
  .object({
    questions: z.array(admissionQuestionSchema).max(50).refine(uniqueIds, 'question ids must be unique'),
    criteria: z
      .array(admissionCriterionSchema)
      .min(1, 'at least one criterion')
      .max(30)
      .refine(uniqueIds, 'criterion ids must be unique'),
    graduationCriteria: z
      .array(graduationCriterionSchema)
      .max(20)
      .refine(uniqueIds, 'graduation criterion ids must be unique')
      .default(DEFAULT_GRADUATION_CRITERIA)
      .describe('what the center graduates a project on (the keys of `criteriaMet`); default: five common ones'),
    scale: z.number().int().min(MIN_SCALE).max(MAX_SCALE).default(5),
    minReviews: z.number().int().min(1).max(20).default(2),
    plannedMonths: z
      .number()
      .int()
      .min(1)
      .max(120)
      .default(24)
      .describe('planned length of an incubation started by an admission (default 24)'),
  })
  .strict();

export type AdmissionFormBody = z.infer<typeof admissionFormBodySchema>;
export type AdmissionFormInput = z.input<typeof admissionFormBodySchema>;
