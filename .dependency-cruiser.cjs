// Layer rules, checked by `npm run lint` (and so by `npm test`): the pipeline's phases, the language resources
// and storage never reach up into the server's API or the commands; the product never imports tests or benchmarks;
// no import cycles.
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'lang-is-a-leaf', severity: 'error', comment: 'language resources know nothing of phases, storage or the server',
      from: { path: '^server/lang/' }, to: { path: '^server/(pipeline|api|commands|db|llm)/' } },
    { name: 'pipeline-not-up', severity: 'error', comment: 'phases are called by the API and commands, never the other way',
      from: { path: '^server/pipeline/' }, to: { path: '^server/(api|commands)/' } },
    { name: 'db-not-up', severity: 'error', comment: 'storage is the bottom layer',
      from: { path: '^server/db/' }, to: { path: '^server/(api|commands|pipeline|llm)/' } },
    { name: 'core-not-up', severity: 'error', comment: 'core (carrier types, the one aligner adapter, the one flag record) is shared by every layer and reaches into none above the phases',
      from: { path: '^server/core/' }, to: { path: '^server/(api|commands|db|llm)/' } },
    { name: 'sqlite-only-in-db', severity: 'error',
      comment: 'only the storage layer talks to SQLite: every statement is a db/ repository function (a second backend implements those)',
      from: { path: '^(server|client)/', pathNot: '^server/db/' }, to: { path: 'node_modules/better-sqlite3/' } },
    { name: 'product-not-tests', severity: 'error', comment: 'the product never imports tests or benchmarks',
      from: { path: '^(server|client)/' }, to: { path: '^(test|bench)/' } },
    { name: 'client-not-server', severity: 'error', comment: 'the web app talks to the server over HTTP only',
      from: { path: '^client/' }, to: { path: '^server/' } },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // type-only imports vanish at run time; the rules are about what loads what
    tsPreCompilationDeps: false,
    doNotFollow: { path: 'node_modules' },
  },
};
