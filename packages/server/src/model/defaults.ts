// Column defaults the SBVR cannot express: values a row gets when a POST leaves the field out.
// Booleans always default to FALSE in the compiled schema; true-by-default booleans are set by the rules hooks.
import type { AbstractSqlModel } from '@balena/abstract-sql-compiler';

// Keyed by SQL table name, then SQL field name; values are SQL literals.
const FIELD_DEFAULTS: Record<string, Record<string, string>> = {
  device: { 'api heartbeat state': "'unknown'" },
  application: { 'is of-class': "'fleet'" },
  release: {
    'semver major': '0',
    'semver minor': '0',
    'semver patch': '0',
    'semver prerelease': "''",
    'semver build': "''",
    variant: "''",
    'update timestamp': 'CURRENT_TIMESTAMP',
  },
  'device-installs-image': { 'install date': 'CURRENT_TIMESTAMP' },
};

/**
 * Sets the database defaults of fields that have one in the real API (e.g. `api_heartbeat_state = 'unknown'`).
 * @param model the abstract SQL model; changed in place.
 * @throws when a listed table or field is missing from the model.
 * @example
 * applyFieldDefaults(abstractSql);
 */
export function applyFieldDefaults(model: AbstractSqlModel): void {
  for (const [tableName, defaults] of Object.entries(FIELD_DEFAULTS)) {
    const table = model.tables[tableName];
    if (table == null) throw new Error(`The model has no "${tableName}" table`);
    for (const [fieldName, defaultValue] of Object.entries(defaults)) {
      const field = table.fields.find((candidate) => candidate.fieldName === fieldName);
      if (field == null) throw new Error(`The "${tableName}" table has no field "${fieldName}"`);
      field.defaultValue = defaultValue;
    }
  }
}
