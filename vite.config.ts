import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The dashboard calls the trading API on its own origin under /api; the dev and preview
// servers forward that to the trading system (the simulator by default). Production puts
// the same forwarding in the process that serves the built dashboard.
const apiTarget = process.env.WARROOM_API_TARGET ?? 'http://127.0.0.1:4311';
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { host: '127.0.0.1', port: 4310, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4310, strictPort: true, proxy },
  build: { sourcemap: true },
});
