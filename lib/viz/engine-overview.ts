import type { EngineInfo } from '../model/snapshot';
import { storageTruth } from '../model/storage-truth';

export interface EngineOverview {
  /** `Docker Engine 20.10.24 (API 1.41)` */
  title: string;
  facts: Array<[label: string, value: string]>;
  /** The driver's own status pairs, as `docker info` prints them. */
  driverStatus: Array<[string, string]>;
  warnings: string[];
  /** What a removal really gives back, in plain words (lib/model/storage-truth.ts). */
  notes: string[];
  returnsToHost: boolean;
}

/** Everything the overview panel says about an engine, as text. Pure, so it is tested on plain data. */
export function engineOverview(engine: EngineInfo): EngineOverview {
  const truth = storageTruth(engine);
  const store = engine.imageStore === 'containerd' ? 'containerd image store' : 'classic image store (graph driver)';
  return {
    title: `Docker Engine ${engine.serverVersion || 'unknown version'} (API ${engine.apiVersion || '?'})`,
    facts: [
      ['Storage driver', engine.driver || 'unknown'],
      ['Image store', store],
      ['Data root', engine.dataRoot || 'unknown'],
      ['Operating system', engine.operatingSystem || 'unknown'],
      ['Host name', engine.name || 'unknown'],
    ],
    driverStatus: engine.driverStatus,
    warnings: engine.warnings,
    notes: truth.notes.length > 0 ? truth.notes : [`${engine.driver || 'This driver'}: freed bytes return to the file system that holds the data root.`],
    returnsToHost: truth.returnsToHost,
  };
}
