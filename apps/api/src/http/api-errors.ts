// How the console API answers a refusal: the catalogued status with the error code and both
// languages' text; bad input is a 400 naming each field in zh and en (never a 500).
import { BadRequestException, HttpException } from '@nestjs/common';
import { httpStatusOf, type ErrorCode, type Result } from '@baiying/domain';
import { en, zh, type MessageKey } from '@baiying/i18n';
import type { z } from 'zod';

export function refusal(code: ErrorCode, params: Record<string, string | number> = {}): HttpException {
  return new HttpException({ error: code, message: zh(code, params), messageEn: en(code, params) }, httpStatusOf(code));
}

export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const params = r.detail ?? {};
  return ((): never => {
    throw refusal(r.code, params);
  })();
}

interface FieldError {
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

function keyOf(issue: z.core.$ZodIssue): MessageKey {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'api.field.required' : 'api.field.type';
    case 'too_small':
      return 'api.field.too_small';
    case 'too_big':
      return 'api.field.too_big';
    case 'invalid_value':
      return 'api.field.enum';
    case 'unrecognized_keys':
      return 'api.field.unknown';
    default:
      return 'api.field.invalid';
  }
}

/** A 400 naming every field that is wrong, in both languages. */
export function badInput(error: z.ZodError): BadRequestException {
  const fields: FieldError[] = error.issues.flatMap((i) => {
    const key = keyOf(i);
    const names = i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : [i.path.join('.') || '(body)'];
    return names.map((field) => ({ field, code: i.code, message: zh(key), messageEn: en(key) }));
  });
  const list = fields.map((f) => f.field).join(', ');
  return new BadRequestException({
    error: 'bad_request',
    message: zh('api.bad_request', { fields: list }),
    messageEn: en('api.bad_request', { fields: list }),
    fields,
  });
}

/** Parses with the schema or throws the 400 above. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw badInput(r.error);
  return r.data;
}
