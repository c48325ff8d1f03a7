'use client';

import { createContext, useContext, type ReactNode } from 'react';

const EngineIdContext = createContext<number | null>(null);

/** Gives the client leaves below it the id of the engine the page is about, for their server actions. */
export function EngineScope({ engineId, children }: { engineId: number; children: ReactNode }) {
  return <EngineIdContext.Provider value={engineId}>{children}</EngineIdContext.Provider>;
}

/** The page's engine id; the server actions resolve it through the store and never take an address. */
export function useEngineId(): number {
  const id = useContext(EngineIdContext);
  if (id === null) throw new Error('useEngineId outside an EngineScope');
  return id;
}
