// Runs the API's TypeScript sources directly (tests that need the API as a process of
// its own: killing its database, signalling it): ts-node without type checks, and the
// @civicgrid/* paths of tsconfig.base.json.
//   node -r ./tools/testing/register-ts.cjs apps/api/src/main.ts
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
process.env.TS_NODE_PROJECT ??= path.join(root, 'tools/testing/tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY ??= 'true';
require('ts-node/register');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
