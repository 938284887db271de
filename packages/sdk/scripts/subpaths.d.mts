/** A model subpath: `balena-sdk/models/<file>` exports `factory` (and `parts`) for `models.<name>`. */
export interface ModelSubpath {
  file: string;
  name: string;
  factory: string;
  entry?: string;
  parts?: Array<{ factory: string; type: string }>;
}
export declare const MODEL_SUBPATHS: ReadonlyArray<ModelSubpath>;
