import type { EngineInfo } from './snapshot';

/** Whether bytes a removal frees come back to the host's filesystem, and what to say about it. */
export interface StorageTruth {
  returnsToHost: boolean;
  notes: string[];
}

/**
 * Reads the storage driver and its status pairs (`GET /info`). devicemapper in loop-lvm mode keeps
 * its data in a sparse file that never shrinks; an engine inside a VM returns space to the VM's
 * disk image, not to the host; the containerd image store reports no layer records at all.
 */
export function storageTruth(engine: EngineInfo): StorageTruth {
  const notes: string[] = [];
  let returnsToHost = true;
  const status = new Map(engine.driverStatus);
  const loopFile = status.get('Data loop file');
  if (engine.driver === 'devicemapper') {
    if (loopFile) {
      returnsToHost = false;
      notes.push(
        `devicemapper in loop-lvm mode: freed bytes go back to the thin pool inside the sparse data file ${loopFile}, which never shrinks; the host's disk does not get them back.`,
      );
    } else {
      notes.push('devicemapper (direct-lvm): freed bytes return to the thin pool, not to a filesystem.');
    }
  }
  if (/docker desktop/i.test(engine.operatingSystem) || engine.name === 'docker-desktop') {
    returnsToHost = false;
    notes.push("The engine runs inside Docker Desktop's VM: freed bytes return to the VM's disk image, and reach the host only after that image is compacted.");
  }
  if (engine.imageStore === 'containerd') {
    notes.push(
      'containerd image store: the engine reports no layer records on removal; freed layers and bytes are computed by layerlens and reclaimed by containerd garbage collection.',
    );
  }
  if (returnsToHost && engine.driver === 'overlay2') notes.push('overlay2: freed bytes return to the host filesystem.');
  if (engine.buildCache && engine.buildCache.records > 0) {
    notes.push(
      `The engine reports ${engine.buildCache.records} build-cache record(s) (${engine.buildCache.bytes} bytes): layers they hold can outlive this removal; \`docker builder prune\` releases them.`,
    );
  }
  return { returnsToHost, notes };
}
