import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createQueryClient } from './shell/query-client';
import { applyTheme, storedTheme } from './shell/theme';
import './styles.css';

// The chosen theme goes on <html> before React renders anything, so the first paint has it.
applyTheme(storedTheme());

const queryClient = createQueryClient();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
