import { z } from 'zod';
import { appRouter } from '~/server/routers';

/**
 * Inputs for any procedure, generated from its own zod schema (through JSON Schema), so a new procedure is
 * attacked by the cross-tenant tests without anyone editing a list. Every id (uuid) field gets the id being
 * aimed at; other required fields get valid sample values (strings, enums, numbers within their bounds, dates
 * and patterns).
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

type ProcedureDef = { _def: { inputs: unknown[] } };

/** The procedure at a dotted path of the app router. */
export function procedureAt(path: string): ProcedureDef {
  let node: unknown = appRouter._def.record;
  for (const key of path.split('.')) {
    const here = node as Record<string, unknown> & { _def?: { record?: Record<string, unknown> } };
    node = here[key] ?? here._def?.record?.[key];
  }
  if (!node) throw new Error(`no procedure ${path}`);
  return node as ProcedureDef;
}

/** The procedure's input as JSON Schema; null when it takes no input, undefined when JSON cannot carry it. */
export function inputSchemaOf(path: string): JsonSchema | null | undefined {
  const inputs = procedureAt(path)._def.inputs;
  if (inputs.length === 0) return null;
  try {
    const schemas = inputs.map((i) =>
      z.toJSONSchema(i as z.ZodType, { io: 'input', unrepresentable: 'any' }),
    );
    return schemas.length === 1 ? (schemas[0] as JsonSchema) : ({ allOf: schemas } as JsonSchema);
  } catch {
    return undefined; // an octet-stream (file upload) input
  }
}

/** True when the procedure's input has an id field anywhere. */
export function takesIds(schema: JsonSchema | null | undefined): boolean {
  return schema ? JSON.stringify(schema).includes('"format":"uuid"') : false;
}

const sampleDate = '2026-11-20';
const patternSamples = [
  '2026-11',
  sampleDate,
  '2026',
  '10:00',
  'AB1 2CD',
  'planted',
  'PLANTED-1',
  '1',
  '123456',
  /** A teacher reference number (TRN). */
  '1234567',
  'a',
  'A',
];
const text = 'Planted from another workspace';

function sampleString(schema: JsonSchema, id: string): string {
  if (schema.format === 'uuid') return id;
  if (schema.format === 'date') return sampleDate;
  if (schema.format === 'date-time' || schema.format === 'datetime') return `${sampleDate}T10:00:00.000Z`;
  if (schema.format === 'time') return '10:00:00';
  if (schema.format === 'email') return 'planted@example.com';
  if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com/planted';
  const fits = (s: string) =>
    s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity);
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const found = [...patternSamples, text].find((s) => pattern.test(s) && fits(s));
    if (found !== undefined) return found;
    throw new Error(`no sample for the pattern ${schema.pattern}`);
  }
  let value = text.slice(0, schema.maxLength ?? text.length);
  while (value.length < (schema.minLength ?? 0)) value += ' planted';
  return value.slice(0, schema.maxLength ?? value.length);
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : 1);
  const high =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : Infinity);
  return Math.min(Math.max(1, low), high);
}

/** An end (endTime, endsOn) after its start, as the schemas' own refinements ask. */
function later(key: string, value: unknown): unknown {
  if (!/^end/i.test(key)) return value;
  if (value === '10:00') return '12:00';
  if (value === sampleDate) return '2026-11-21';
  return value;
}

/** A valid value for `schema`, with `id` in every uuid field. */
export function sample(schema: JsonSchema, id: string, full = false): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    // Prefer an option that carries ids, so the input aims at the other tenant wherever it can.
    const usable = options.filter((o) => o.type !== 'null');
    const chosen = usable.find((o) => takesIds(o)) ?? usable[0] ?? options[0];
    return chosen ? sample(chosen, id, full) : null;
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sample(s, id, full)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return sampleString(schema, id);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const items = schema.items ?? {};
      const count = Math.max(schema.minItems ?? 0, full || takesIds(items) ? 1 : 0);
      return Array.from({ length: count }, () => sample(items, id, full));
    }
    case 'object':
    case undefined: {
      if (!schema.properties) return type === 'object' ? {} : undefined;
      const required = new Set(schema.required ?? []);
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties)) {
        // Every required field, and every optional one that names an id (a filter aimed at the other tenant);
        // when that is not enough for the schema's own rules (a refinement), every field.
        if (full || required.has(key) || takesIds(property))
          value[key] = later(key, sample(property, id, full));
      }
      return value;
    }
    default:
      return undefined;
  }
}

/** The generated input for a procedure aimed at `id`: undefined when it takes none. */
export function generatedInput(path: string, id: string): unknown {
  const schema = inputSchemaOf(path);
  if (schema === null) return undefined;
  if (schema === undefined) throw new Error(`${path} takes a non-JSON input: give it a hand-made one`);
  const lean = sample(schema, id);
  if (acceptsInput(path, lean).ok) return lean;
  // A refinement wants more (an optional field that one choice makes required, a non-empty list): fill it all.
  return sample(schema, id, true);
}

/** Whether the procedure's own zod schema accepts the input (so the attack reaches the procedure's code). */
export function acceptsInput(path: string, input: unknown): { ok: boolean; issues: string } {
  const issues: string[] = [];
  for (const parser of procedureAt(path)._def.inputs) {
    const parsed = (parser as z.ZodType).safeParse(input);
    if (!parsed.success)
      issues.push(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return { ok: issues.length === 0, issues: issues.join(' | ') };
}
