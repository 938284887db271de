import { filterCorpus } from './filters.js';
import { keyCorpus } from './keys.js';
import { optionCorpus } from './options.js';
import type { CorpusQuery } from './types.js';

export { invalidCorpus } from './invalid.js';
export type { CorpusQuery } from './types.js';

/** Every valid query of the differential corpus. */
export const validCorpus: CorpusQuery[] = [...filterCorpus, ...optionCorpus, ...keyCorpus];
