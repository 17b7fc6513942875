// Compares schema.prisma (through Prisma's own DMMF) with a live database:
// every model's table, every field's column, type and nullability, every
// enum's values. Used by a test so the migration SQL cannot drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { get_dmmf } from '@prisma/prisma-schema-wasm';
import type pg from 'pg';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: DmmfEnum[] };
}

const scalarTypes: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Boolean: 'boolean',
  DateTime: 'timestamp with time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};
const nativeTypes: Record<string, string> = {
  Uuid: 'uuid',
  Timestamptz: 'timestamp with time zone',
};

export function readDmmf(schemaPath = path.join(process.cwd(), 'prisma', 'schema.prisma')) {
  const prismaSchema = readFileSync(schemaPath, 'utf8');

  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema }))) as Dmmf;
}

function expectedType(field: DmmfField, enums: Map<string, string>): string {
  if (field.kind === 'enum') return `enum ${enums.get(field.type) ?? field.type}`;
  const native = field.nativeType?.[0];

  return (native && nativeTypes[native]) || scalarTypes[field.type] || field.type;
}

/** Lists every difference; an empty list means schema and database agree. */
export async function findSchemaDrift(client: pg.ClientBase, dmmf = readDmmf()) {
  const problems: string[] = [];
  const enumNames = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const { rows: columns } = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: 'YES' | 'NO';
  }>(`SELECT table_name, column_name, data_type, udt_name, is_nullable
        FROM information_schema.columns WHERE table_schema = 'public'`);
  const byTable = new Map<string, Map<string, (typeof columns)[number]>>();
  for (const column of columns) {
    const table = byTable.get(column.table_name) ?? new Map();
    table.set(column.column_name, column);
    byTable.set(column.table_name, table);
  }

  for (const model of dmmf.datamodel.models) {
    const tableName = model.dbName ?? model.name;
    const table = byTable.get(tableName);
    if (!table) {
      problems.push(`table ${tableName} (model ${model.name}) is missing`);
      continue;
    }
    const expected = new Set<string>();
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      const columnName = field.dbName ?? field.name;
      expected.add(columnName);
      const column = table.get(columnName);
      if (!column) {
        problems.push(`column ${tableName}.${columnName} (${model.name}.${field.name}) is missing`);
        continue;
      }
      const actualType =
        column.data_type === 'USER-DEFINED' ? `enum ${column.udt_name}` : column.data_type;
      const wantType = expectedType(field, enumNames);
      if (actualType !== wantType) {
        problems.push(`column ${tableName}.${columnName} is ${actualType}, schema says ${wantType}`);
      }
      const nullable = column.is_nullable === 'YES';
      if (nullable === field.isRequired) {
        const want = field.isRequired ? 'NOT NULL' : 'nullable';
        problems.push(`column ${tableName}.${columnName} should be ${want}`);
      }
    }
    for (const columnName of table.keys()) {
      if (!expected.has(columnName)) {
        problems.push(`column ${tableName}.${columnName} is not in schema.prisma`);
      }
    }
  }

  const { rows: enumRows } = await client.query<{ typname: string; labels: string }>(
    `SELECT t.typname, string_agg(e.enumlabel::text, ',' ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  );
  const dbEnums = new Map(enumRows.map((r) => [r.typname, r.labels]));
  for (const prismaEnum of dmmf.datamodel.enums) {
    const name = prismaEnum.dbName ?? prismaEnum.name;
    const want = prismaEnum.values.map((v) => v.dbName ?? v.name).join(',');
    const have = dbEnums.get(name);
    if (have !== want) problems.push(`enum ${name} has [${have ?? ''}], schema says [${want}]`);
  }

  return problems;
}
