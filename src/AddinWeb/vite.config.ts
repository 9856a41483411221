import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vitest/config";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const page = (name: string) => fileURLToPath(new URL(`./${name}.html`, import.meta.url));

// Office.js: production pages must load it from Microsoft's CDN (store validation requires it); offline and test builds
// use the copy from the @microsoft/office-js package, which the API serves under /office-js/ in Development.
const officeJs = process.env.OFFICE_JS === "cdn" ? "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" : "/office-js/office.js";

const officeScript = (): Plugin => ({
  name: "office-js-source",
  transformIndexHtml: (html) => html.replace("%OFFICE_JS%", officeJs),
});

// Scripts and styles also as .br and .gz at the best levels, once at build: the API serves these to browsers that accept
// them (TaskPaneFiles), smaller than on-the-fly compression and with no CPU per request.
const precompress = (): Plugin => ({
  name: "precompress",
  apply: "build",
  generateBundle(_, bundle) {
    for (const file of Object.values(bundle)) {
      if (!/\.(js|css)$/.test(file.fileName)) continue;
      const source = file.type === "chunk" ? Buffer.from(file.code) : Buffer.from(file.source as string | Uint8Array);
      if (source.length < 1024) continue;
      const br = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } });
      this.emitFile({ type: "asset", fileName: `${file.fileName}.br`, source: br });
      this.emitFile({ type: "asset", fileName: `${file.fileName}.gz`, source: gzipSync(source, { level: 9 }) });
    }
  },
});

export default defineConfig({
  plugins: [react(), officeScript(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // React + Fluent in the shared chunk is ~640 KB raw, ~155 KB over the wire with Brotli; the budget that matters is
    // the compressed total per pane, measured in docs/BENCHMARKS.md (bench mode "panes").
    chunkSizeWarningLimit: 700,
    // Five pages share React and Fluent: one vendor chunk, cached once, so a second pane costs only its own code.
    rollupOptions: {
      input: { index: page("index"), organizer: page("organizer"), minutes: page("minutes"), items: page("items"), decisions: page("decisions"), projects: page("projects"), feedback: page("feedback"), clock: page("clock"), signin: page("signin") },
      output: {
        advancedChunks: {
          groups: [{ name: "msal", test: /node_modules[\\/]@azure[\\/]msal/, priority: 3 }],
        },
      } as Record<string, unknown>,
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
  },
});
