/** Types of ensure-build.mjs (plain JS so the .mjs web server can import it without tsx). */
export declare function nextBin(root: string): string;
export declare function ensureBuild(root: string, opts?: { force?: boolean; stdio?: 'inherit' | 'ignore' }): 'reused' | number;
