import { appRouter } from '~/server/routers';
import type { Meta } from '~/server/trpc';

export type ProcedureEntry = {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: Meta | undefined;
};

type Node = {
  _def?: {
    procedure?: boolean;
    router?: boolean;
    record?: Record<string, unknown>;
    type?: ProcedureEntry['type'];
    meta?: Meta;
  };
};

/** Every procedure of the app router, by dotted path, found by walking the nested routers. */
export function allProcedures(): ProcedureEntry[] {
  const found: ProcedureEntry[] = [];
  const walk = (record: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(record)) {
      const def = (value as Node)._def;
      const path = prefix ? `${prefix}.${key}` : key;
      if (def?.procedure && def.type) found.push({ path, type: def.type, meta: def.meta });
      else if (def?.router && def.record) walk(def.record, path);
      else if (typeof value === 'object' && value !== null) walk(value as Record<string, unknown>, path);
    }
  };
  walk(appRouter._def.record, '');
  return found;
}
