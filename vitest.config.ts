import { defineConfig } from 'vitest/config';
import { versionDefine } from './src/build/version.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
        // As vite.config.ts: the app's modules read package.json's version from it.
        define: versionDefine(),
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: these machines have two cores and render WebGL in software.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/browser/globalSetup.ts'],
        },
      },
    ],
  },
});
