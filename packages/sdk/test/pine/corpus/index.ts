import { filterCorpus } from './filters';
import { keyCorpus } from './keys';
import { optionCorpus } from './options';
import type { CorpusQuery } from './types';

export { invalidCorpus } from './invalid';
export type { CorpusQuery } from './types';

/** Every valid query of the differential corpus. */
export const validCorpus: CorpusQuery[] = [...filterCorpus, ...optionCorpus, ...keyCorpus];
