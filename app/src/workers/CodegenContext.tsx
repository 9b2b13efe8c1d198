import { createContext, useContext, type ReactNode } from 'react';
import type { CodegenClient } from './codegenClient.ts';

const Context = createContext<CodegenClient | null>(null);

export function CodegenProvider({ client, children }: { client: CodegenClient; children: ReactNode }) {
  return <Context.Provider value={client}>{children}</Context.Provider>;
}

export function useCodegen(): CodegenClient {
  const client = useContext(Context);
  if (!client) throw new Error('useCodegen must be used inside <CodegenProvider>');
  return client;
}
