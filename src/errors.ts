// Domain errors. The HTTP layer turns them into application/problem+json (RFC 9457).
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const notFound = (what = 'resource') => new AppError(404, 'Not Found', `${what} not found / 未找到`);
export const forbidden = (detail: string) => new AppError(403, 'Forbidden', detail);
export const conflict = (detail: string, errors: FieldIssue[] = []) => new AppError(409, 'Conflict', detail, errors);
export const unprocessable = (errors: FieldIssue[], detail = 'The request body is invalid / 请求内容无效') =>
  new AppError(422, 'Unprocessable Content', detail, errors);
export const badRequest = (detail: string, errors: FieldIssue[] = []) =>
  new AppError(400, 'Bad Request', detail, errors);
export const unauthorized = (detail: string) =>
  new AppError(401, 'Unauthorized', detail, [], { 'WWW-Authenticate': 'Bearer realm="v1"' });
