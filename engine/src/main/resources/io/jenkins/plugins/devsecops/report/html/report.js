(function () {
  'use strict';
  var SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
  var LIMIT = 1000;
  var island = document.getElementById('findings');
  var findings = island ? JSON.parse(island.textContent) : [];
  var body = document.getElementById('findings-body');
  var countLabel = document.getElementById('findings-count');
  var search = document.getElementById('filter-text');
  var stageSelect = document.getElementById('filter-stage');
  var showSuppressed = document.getElementById('filter-suppressed');
  var severityBoxes = Array.prototype.slice.call(document.querySelectorAll('input[data-severity]'));
  var headers = Array.prototype.slice.call(document.querySelectorAll('#findings-table th.sortable'));
  // With history known (a "state" column), new findings come first; otherwise the most severe do.
  var hasState = !!document.querySelector('#findings-table th[data-sort=state]');
  var columns = hasState ? 7 : 6;
  var STATES = ['NEW', 'OUTSTANDING'];
  var sortKey = hasState ? 'state' : 'severity';
  var ascending = true;
  var expanded = {};

  function text(value) { return value === undefined || value === null ? '' : String(value); }
  function rank(severity) { var i = SEVERITIES.indexOf(severity); return i < 0 ? 99 : i; }
  function path(f) { return f.location ? text(f.location.path) : (f.component ? text(f.component.purl || f.component.name) : ''); }
  function line(f) { return f.location && f.location.startLine ? f.location.startLine : 0; }
  function state(f) { return f.properties ? text(f.properties['history.status']) : ''; }
  function stateRank(f) { var i = STATES.indexOf(state(f)); return i < 0 ? 99 : i; }
  function where(f) { var l = line(f); return path(f) + (l ? ':' + l : ''); }

  findings.forEach(function (f, index) {
    f._index = index;
    var parts = [f.ruleId, f.title, f.message, f.stage, where(f), f.remediation, f.fixedVersion,
      (f.identifiers || []).join(' '), (f.cwes || []).join(' ')];
    if (f.component) { parts.push(f.component.purl, f.component.name, f.component.version); }
    if (f.properties) { Object.keys(f.properties).forEach(function (k) { parts.push(f.properties[k]); }); }
    f._haystack = parts.map(text).join('\n').toLowerCase();
  });

  var comparators = {
    severity: function (a, b) { return rank(a.severity) - rank(b.severity); },
    rule: function (a, b) { return text(a.ruleId).localeCompare(text(b.ruleId)); },
    title: function (a, b) { return text(a.title).localeCompare(text(b.title)); },
    location: function (a, b) { return path(a).localeCompare(path(b)) || line(a) - line(b); },
    stage: function (a, b) { return text(a.stage).localeCompare(text(b.stage)); },
    state: function (a, b) { return stateRank(a) - stateRank(b); },
    confidence: function (a, b) {
      var order = ['HIGH', 'MEDIUM', 'LOW'];
      return order.indexOf(text(a.confidence || 'HIGH')) - order.indexOf(text(b.confidence || 'HIGH'));
    }
  };

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content !== undefined && content !== null) { node.textContent = text(content); }
    return node;
  }

  function fact(list, label, value, pre) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) { return; }
    list.appendChild(el('dt', null, label));
    var dd = el('dd');
    if (pre) { dd.appendChild(el('pre', null, value)); } else { dd.textContent = Array.isArray(value) ? value.join(', ') : text(value); }
    list.appendChild(dd);
  }

  function cweText(cwe) {
    var m = /^CWE-(\d{1,6})$/i.exec(text(cwe).trim());
    return m ? text(cwe) + ' \u2014 cwe.mitre.org/data/definitions/' + Number(m[1]) + '.html' : text(cwe);
  }

  function details(f) {
    var row = el('tr', 'details');
    var cell = el('td');
    cell.colSpan = columns;
    var list = el('dl', 'facts');
    fact(list, 'Message', f.message);
    fact(list, 'Remediation', f.remediation);
    if (f.location) {
      var loc = f.location;
      var range = loc.startLine ? 'line ' + loc.startLine + (loc.startColumn ? ', column ' + loc.startColumn : '')
        + (loc.endLine && loc.endLine !== loc.startLine ? ' to line ' + loc.endLine : '') : '';
      fact(list, 'File', text(loc.path) + (range ? ' (' + range + ')' : ''));
      fact(list, 'Snippet', loc.snippet, true);
    }
    if (f.trace && f.trace.length) {
      fact(list, 'Data flow', f.trace.map(function (step, i) {
        var where = step.location ? text(step.location.path) + (step.location.startLine ? ':' + step.location.startLine : '') : '';
        return (i + 1) + '. ' + where + '  ' + text(step.message);
      }).join('\n'), true);
    }
    fact(list, 'Identifiers', f.identifiers);
    fact(list, 'Weaknesses', (f.cwes || []).map(cweText));
    if (f.component) {
      var c = f.component;
      fact(list, 'Component', c.purl || (text(c.name) + '@' + text(c.version)));
      fact(list, 'Ecosystem', c.ecosystem);
      if (c.direct !== undefined && c.direct !== null) { fact(list, 'Dependency', c.direct ? 'direct' : 'transitive'); }
      fact(list, 'Dependency path', (c.dependencyPath || []).join(' \u2192 '));
    }
    fact(list, 'Fixed version', f.fixedVersion);
    if (f.cvss) { fact(list, 'CVSS', Number(f.cvss.score).toFixed(1) + (f.cvss.vector ? '  ' + text(f.cvss.vector) : '')); }
    fact(list, 'Confidence', f.confidence || 'HIGH');
    fact(list, 'Reported by', (f.tools || []).map(function (t) { return text(t.name) + (t.version ? ' ' + text(t.version) : ''); }));
    if (f.properties) {
      Object.keys(f.properties).sort().forEach(function (k) { fact(list, k, f.properties[k]); });
    }
    if (f.suppression) {
      var s = f.suppression;
      fact(list, 'Suppressed', [text(s.kind), text(s.reason)].filter(Boolean).join(': '));
      fact(list, 'Suppression owner', s.owner);
      fact(list, 'Suppression expires', s.expires);
      fact(list, 'Suppression source', s.source);
    }
    fact(list, 'Fingerprint', f.fingerprint);
    cell.appendChild(list);
    row.appendChild(cell);
    return row;
  }

  function toggle(f, row) {
    expanded[f._index] = !expanded[f._index];
    row.setAttribute('aria-expanded', expanded[f._index] ? 'true' : 'false');
    row.querySelector('.toggle').textContent = expanded[f._index] ? '\u25BE' : '\u25B8';
    var next = row.nextSibling;
    if (expanded[f._index]) {
      body.insertBefore(details(f), next);
    } else if (next && next.className === 'details') {
      body.removeChild(next);
    }
  }

  function row(f) {
    var tr = el('tr', 'finding' + (f.suppression ? ' suppressed' : ''));
    tr.tabIndex = 0;
    tr.setAttribute('aria-expanded', expanded[f._index] ? 'true' : 'false');
    var sev = el('td');
    sev.appendChild(el('span', 'toggle', expanded[f._index] ? '\u25BE' : '\u25B8'));
    sev.appendChild(el('span', 'sev ' + (SEVERITIES.indexOf(f.severity) >= 0 ? f.severity : 'INFO'), f.severity));
    tr.appendChild(sev);
    var rule = el('td');
    rule.appendChild(el('code', null, f.ruleId));
    tr.appendChild(rule);
    var title = el('td', 'title', f.title);
    if (f.suppression) { title.appendChild(el('span', 'badge', 'suppressed')); }
    tr.appendChild(title);
    var loc = el('td', 'loc');
    loc.appendChild(el('code', null, where(f)));
    tr.appendChild(loc);
    tr.appendChild(el('td', null, f.stage));
    tr.appendChild(el('td', null, f.confidence || 'HIGH'));
    if (hasState) {
      var st = state(f);
      tr.appendChild(el('td', 'state' + (STATES.indexOf(st) >= 0 ? ' ' + st : ''), st));
    }
    tr.addEventListener('click', function () { toggle(f, tr); });
    tr.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(f, tr); }
    });
    return tr;
  }

  function matches(f, wanted, stage, needle, suppressed) {
    return wanted[f.severity] !== false && (!stage || f.stage === stage) && (suppressed || !f.suppression)
      && (!needle || f._haystack.indexOf(needle) >= 0);
  }

  function render() {
    var wanted = {};
    severityBoxes.forEach(function (box) { wanted[box.getAttribute('data-severity')] = box.checked; });
    var stage = stageSelect ? stageSelect.value : '';
    var needle = search ? search.value.trim().toLowerCase() : '';
    var suppressed = showSuppressed ? showSuppressed.checked : true;
    var compare = comparators[sortKey] || comparators.severity;
    var shown = findings.filter(function (f) { return matches(f, wanted, stage, needle, suppressed); });
    shown.sort(function (a, b) {
      var c = compare(a, b);
      if (c === 0) { c = comparators.severity(a, b) || comparators.location(a, b) || a._index - b._index; return c; }
      return ascending ? c : -c;
    });
    while (body.firstChild) { body.removeChild(body.firstChild); }
    shown.slice(0, LIMIT).forEach(function (f) {
      var tr = row(f);
      body.appendChild(tr);
      if (expanded[f._index]) { body.appendChild(details(f)); }
    });
    if (shown.length === 0) {
      var empty = el('tr');
      var hidden = suppressed ? 0 : findings.filter(function (f) { return f.suppression; }).length;
      var cell = el('td', 'empty', !findings.length ? 'No findings.' : hidden === findings.length
        ? 'Every finding is suppressed: tick \u201cShow suppressed\u201d to list them.' : 'No finding matches the filters.');
      cell.colSpan = columns;
      empty.appendChild(cell);
      body.appendChild(empty);
    }
    countLabel.textContent = (shown.length > LIMIT ? 'showing the first ' + LIMIT + ' of ' : '')
      + shown.length + ' of ' + findings.length + ' findings';
    headers.forEach(function (h) {
      h.setAttribute('aria-sort', h.getAttribute('data-sort') === sortKey ? (ascending ? 'ascending' : 'descending') : 'none');
    });
  }

  headers.forEach(function (h) {
    h.tabIndex = 0;
    function sort() {
      var key = h.getAttribute('data-sort');
      if (key === sortKey) { ascending = !ascending; } else { sortKey = key; ascending = true; }
      render();
    }
    h.addEventListener('click', sort);
    h.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); sort(); } });
  });
  severityBoxes.forEach(function (box) { box.addEventListener('change', render); });
  if (stageSelect) { stageSelect.addEventListener('change', render); }
  if (showSuppressed) { showSuppressed.addEventListener('change', render); }
  if (search) { search.addEventListener('input', render); }
  document.documentElement.className = 'js';
  render();
}());
