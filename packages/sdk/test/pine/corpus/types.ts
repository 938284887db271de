/** One query of the differential corpus: compiled by ours and by the oracle, compared byte for byte. */
export interface CorpusQuery {
  name: string;
  params: Record<string, unknown>;
}

/** Builds a corpus entry for a resource with options (and optional id/action). */
export function query(
  name: string,
  resource: string,
  options?: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): CorpusQuery {
  const params: Record<string, unknown> = { resource, ...extra };
  if (options !== undefined) {
    params.options = options;
  }
  return { name, params };
}

/** Builds a corpus entry for a `$filter` on `device`. */
export function filterQuery(name: string, $filter: unknown): CorpusQuery {
  return query(name, 'device', { $filter });
}
