import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { ConfigProvider } from '../config/config-context.tsx';
import type { RuntimeConfig } from '../config/runtime-config.ts';
import { ControlsProvider } from '../controls/controls-provider.tsx';
import { SystemsProvider } from '../systems/systems-provider.tsx';

export function AppProviders({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider config={config}>
        <SystemsProvider>
          <ControlsProvider>{children}</ControlsProvider>
        </SystemsProvider>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
