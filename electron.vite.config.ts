import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { devCsp } from './electron/build/devCsp'

export default defineConfig({
  main: {
    build: {
      // Runtime dependencies (better-sqlite3, drizzle, exceljs …) stay in node_modules;
      // devDependencies such as the division list are bundled.
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The store server's import worker (server/core/sheets/workerJobs.ts loads it beside index.js).
          sheetWorker: resolve(__dirname, 'server/core/sheets/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [vue(), devCsp()],
    resolve: { alias: { '@': resolve(__dirname, 'renderer/src') } },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
