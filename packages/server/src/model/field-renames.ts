// Field names the real v7 API uses that differ from the SBVR fact types they come from.
import type { AbstractSqlModel } from '@balena/abstract-sql-compiler';

/**
 * SQL table → [fact-type field, v7 field]. The variable resources are named after their fact types
 * (`application__has__env_var_name`) but the real API calls their key field `name`.
 */
const FIELD_RENAMES: Record<string, [string, string]> = {
  'application-has-env var name': ['env var name', 'name'],
  'application-has-config var name': ['config var name', 'name'],
  'application-has-build var name': ['build var name', 'name'],
  'device-has-env var name': ['env var name', 'name'],
  'device-has-config var name': ['config var name', 'name'],
};

type RelationshipNode = { $?: unknown[] } & {
  [key: string]: RelationshipNode | unknown[] | undefined;
};

/**
 * Renames fields to their v7 names: the column, its unique indexes and the field's own relationship entries.
 * @param model the abstract SQL model straight from the SBVR; changed in place.
 * @throws when a listed table or field is missing.
 * @example
 * applyFieldRenames(abstractSql); // application_environment_variable.name instead of .env_var_name
 */
export function applyFieldRenames(model: AbstractSqlModel): void {
  for (const [tableName, [from, to]] of Object.entries(FIELD_RENAMES)) {
    const table = model.tables[tableName];
    const field = table?.fields.find((candidate) => candidate.fieldName === from);
    if (table == null || field == null)
      throw new Error(`Cannot rename "${tableName}"."${from}": not in the model`);
    field.fieldName = to;
    for (const index of table.indexes) {
      index.fields = index.fields.map((name) => (name === from ? to : name));
    }
    const relationships = model.relationships[tableName] as RelationshipNode | undefined;
    if (relationships == null) continue;
    const renameEntry = (node: RelationshipNode) => {
      if (node[from] == null) return;
      delete node[from];
      node[to] = { $: [to] };
    };
    renameEntry(relationships);
    const has = relationships['has'];
    if (has != null && !Array.isArray(has)) renameEntry(has);
  }
}
