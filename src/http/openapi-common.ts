import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
    instance: z.string().optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

const descriptions: Record<number, string> = {
  400: 'Bad request (malformed JSON, invalid query)',
  401: 'Missing or invalid API key',
  403: 'Not allowed to change this record',
  404: 'Not found or not visible to the caller',
  409: 'Conflict (externalId in use, capacity full)',
  413: 'Body larger than 1 MiB',
  415: 'Body is not JSON',
  422: 'Body fails validation; errors name the failing paths',
};

export function problemResponses(...codes: number[]) {
  return Object.fromEntries(
    codes.map((code) => [
      code,
      { description: descriptions[code], content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  );
}

/** A JSON response of `schema` (for `responses: { 200: jsonOk(Schema, '…') }`). */
export const jsonOk = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A required JSON request body of `schema` (for `request: { ...jsonBody(Schema) }`). */
export const jsonBody = (schema: z.ZodType) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
