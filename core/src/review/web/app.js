// The review page. Everything that comes from a document or the store is inserted with
// textContent or as element values, never as markup: document text is untrusted.
//
// Beside the passage: the region of the PDF page it covers (w: the whole page). Merge joins
// a record with the one before (p) or after (n) it in its document; split (s) cuts the
// record in two at the caret in the passage. Both open a form to confirm.
'use strict';

const TOKEN = document.querySelector('meta[name="acervo-token"]').content;
const $ = (id) => document.getElementById(id);
// The page's words in the server's language: its catalog, sent inside index.html
// (docs/i18n.md). t('Saved: {0}', what) gives the translation with {0}, {1}… filled in.
const MESSAGES = (() => {
  try {
    return JSON.parse($('messages').textContent);
  } catch (e) {
    return {};
  }
})();
function t(msgid, ...args) {
  const text = MESSAGES[msgid] || msgid;
  return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
}
const LISTS = {
  dates: {label: t('Dates'), keys: ['start', 'end'], blank: {start: '', end: ''}},
  amounts: {
    label: t('Amounts'),
    keys: ['amount', 'currency'],
    blank: {amount: '', currency: '', approximate: false, role: null}
  },
  institutions: {label: t('Institutions'), keys: ['name'], blank: {name: '', acronym: null}},
  ods: {label: 'ODS', keys: ['goal'], blank: {goal: '', explicit: false}},
};
const KINDS = ['evento', 'reunion', 'acuerdo', 'financiamiento', 'capacitacion', 'premio', 'difusion', 'otro'];

const FIELD_OF = { date: 'dates', amount: 'amounts', institution: 'institutions', ods: 'ods' };
const FORMS = ['editor', 'mention-form', 'merge-form', 'split-form'];

// queueSeq and recordSeq drop answers to requests that a later one has overtaken. wholePage:
// the reviewer asked for whole pages rather than the passage's region. merge and split hold
// what the open merge or split form will send.
const state = { items: [], index: -1, view: null, queueSeq: 0, recordSeq: 0, wholePage: false,
  merge: null, split: null };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'className') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function say(text, error = false) {
  const m = $('message');
  m.textContent = text;
  m.className = error ? 'error' : '';
}

function reviewer() { return localStorage.getItem('acervo.reviewer') || ''; }

function askName() {
  const d = $('name-dialog');
  $('name-input').value = reviewer();
  if (!d.open) d.showModal();
}

async function api(path, body) {
  const init = body === undefined ? {} : {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Acervo-Token': TOKEN },
    body: JSON.stringify(body),
  };
  const res = await fetch(path, init);
  let data = {};
  try {
    data = await res.json();
  } catch (e) {
    data = {error: t('unreadable answer from the server')};
  }
  return { status: res.status, data };
}

function filterQuery() {
  const p = new URLSearchParams();
  const add = (k, id) => { const v = $(id).value.trim(); if (v) p.set(k, v); };
  add('status', 'f-status'); add('document', 'f-document'); add('kind', 'f-kind');
  add('field', 'f-field'); add('min', 'f-min'); add('max', 'f-max');
  return p.toString();
}

async function loadQueue(keepId = state.view && state.view.id) {
  const seq = ++state.queueSeq;
  const { status, data } = await api('/api/queue?' + filterQuery());
  if (seq !== state.queueSeq) return;
  if (status !== 200) return say(data.error || t('could not read the queue'), true);
  state.items = data.items;
  const list = $('queue');
  list.replaceChildren();
  data.items.forEach((item, i) => {
    const li =
        el('li', {'data-id': item.id, role: 'option'},
           el('span', {className: 'conf', text: Number(item.confidence).toFixed(2)}), el('span', {
             className: 'kind',
             text: item.kind + (item.second_look ? ' · ' + t('second review') : '')
           }),
           el('span', {className: 'title', text: item.title || t('(untitled)')}));
    li.addEventListener('click', () => select(i));
    list.append(li);
  });
  $('queue-count').textContent = t('{0} record(s)', data.items.length);
  let index = keepId ? data.items.findIndex((x) => x.id === keepId) : -1;
  if (index < 0) index = Math.min(Math.max(state.index, 0), data.items.length - 1);
  await select(index);
}

