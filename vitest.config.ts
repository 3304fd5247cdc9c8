import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: [
              'sim/**/*.test.ts',
              'contract/**/*.test.ts',
              'scripts/**/*.test.ts',
              'store/**/*.test.ts',
              'connector/**/*.test.ts',
              'profiles/**/*.test.ts',
              'http-kit/**/*.test.ts',
              'tools/**/*.test.ts',
              'monitoring/**/*.test.ts',
            ],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['src/**/*.test.{ts,tsx}'],
            setupFiles: ['src/testing/setup.ts'],
          },
        },
      ],
    },
  }),
);
