// The translator package ships no type declarations; this is the one function the model compiler calls.
declare module '@balena/lf-to-abstract-sql' {
  import type { AbstractSqlModel } from '@balena/abstract-sql-compiler';
  type LFModel = unknown[];
  const LF2AbstractSQL: {
    createTranslator(sbvrTypes: unknown): (lfModel: LFModel, rule: 'Process') => AbstractSqlModel;
  };
  export default LF2AbstractSQL;
}
