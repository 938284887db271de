// Secret columns that exist in the database but never appear in the v7 API.
import type { AbstractSqlModel } from '@balena/abstract-sql-compiler';

// SQL table → SQL columns. Password hashes, per-user JWT secrets and (hashed) API keys stay server-side;
// the identity code reads and writes them with SQL, pinejs's own Auth model still describes them.
const HIDDEN_FIELDS: Record<string, string[]> = {
  user: ['password', 'jwt secret'],
  'api key': ['key'],
};

/**
 * Removes secret fields from the served model so no `$select`, `$filter`, default projection or write can reach them.
 * @param model the abstract SQL model; changed in place.
 * @throws when a listed table is missing.
 * @example
 * hideSecretFields(abstractSql);
 */
export function hideSecretFields(model: AbstractSqlModel): void {
  for (const [tableName, fieldNames] of Object.entries(HIDDEN_FIELDS)) {
    const table = model.tables[tableName];
    if (table == null) throw new Error(`The model has no "${tableName}" table`);
    table.fields = table.fields.filter((field) => !fieldNames.includes(field.fieldName));
    // The untyped reference scheme would otherwise still point pinejs at a removed field.
    const described = table as { referenceScheme?: string };
    if (described.referenceScheme != null && fieldNames.includes(described.referenceScheme)) {
      described.referenceScheme = 'id';
    }
    const relationships = model.relationships[tableName];
    if (relationships == null) continue;
    for (const fieldName of fieldNames) {
      delete relationships[fieldName];
      const has = relationships['has'];
      if (has != null && typeof has === 'object' && fieldName in has) {
        delete (has as Record<string, unknown>)[fieldName];
      }
    }
  }
}
