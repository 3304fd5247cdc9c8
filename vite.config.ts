import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The dashboard calls the trading API on its own origin under /api and the war-room store under
// /warroom; the dev and preview servers forward them (to the simulator and the store by
// default). In production the store serves the dashboard and forwards /api itself.
const apiTarget = process.env.WARROOM_API_TARGET ?? 'http://127.0.0.1:4311';
const storeTarget = process.env.WARROOM_STORE_TARGET ?? 'http://127.0.0.1:4312';
const proxy = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/warroom': { target: storeTarget, changeOrigin: false },
};

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { host: '127.0.0.1', port: 4310, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4310, strictPort: true, proxy },
  build: { sourcemap: true },
});