async function select(i) {
  state.index = i;
  document.querySelectorAll('#queue li').forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
  if (i < 0 || i >= state.items.length) {
    state.view = null;
    $('record').hidden = true;
    $('empty').hidden = false;
    return;
  }
  const seq = ++state.recordSeq;
  const { status, data } = await api('/api/records/' + encodeURIComponent(state.items[i].id));
  if (seq !== state.recordSeq) return;
  if (status !== 200) return say(data.error || t('could not read the record'), true);
  show(data);
  const li = document.querySelectorAll('#queue li')[i];
  if (li) li.scrollIntoView({ block: 'nearest' });
}

function describe(field, value) {
  if (value === null || value === undefined) return '—';
  if (field === 'dates') return value.start === value.end ? value.start : value.start + ' – ' + value.end;
  if (field === 'amounts')
    return (value.approximate ? '≈ ' : '') + value.amount + ' ' +
        (value.currency || t('(currency ?)')) + (value.role ? ' · ' + value.role : '');
  if (field === 'institutions') return value.name + (value.acronym ? ' (' + value.acronym + ')' : '');
  if (field === 'ods') return 'ODS ' + value.goal + (value.explicit ? '' : ' ' + t('(inferred)'));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function show(view) {
  const same = state.view && state.view.id === view.id && state.view.version === view.version;
  state.view = view;
  const r = view.record;
  $('empty').hidden = true;
  $('record').hidden = false;
  if (!same) {
    // A form for another record, or for values that changed under it, would save stale edits.
    closeForms();
  }
  $('title').textContent = r.title || t('(untitled)');
  const pages = r.page_start === r.page_end ? 'p. ' + r.page_start : 'pp. ' + r.page_start + '–' + r.page_end;
  $('meta').textContent = [
    r.kind, t('confidence {0}', Number(r.confidence).toFixed(2)), r.status,
    view.source + ', ' + pages, t('version {0}', view.version)
  ].join(' · ');
  const flags = [];
  if (r.rejected) flags.push(t('Rejected: not an activity.'));
  if (r.merged_into) flags.push(t('Merged into record {0}.', r.merged_into));
  if (view.orphaned)
    flags.push(
        view.second_look ?
            t('The latest extraction no longer finds this record: the reviewed version is kept; review it again.') :
            t('The latest extraction no longer finds this record: the reviewed version is kept.'));
  if (r.review_notes) flags.push(...r.review_notes);
  $('flags').textContent = flags.join(' ');

  const passage = $('passage');
  passage.replaceChildren();
  for (const span of view.passage.spans) {
    if (span.type) {
      passage.append(el('mark', { className: span.type, title: span.type + ': ' + describe(
        { date: 'dates', amount: 'amounts', institution: 'institutions', ods: 'ods' }[span.type], span.value) }, span.text));
    } else {
      passage.append(document.createTextNode(span.text));
    }
  }

  const body = $('fields').tBodies[0];
  body.replaceChildren();
  const row = (label, text) => body.append(el('tr', {}, el('th', { text: label }), el('td', { text })));
  row(t('Kind'), r.kind);
  row(t('Title'), r.title || '');
  for (const [field, spec] of Object.entries(LISTS)) {
    const values = r[field] || [];
    row(spec.label, values.length ? values.map((v) => describe(field, v)).join('; ') : '—');
  }
  if (r.merged_from) row(t('Merged with'), r.merged_from.join(', '));
  if (r.split_into)
    row(t('Split into'),
        r.split_into.map((p) => '«' + (p.title || '') + '» (' + (p.kind || r.kind) + ')')
            .join('; '));
  $('merge-previous').disabled = !view.previous;
  $('merge-next').disabled = !view.next;
  showPageImages(view);


  const history = $('history');
  history.replaceChildren();
  for (const c of view.corrections) {
    const text = c.at + ' · ' + c.reviewer + ' · ' + c.field + ': ' + JSON.stringify(c.before) + ' → ' + JSON.stringify(c.after) + (c.comment ? ' · «' + c.comment + '»' : '');
    history.append(el('li', { className: c.undone ? 'undone' : '', text }));
  }
}

// The passage as printed: for each of its pages, the region it covers (or the whole page
// when the reviewer asks for it, or when the region is unknown).
function showPageImages(view) {
  const box = $('page-images');
  box.replaceChildren();
  const regions = view.page_image ? (view.page_regions || []) : [];
  for (const region of regions) {
    const whole = state.wholePage || !region.box;
    const src = '/api/records/' + encodeURIComponent(view.id) + '/page/' + region.page +
      (whole && region.box ? '?whole=1' : '');
    box.append(el('img', {
      src,
      'data-page': String(region.page),
      'data-whole': String(whole),
      alt: whole ? t('Page {0} of the original PDF', region.page) :
                   t('The passage\'s region on page {0} of the original PDF', region.page)
    }));
  }
  const known = regions.filter((region) => region.box).map((region) => region.page);
  const toggle = $('whole-page');
  toggle.hidden = known.length === 0;
  toggle.replaceChildren(
      (state.wholePage ? t('See only the passage\'s region') : t('See the whole page')) + ' ',
      el('kbd', {text: 'w'}));
  let note = view.page_image_note;
  if (!note && known.length) {
    note = state.wholePage ?
        t('Whole page: p. {0} of the original PDF.', known.join(', ')) :
        t('The passage\'s region on p. {0} of the original PDF.', known.join(', '));
  }
  $('page-note').textContent = note;
}

function toggleWholePage() {
  if (!state.view || $('whole-page').hidden) return;
  state.wholePage = !state.wholePage;
  showPageImages(state.view);
}

function closeForms() {
  for (const id of FORMS) $(id).hidden = true;
  state.merge = null;
  state.split = null;
}

async function decide(changes, comment = '') {
  if (!state.view) return false;
  if (!reviewer()) { askName(); return false; }
  const id = state.view.id;
  const { status, data } = await api('/api/records/' + encodeURIComponent(id),
    { version: state.view.version, reviewer: reviewer(), comment, changes });
  if (status === 409) {
    show(data);
    say(data.error, true);
    return false;
  }
  if (status !== 200) {
    say(data.error || t('not saved'), true);
    return false;
  }
  say(t('Saved: {0}', changes.map((c) => c.field).join(', ')));
  await loadQueue(id);
  return true;
}

async function decideAndAdvance(changes) {
  const next = state.items[state.index + 1];
  if (await decide(changes) && next && $('f-status').value === 'needs_review') {
    const i = state.items.findIndex((x) => x.id === next.id);
    if (i >= 0) await select(i);
  }
}

function openEditor() {
  if (!state.view) return;
  const r = state.view.record;
  const box = $('editor-fields');
  box.replaceChildren();
  const kind = el('select', {id: 'edit-kind', 'aria-label': t('Kind')});
  for (const k of KINDS) kind.append(el('option', { value: k, text: k }));
  kind.value = r.kind;
  const title = el('input', {id: 'edit-title', 'aria-label': t('Title'), size: '60'});
  title.value = r.title || '';
  box.append(
      el('label', {}, t('Kind') + ' ', kind), el('br'), el('label', {}, t('Title') + ' ', title));
  for (const [field, spec] of Object.entries(LISTS)) {
    const set = el('fieldset', { 'data-field': field }, el('legend', { text: spec.label }));
    const addRow = (value, index) => {
      const line = el('div', { 'data-index': index === undefined ? 'new' : String(index) });
      for (const key of spec.keys) {
        const input = el('input', { 'data-key': key, 'aria-label': spec.label + ' ' + key, placeholder: key,
          name: field + '-' + key });
        if (field === 'institutions') input.setAttribute('list', 'institution-names');
        input.value = value[key] === null || value[key] === undefined ? '' : String(value[key]);
        line.append(input);
      }
      const remove = el('button', {type: 'button', text: t('remove')});
      remove.addEventListener('click', () => { line.hidden = true; line.dataset.removed = '1'; });
      line.append(remove);
      set.append(line);
    };
    (r[field] || []).forEach((v, i) => addRow(v, i));
    const add = el('button', {type: 'button', text: t('add')});
    add.addEventListener('click', () => addRow(spec.blank));
    set.append(add);
    box.append(set);
  }
  $('comment').value = '';
  $('editor').hidden = false;
  title.focus();
}

function parseValue(field, key, text) {
  if (field === 'ods' && key === 'goal') return Number.parseInt(text, 10);
  if (field === 'amounts' && key === 'currency') return text ? text.toUpperCase() : null;
  if (key === 'end' && !text) return null;
  return text;
}

function editorChanges() {
  const r = state.view.record;
  const changes = [];
  if ($('edit-kind').value !== r.kind) changes.push({ field: 'kind', value: $('edit-kind').value });
  if ($('edit-title').value.trim() !== (r.title || '')) changes.push({ field: 'title', value: $('edit-title').value.trim() });
  const removals = [];
  for (const set of document.querySelectorAll('#editor fieldset')) {
    const field = set.dataset.field;
    const spec = LISTS[field];
    for (const line of set.querySelectorAll('div[data-index]')) {
      const values = {};
      for (const input of line.querySelectorAll('input')) values[input.dataset.key] = parseValue(field, input.dataset.key, input.value.trim());
      if (field === 'dates' && values.end === null) values.end = values.start;
      if (line.dataset.index === 'new') {
        if (!line.dataset.removed && Object.values(values).some((v) => v !== '' && v !== null)) {
          changes.push({ field: field + '/-', value: Object.assign({}, spec.blank, values) });
        }
        continue;
      }
      const index = Number(line.dataset.index);
      if (line.dataset.removed) { removals.push({ field: field + '/' + index, value: null }); continue; }
      for (const key of spec.keys) {
        const before = r[field][index][key];
        if (values[key] !== before && !(values[key] === '' && before === null)) {
          changes.push({ field: field + '/' + index + '/' + key, value: values[key] });
        }
      }
    }
  }
  // Remove from the end so earlier indices stay valid.
  removals.sort((a, b) => Number(b.field.split('/')[1]) - Number(a.field.split('/')[1]));
  return changes.concat(removals);
}

// Merging with the record before it (this one joins that one) or after it (that one joins
// this one): the earlier record of the document stays.
function openMerge(direction) {
  const v = state.view;
  if (!v) return;
  const other = v[direction];
  if (!other)
    return say(
        direction === 'previous' ? t('There is no previous record in this document.') :
                                   t('There is no next record in this document.'),
        true);
  const self = { id: v.id, title: v.record.title, version: v.version };
  const [into, from] = direction === 'previous' ? [other, self] : [self, other];
  closeForms();
  state.merge = { into, from };
  $('merge-from-title').textContent = from.title || t('(untitled)');
  $('merge-into-title').textContent = into.title || t('(untitled)');
  $('merge-form').dataset.into = into.id;
  $('merge-form').dataset.from = from.id;
  $('merge-comment').value = '';
  $('merge-form').hidden = false;
  $('merge-confirm').focus();
}

async function merge() {
  const m = state.merge;
  if (!m) return;
  if (!reviewer()) return askName();
  const { status, data } = await api('/api/records/' + encodeURIComponent(m.into.id) + '/merge', {
    version: m.into.version, from: m.from.id, from_version: m.from.version, reviewer: reviewer(),
    comment: $('merge-comment').value.trim() });
  if (status !== 200) {
    say(data.error || t('not merged'), true);
    if (status === 409) await select(state.index);  // show the fresh values and neighbours
    return;
  }
  closeForms();
  say(t('Merged: «{0}» into «{1}»', m.from.title || m.from.id, m.into.title || m.into.id));
  await loadQueue(m.into.id);
}

// The caret's offset in the passage's text (the start of the selection), or -1.
function caretOffset() {
  const sel = window.getSelection();
  if (!sel || !sel.rangeCount) return -1;
  const at = sel.getRangeAt(0);
  if (!$('passage').contains(at.startContainer)) return -1;
  const before = document.createRange();
  before.setStart($('passage'), 0);
  before.setEnd(at.startContainer, at.startOffset);
  return before.toString().length;
}

function sameValue(field, a, b) {
  if (!a || !b) return false;
  if (field === 'dates') return a.start === b.start && (a.end || a.start) === (b.end || b.start);
  if (field === 'amounts') return a.amount === b.amount && (a.currency || null) === (b.currency || null);
  if (field === 'institutions') return a.name === b.name;
  return Number(a.goal) === Number(b.goal);
}

// Splitting at the caret: the text before it and after it become two parts. Each value of the
// record goes to the part where its highlighted mention is (the first part when the passage
// does not show it, e.g. a value a reviewer typed); the form lets the reviewer change that.
function openSplit() {
  const v = state.view;
  if (!v) return;
  const text = v.passage.spans.map((span) => span.text).join('');
  const at = caretOffset();
  const pieces = at < 0 ? [] : [text.slice(0, at).trim(), text.slice(at).trim()];
  if (pieces.length !== 2 || !pieces[0] || !pieces[1]) {
    return say(t('Put the caret in the passage, between the two activities, and press s.'), true);
  }
  const located = [];
  let pos = 0;
  for (const span of v.passage.spans) {
    if (span.type) located.push({ field: FIELD_OF[span.type], value: span.value, part: pos < at ? 0 : 1 });
    pos += span.text.length;
  }
  const r = v.record;
  const values = [];
  for (const field of Object.keys(LISTS)) {
    for (const value of r[field] || []) {
      const hit = located.find((m) => m.field === field && sameValue(field, m.value, value));
      values.push({ field, value, part: hit ? hit.part : 0 });
    }
  }
  closeForms();
  state.split = { pieces, values };
  const parts = $('split-parts');
  parts.replaceChildren();
  pieces.forEach((piece, i) => {
    const title = el(
        'input', {id: 'split-title-' + i, size: '50', 'aria-label': t('Title of part {0}', i + 1)});
    title.value = i === 0 ? (r.title || '') : piece.split('\n')[0].slice(0, 120);
    const kind = el('select', {id: 'split-kind-' + i, 'aria-label': t('Kind of part {0}', i + 1)});
    for (const k of KINDS) kind.append(el('option', { value: k, text: k }));
    kind.value = r.kind;
    parts.append(
        el('fieldset', {}, el('legend', {text: t('Part {0}', i + 1)}),
           el('label', {}, t('Title') + ' ', title), ' ', el('label', {}, t('Kind') + ' ', kind),
           el('p', {className: 'piece', text: piece})));
  });
  const body = $('split-values').tBodies[0];
  body.replaceChildren();
  values.forEach((value, k) => {
    const choice = el('select', { id: 'split-value-' + k, 'aria-label': LISTS[value.field].label + ': ' + describe(value.field, value.value) });
    choice.append(
        el('option', {value: '0', text: t('part {0}', 1)}),
        el('option', {value: '1', text: t('part {0}', 2)}));
    choice.value = String(value.part);
    body.append(el('tr', {}, el('th', { text: LISTS[value.field].label }),
      el('td', { text: describe(value.field, value.value) }), el('td', {}, choice)));
  });
  $('split-comment').value = '';
  $('split-form').hidden = false;
  $('split-title-1').focus();
}

function splitParts() {
  const r = state.view.record;
  return state.split.pieces.map((text, i) => {
    const part = { title: $('split-title-' + i).value.trim(), kind: $('split-kind-' + i).value, text,
      page_start: r.page_start, page_end: r.page_end, dates: [], amounts: [], institutions: [], ods: [] };
    state.split.values.forEach((value, k) => {
      if ($('split-value-' + k).value === String(i)) part[value.field].push(value.value);
    });
    return part;
  });
}

function openMentionForm() {
  const sel = window.getSelection();
  const text = sel ? sel.toString().trim() : '';
  if (!text || !$('passage').contains(sel.anchorNode))
    return say(t('First select the text of the mention in the passage.'), true);
  $('mention-text').textContent = text;
  $('mention-value').value = '';
  $('mention-form').hidden = false;
  $('mention-value').focus();
}

function mentionValue(type, text) {
  const parts = text.trim().split(/\s+/);
  if (type === 'amount') return { amount: parts[0] || '', currency: parts[1] ? parts[1].toUpperCase() : null, approximate: false };
  if (type === 'date') return { start: parts[0] || '', end: parts[1] || parts[0] || '' };
  if (type === 'ods') return { goal: Number.parseInt(parts[0], 10) };
  return { name: text.trim(), acronym: null };
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const t = event.target;
  if (event.key === 'Escape') { closeForms(); return; }
  if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement) return;
  if (document.querySelector('dialog[open]')) return;
  const actions = {
    j: () => select(Math.min(state.index + 1, state.items.length - 1)),
    k: () => select(Math.max(state.index - 1, 0)),
    a: () => decideAndAdvance([{ field: 'accept' }]),
    r: () => decideAndAdvance([{ field: 'reject' }]),
    e: openEditor,
    m: openMentionForm,
    u: undoLast,
    p: () => openMerge('previous'),
    n: () => openMerge('next'),
    s: openSplit,
    w: toggleWholePage,
    '?': () => $('help').showModal(),
  };
  if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
}

