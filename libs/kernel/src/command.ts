// Use cases take commands: plain objects validated by a zod schema at the start of `execute`,
// whoever calls (a chat handler, the HTTP API, the console, a job, a test).
import { err, ok, type ErrorCode, type Result } from '@baiying/domain';
import type { z } from 'zod';

export function parseCommand<S extends z.ZodType>(schema: S, input: unknown, code: ErrorCode = 'input/invalid'): Result<z.output<S>> {
  const r = schema.safeParse(input);
  if (r.success) return ok(r.data);
  const first = r.error.issues[0];
  return err(code, { field: first ? first.path.join('.') || first.message : 'input' });
}
