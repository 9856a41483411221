import js from "@eslint/js";
import hooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "node_modules"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": hooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // Icons one file each (no barrel): the icon package's index pulls thousands of icons into a dev build.
      "no-restricted-imports": ["error", { paths: [{ name: "@fluentui/react-icons", message: "Import one icon file: @fluentui/react-icons/svg/<name>." }] }],
    },
  },
);
