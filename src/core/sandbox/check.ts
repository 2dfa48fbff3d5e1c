// Hand-written checks mirroring the spec's request schemas: a bad field is a 400 naming it, never a 500.
import { SandboxError, invalid, missing } from './http.js';

export type Body = Record<string, unknown>;

const E164 = /^\+[1-9]\d{6,14}$/;
const DIGITS = /^\d{1,32}$/;

export function requireBody(body: Body | undefined): Body {
  if (!body) throw new SandboxError(400, 'BAD_REQUEST', 'a JSON request body is required');
  return body;
}

export function isE164(v: string): boolean {
  return E164.test(v);
}

/** A path or filter ID: Meta IDs are digit strings. */
export function digitsParam(target: string, v: string): string {
  if (!DIGITS.test(v)) throw invalid(target, `${target} must be a string of digits, got "${v.slice(0, 40)}"`);
  return v;
}

export function e164Param(target: string, v: string): string {
  if (!E164.test(v)) throw invalid(target, `${target} must be an E.164 number such as +15550001111, got "${v.slice(0, 40)}"`);
  return v;
}

export function str(o: Body, field: string, target = field, opts: { required?: boolean; max?: number } = {}): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) {
    if (opts.required) throw missing(target);
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(target, `${target} must be a string`);
  if (opts.required && v === '') throw missing(target);
  if (opts.max !== undefined && v.length > opts.max) {
    throw new SandboxError(400, 'PARAM_INVALID_LENGTH', `${target} must be at most ${opts.max} characters`, { target });
  }
  return v;
}

export function bool(o: Body, field: string, target = field): boolean | undefined {
  const v = o[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw invalid(target, `${target} must be true or false`);
  return v;
}

export function int(o: Body, field: string, target: string, min: number, max: number): number | undefined {
  const v = o[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalid(target, `${target} must be an integer between ${min} and ${max}`);
  return v;
}

export function oneOf<T extends string>(target: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw invalid(target, `${target} must be one of ${allowed.join(', ')}, got "${v.slice(0, 40)}"`);
  return v as T;
}

export function object(o: Body, field: string, target = field, required = false): Body | undefined {
  const v = o[field];
  if (v === undefined || v === null) {
    if (required) throw missing(target);
    return undefined;
  }
  if (typeof v !== 'object' || Array.isArray(v)) throw invalid(target, `${target} must be an object`);
  return v as Body;
}

export function array(o: Body, field: string, target = field, required = false): unknown[] | undefined {
  const v = o[field];
  if (v === undefined || v === null) {
    if (required) throw missing(target);
    return undefined;
  }
  if (!Array.isArray(v)) throw invalid(target, `${target} must be an array`);
  return v;
}
