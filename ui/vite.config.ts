import react from "@vitejs/plugin-react";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

// Built into the Python package so that `pip install -e .` serves the UI without Node.
// Output names carry content hashes only, so a rebuild of the same sources is identical.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: resolve(import.meta.dirname, "../control_plane/web/static"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "index.html"),
        graphiql: resolve(import.meta.dirname, "graphiql.html"),
      },
    },
  },
  worker: { format: "es" },
  server: { proxy: { "/graphql": "http://127.0.0.1:3000" } },
  test: { include: ["src/**/*.test.ts"] },
});
