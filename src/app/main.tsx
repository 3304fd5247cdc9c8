import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig } from '../config/runtime-config.ts';
import { App } from './app.tsx';
import { ConfigErrorScreen } from './config-error-screen.tsx';
import { RootBoundary } from './root-boundary.tsx';
import { AppProviders } from './providers.tsx';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const result = await loadRuntimeConfig();
root.render(
  <StrictMode>
    <RootBoundary>
      {result.ok ? (
        <AppProviders config={result.config}>
          <App view={window.location.pathname.startsWith('/desk') ? 'desk' : 'commander'} />
        </AppProviders>
      ) : (
        <ConfigErrorScreen error={result.error} />
      )}
    </RootBoundary>
  </StrictMode>,
);
