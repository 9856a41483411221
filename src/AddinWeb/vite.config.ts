import { defineConfig, type Plugin } from "vite";
import { fileURLToPath } from "node:url";

const page = (name: string) => fileURLToPath(new URL(`./${name}.html`, import.meta.url));

// Office.js: production pages must load it from Microsoft's CDN (store validation requires it); offline and test builds
// use the copy from the @microsoft/office-js package, which the API serves under /office-js/ in Development.
const officeJs = process.env.OFFICE_JS === "cdn"
  ? "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"
  : "/office-js/office.js";

const officeScript = (): Plugin => ({
  name: "office-js-source",
  transformIndexHtml: (html) => html.replace("%OFFICE_JS%", officeJs),
});

export default defineConfig({
  plugins: [officeScript()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: page("index"),
        organizer: page("organizer"),
        minutes: page("minutes"),
        items: page("items"),
        signin: page("signin"),
      },
    },
  },
});
