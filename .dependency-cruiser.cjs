// Layer rules, checked by `npm run lint` (and so by `npm test`): the pipeline's phases, the language resources
// and storage never reach up into the server's API or the commands; the product never imports tests or benchmarks;
// the contract (the HTTP and JSONL shapes) is shared by server and client and imports neither; tests and
// benchmarks share code only through testkit/; no import cycles.
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'lang-is-a-leaf',
      severity: 'error',
      comment: 'language resources know nothing of phases, storage or the server',
      from: { path: '^server/lang/' },
      to: { path: '^server/(pipeline|api|commands|db|llm)/' },
    },
    {
      name: 'pipeline-not-up',
      severity: 'error',
      comment: 'phases are called by the API and commands, never the other way',
      from: { path: '^server/pipeline/' },
      to: { path: '^server/(api|commands)/' },
    },
    {
      name: 'db-not-up',
      severity: 'error',
      comment: 'storage is the bottom layer',
      from: { path: '^server/db/' },
      to: { path: '^server/(api|commands|pipeline|llm)/' },
    },
    {
      name: 'core-not-up',
      severity: 'error',
      comment:
        'core (carrier types, the one aligner adapter, the one flag record) is shared by every layer and reaches into none above the phases',
      from: { path: '^server/core/' },
      to: { path: '^server/(api|commands|db|llm)/' },
    },
    {
      name: 'sqlite-only-in-db',
      severity: 'error',
      comment:
        'only the storage layer talks to SQLite: every statement is a db/ repository function (a second backend implements those)',
      from: { path: '^(server|client)/', pathNot: '^server/db/' },
      to: { path: 'node_modules/better-sqlite3/' },
    },
    {
      name: 'product-not-tests',
      severity: 'error',
      comment: 'the product never imports tests, benchmarks or their kit',
      from: { path: '^(server|client|contract)/' },
      to: { path: '^(test|bench|testkit)/' },
    },
    {
      name: 'client-not-server',
      severity: 'error',
      comment: 'the web app talks to the server over HTTP only (its shapes come from contract/)',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'client-contract-types-only',
      severity: 'error',
      comment: 'the web app imports the contract as types only (import type): zod stays out of the bundle',
      from: { path: '^client/' },
      to: { path: '^contract/', pathNot: '^contract/categories[.]ts$' },
    },
    {
      name: 'contract-is-a-leaf',
      severity: 'error',
      comment: 'the contract is shared by server and client: it imports zod and nothing of ours',
      from: { path: '^contract/' },
      to: { path: '^(server|client|test|bench|testkit)/' },
    },
    {
      name: 'tests-not-bench',
      severity: 'error',
      comment: 'what a test shares with a benchmark lives in testkit/',
      from: { path: '^test/' },
      to: { path: '^bench/' },
    },
    {
      name: 'bench-not-tests',
      severity: 'error',
      comment: 'what a benchmark shares with a test lives in testkit/',
      from: { path: '^bench/' },
      to: { path: '^test/' },
    },
    {
      name: 'testkit-not-up',
      severity: 'error',
      comment: 'testkit serves tests and benchmarks and imports neither',
      from: { path: '^testkit/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // type-only imports vanish at run time; the rules are about what loads what
    tsPreCompilationDeps: false,
    doNotFollow: { path: 'node_modules' },
  },
};
