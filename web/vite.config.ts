// SPDX-License-Identifier: Apache-2.0
import { defineConfig } from 'vite';

// Only the dev server reads this; the web app has no Node.js types, so declare just what is used.
declare const process: { env: Record<string, string | undefined> };

export default defineConfig({
  // React 19's automatic JSX runtime; Vite's built-in transformer handles TSX, so no plugin.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's Content-Security-Policy forbids inline scripts and data: fonts; keep every
    // asset a separate file served from 'self'.
    assetsInlineLimit: 0,
  },
  server: {
    // `npm run dev` forwards API calls to a running carecoord server (default: make run's port).
    proxy: { '/api': process.env['CARECOORD_URL'] ?? 'http://127.0.0.1:8080' },
  },
});
