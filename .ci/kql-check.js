// Parses and analyses KQL queries with Kusto's own language service (@kusto/language-service-next,
// installed by .ci/install-kusto-language.sh) against a declared schema of the tables they read.
// Usage: node .ci/kql-check.js SCHEMA.json TARGET QUERY.kql...
// Prints one JSON object per query: {"file", "diagnostics": ["Severity CODE line:col: message"],
// "datatables": {"name": [[cell, ...], ...]}} — the rows of every `let name = datatable(...)[...]`,
// as the language service reads the literals (so escaping is checked by Kusto's own lexer).
'use strict';
const fs = require('fs');
const path = require('path');
const pkg = path.join(__dirname, '..', '.tools', 'kusto', 'node_modules', '@kusto', 'language-service-next');
require(path.join(pkg, 'bridge.min.js'));
require(path.join(pkg, 'Kusto.Language.Bridge.min.js'));
const K = Kusto.Language, S = K.Symbols, Syntax = K.Syntax;

const [schemaFile, target, ...queries] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'))[target];
if (!schema) { console.error(`no target ${target} in ${schemaFile}`); process.exit(2); }
const members = [];
for (const [name, columns] of Object.entries(schema.tables)) {
  const cols = Object.entries(columns).map(([c, t]) => `['${c}']:${t}`).join(', ');
  members.push(S.TableSymbol.From(`(${cols})`).WithName(name));
}
for (const [name, f] of Object.entries(schema.functions || {})) {
  members.push(new S.FunctionSymbol.$ctor16(name, f.parameters, f.body, ''));
}
const globals = K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.ctor('db', members));

function lineCol(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

function datatables(code) {
  const tables = {};
  code.Syntax.WalkElements(element => {
    if (!(element instanceof Syntax.LetStatement)) return;
    let table = null;
    element.Expression.WalkElements(e => { if (!table && e instanceof Syntax.DataTableExpression) table = e; });
    if (!table) return;
    const width = table.Schema.Columns.Count;
    const cells = [];
    for (let i = 0; i < table.Values.Count; i++) {
      const value = table.Values.getItem(i).Element;
      let v = value instanceof Syntax.LiteralExpression ? value.LiteralValue : value.toString();
      if (v && v.$boxed) v = v.v;
      cells.push(v);
    }
    const rows = [];
    for (let i = 0; i < cells.length; i += width) rows.push(cells.slice(i, i + width));
    tables[element.Name.SimpleName] = rows;
  });
  return tables;
}

for (const file of queries) {
  const text = fs.readFileSync(file, 'utf8');
  const code = K.KustoCode.ParseAndAnalyze(text, globals);
  const list = code.GetDiagnostics();
  const diagnostics = [];
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    diagnostics.push(`${d.Severity} ${d.Code} ${lineCol(text, d.Start)}: ${d.Message}`);
  }
  process.stdout.write(JSON.stringify({ file, diagnostics, datatables: datatables(code) }) + '\n');
}
