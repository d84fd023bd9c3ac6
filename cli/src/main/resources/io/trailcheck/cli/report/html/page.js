(function () {
  'use strict';
  var table = document.getElementById('findings-table');
  if (!table) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr.finding'));
  var text = document.getElementById('filter-text');
  var selects = ['level', 'rule', 'agent', 'tenant'].map(function (name) {
    return { name: name, el: document.getElementById('filter-' + name) };
  }).filter(function (s) { return s.el !== null; });
  var shown = document.getElementById('shown-count');
  var haystacks = rows.map(function (row) { return row.textContent.toLowerCase(); });

  function apply() {
    var query = text.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row, i) {
      var match = selects.every(function (s) { return s.el.value === '' || row.dataset[s.name] === s.el.value; })
        && (query === '' || haystacks[i].indexOf(query) >= 0);
      row.hidden = !match;
      if (match) count++;
    });
    shown.textContent = String(count);
  }

  text.addEventListener('input', apply);
  selects.forEach(function (s) { s.el.addEventListener('change', apply); });
  document.querySelector('form.filters').addEventListener('submit', function (e) { e.preventDefault(); });
})();
