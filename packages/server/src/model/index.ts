// The v7 model: the SBVR text compiled to abstract SQL, with computed fields and column defaults.
import fs from 'node:fs';
import LF2AbstractSQL from '@balena/lf-to-abstract-sql';
import { optimizeSchema, type AbstractSqlModel } from '@balena/abstract-sql-compiler';
import sbvrTypesModule from '@balena/sbvr-types';
import { sbvrUtils } from '@balena/pinejs';
import { addComputedFields } from './computed-fields.js';
import { applyFieldDefaults } from './defaults.js';
import { hideSecretFields } from './hidden-fields.js';
import { applyFieldRenames } from './field-renames.js';
import { defineDirectAccessView } from './direct-access.js';
import { USER_TABLE_EXTENSIONS_SQL } from './init-sql.js';

/** The name pinejs knows the model by. */
export const MODEL_NAME = 'balena';
/** The API root the model is served under: `/v7/...`. */
export const API_ROOT = 'v7';

/**
 * Reads the SBVR source of the balena model.
 * @throws when the file shipped with the package is missing.
 * @example
 * const text = readModelText();
 */
export function readModelText(): string {
  return fs.readFileSync(new URL('./balena.sbvr', import.meta.url), 'utf8');
}

/**
 * Compiles the balena SBVR model into the abstract SQL pinejs serves, computed fields included.
 * @param modelText the SBVR source; defaults to the packaged `balena.sbvr`.
 * @throws when the SBVR does not parse or does not translate.
 * @example
 * const abstractSql = compileModel();
 * Object.keys(abstractSql.tables); // ['permission', 'role', ..., 'device', ...]
 */
export function compileModel(modelText: string = readModelText()): AbstractSqlModel {
  const lfModel = sbvrUtils.generateLfModel(modelText);
  // The CommonJS default export arrives wrapped or not depending on the loader (Node vs vitest).
  const interop = sbvrTypesModule as unknown as { default?: unknown };
  const sbvrTypes = (interop.default ?? sbvrTypesModule) as Parameters<
    typeof LF2AbstractSQL.createTranslator
  >[0];
  const translate = LF2AbstractSQL.createTranslator(sbvrTypes);
  const abstractSql = translate(lfModel, 'Process');
  applyFieldRenames(abstractSql);
  addComputedFields(abstractSql);
  defineDirectAccessView(abstractSql);
  applyFieldDefaults(abstractSql);
  hideSecretFields(abstractSql);
  // pinejs turns model rules into validation queries rather than check constraints; keep that behaviour.
  return optimizeSchema(abstractSql, { createCheckConstraints: false });
}

/** The model entry for pinejs's config (`config.models`). */
export interface BalenaModelConfig {
  modelName: string;
  apiRoot: string;
  abstractSql: AbstractSqlModel;
  initSql: string;
}

/**
 * Builds the pinejs model configuration for the v7 API.
 * @throws when the model does not compile.
 * @example
 * await pine.init(app, { models: [buildModelConfig()], users: [] }, dbOptions);
 */
export function buildModelConfig(): BalenaModelConfig {
  return {
    modelName: MODEL_NAME,
    apiRoot: API_ROOT,
    abstractSql: compileModel(),
    initSql: USER_TABLE_EXTENSIONS_SQL,
  };
}