function undoLast() {
  if (!state.view) return;
  const live = state.view.corrections.filter((c) => !c.undone && !c.field.startsWith('undo:'));
  if (!live.length) return say(t('Nothing to undo in this record.'), true);
  decide([{ field: 'undo:' + live[live.length - 1].id }]);
}

async function loadInstitutions() {
  const { status, data } = await api('/api/institutions');
  if (status !== 200) return;
  const list = $('institution-names');
  for (const name of data.names) list.append(el('option', { value: name }));
}

function init() {
  $('name-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = $('name-input').value.trim();
    if (!name) return;
    localStorage.setItem('acervo.reviewer', name);
    $('who').textContent = name;
    $('name-dialog').close();
  });
  $('change-name').addEventListener('click', askName);
  $('show-help').addEventListener('click', () => $('help').showModal());
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  $('filters').addEventListener('change', () => { state.index = 0; loadQueue(null); });
  $('accept').addEventListener('click', () => decideAndAdvance([{ field: 'accept' }]));
  $('reject').addEventListener('click', () => decideAndAdvance([{ field: 'reject' }]));
  $('edit').addEventListener('click', openEditor);
  $('undo').addEventListener('click', undoLast);
  $('add-mention').addEventListener('click', openMentionForm);
  $('cancel').addEventListener('click', () => { $('editor').hidden = true; });
  $('mention-cancel').addEventListener('click', () => { $('mention-form').hidden = true; });
  $('merge-previous').addEventListener('click', () => openMerge('previous'));
  $('merge-next').addEventListener('click', () => openMerge('next'));
  $('merge-cancel').addEventListener('click', closeForms);
  $('merge-form').addEventListener('submit', (e) => { e.preventDefault(); merge(); });
  // A click moves the caret out of the passage: remember where it was when the button is pressed.
  $('split').addEventListener('mousedown', (e) => e.preventDefault());
  $('split').addEventListener('click', openSplit);
  $('split-cancel').addEventListener('click', closeForms);
  $('split-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await decide([{ field: 'split', value: { parts: splitParts() } }], $('split-comment').value.trim())) closeForms();
  });
  $('whole-page').addEventListener('click', toggleWholePage);
  $('editor').addEventListener('submit', async (e) => {
    e.preventDefault();
    const changes = editorChanges();
    if (!changes.length) {
      $('editor').hidden = true;
      return say(t('No changes.'));
    }
    await decide(changes, $('comment').value.trim());
  });
  $('mention-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const type = $('mention-type').value;
    const text = $('mention-text').textContent;
    await decide([{ field: 'add_mention', value: { type, text, value: mentionValue(type, $('mention-value').value) } }]);
  });
  document.addEventListener('keydown', onKey);
  $('who').textContent = reviewer();
  if (!reviewer()) askName();
  loadInstitutions();
  loadQueue();
}

init();
