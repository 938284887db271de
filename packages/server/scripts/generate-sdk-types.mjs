// Writes packages/sdk/src/types/v7.generated.ts from the compiled model (run `npm run build` first; generate:types does).
import fs from 'node:fs';
import { generateSdkTypes, SDK_TYPES_PATH } from '../dist/model/sdk-types.js';

const target = new URL(`../../../${SDK_TYPES_PATH}`, import.meta.url);
fs.writeFileSync(target, generateSdkTypes());
console.log(`Wrote ${SDK_TYPES_PATH}`);
