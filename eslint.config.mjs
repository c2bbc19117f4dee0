// Lint, including the one-way layering (docs/decisions/003-layout.md):
//   UI (app/, components/) → server actions / route handlers → lib/<domain> → lib/db
// - lib/ never imports app/, components/, next/*, React or MUI (lib/auth may use next-auth).
// - UI never imports lib/db (it goes through a domain's queries/service).
// - lib/ modules: used only through their public files, each importing only the modules it
//   declares, and no import cycles (eslint/modules.mjs, decision 027).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "./eslint/boundaries.mjs";

const uiOnly = ["react", "react-dom", "react/*", "@mui/*", "next", "next/*", "@emotion/*", "recharts"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "tests/fixtures/boundaries/**",
      ".next/**",
      "dist/**",
      "node_modules/**",
      "tmp/**",
      "lib/db/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ must not depend on the UI (app/)." },
            { target: "./lib", from: "./components", message: "lib/ must not depend on the UI (components/)." },
            { target: "./app", from: "./lib/db", message: "UI reads and writes through lib/<domain>, never lib/db." },
            {
              target: "./components",
              from: "./lib/db",
              message: "UI reads and writes through lib/<domain>, never lib/db.",
            },
          ],
        },
      ],
    },
  },
  {
    // app/ and components/ too: a page reaches a domain through its public files like lib/ does.
    // Not scripts/ and tests/: benchmarks and tests measure internals on purpose.
    files: ["lib/**/*.ts", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "tests/fixtures/boundaries/**/*.ts"],
    plugins: { boundaries },
    rules: { "boundaries/imports": "error" },
  },
  {
    // File-level cycles (the module-level ones are closed by `uses` above).
    files: ["lib/**/*.ts", "tests/fixtures/boundaries/**/*.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: uiOnly, message: "lib/ is framework-free: no next/*, React or MUI here." }] },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through lib/env.ts." },
      ],
    },
  },
  {
    files: ["lib/env.ts", "lib/db/bootstrap.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["lib/auth/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react/*", "@mui/*", "next/*", "!next-auth", "!next-auth/*"],
              message: "lib/auth may use next-auth, nothing else of the UI stack.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
