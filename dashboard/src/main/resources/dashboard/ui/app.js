// CometMQ dashboard: one page per hash (#overview, #topics, #groups, #messages, #producers), all data from /api.
'use strict';

const $ = (id) => document.getElementById(id);
const HISTORY = 60;
const state = { timer: null, tps: [[], [], []], lag: { group: null, points: [[], []] }, charts: {} };

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  const data = await response.json().catch(() => ({}));
  if (response.status === 401 && path !== '/api/login') {
    showLogin();
    throw new Error(data.error || 'log in first');
  }
  if (!response.ok) {
    throw new Error(data.error || response.statusText);
  }
  return data;
}

function showError(error) {
  $('error').textContent = error ? String(error.message || error) : '';
  $('error').hidden = !error;
}

function cell(row, value) {
  const td = document.createElement('td');
  td.textContent = value === null || value === undefined ? '' : String(value);
  row.appendChild(td);
  return td;
}

function fillTable(tableId, rows, columns, onClick) {
  const body = $(tableId).querySelector('tbody');
  body.replaceChildren();
  for (const item of rows) {
    const tr = document.createElement('tr');
    columns.forEach((column) => cell(tr, typeof column === 'function' ? column(item) : item[column]));
    if (onClick) {
      tr.classList.add('clickable');
      tr.addEventListener('click', () => onClick(item));
    }
    body.appendChild(tr);
  }
}

const time = (millis) => (millis > 0 ? new Date(millis).toLocaleString() : '');
const percent = (ratio) => (ratio === null || ratio === undefined ? '' : (ratio * 100).toFixed(1) + '%');
const localMillis = (value) => (value ? new Date(value).getTime() : null);

function chart(name, element, labels) {
  if (!state.charts[name]) {
    const series = [{}].concat(labels.map((label, i) => ({ label, stroke: ['#1f6feb', '#d1242f'][i] })));
    state.charts[name] = new uPlot({ width: 720, height: 220, series, axes: [{}, {}] },
      [[]].concat(labels.map(() => [])), element);
  }
  return state.charts[name];
}

function push(points, values) {
  points.forEach((series, i) => {
    series.push(values[i]);
    if (series.length > HISTORY) series.shift();
  });
}

// ---- overview
async function loadOverview() {
  const data = await api('GET', '/api/cluster');
  $('namesrv').textContent = 'name server ' + data.namesrvAddr;
  fillTable('broker-table', data.brokers, ['cluster', 'brokerName', 'brokerId', 'role', 'addr', 'version',
    'putTps', 'getTps', 'putToday', 'getToday', (b) => b.error || percent(b.commitLogDiskRatio)]);
  const sum = (key) => data.brokers.reduce((total, b) => total + (b[key] || 0), 0);
  push(state.tps, [Date.now() / 1000, sum('putTps'), sum('getTps')]);
  chart('tps', $('tps-chart'), ['in', 'out']).setData(state.tps);
}

// ---- topics
async function loadTopics() {
  const filter = $('topic-filter').value.trim();
  const showSystem = $('topic-show-system').checked;
  const topics = (await api('GET', '/api/topics'))
    .filter((t) => showSystem || t.kind === 'NORMAL')
    .filter((t) => !filter || t.topic.includes(filter));
  fillTable('topic-table', topics, ['topic', 'kind'], (t) => showTopic(t.topic).catch(showError));
}

async function showTopic(topic) {
  $('topic-detail').hidden = false;
  $('topic-detail-name').textContent = topic;
  const [offsets, route] = await Promise.all([
    api('GET', '/api/topics/' + encodeURIComponent(topic) + '/offsets'),
    api('GET', '/api/topics/' + encodeURIComponent(topic) + '/route')]);
  fillTable('topic-offsets', offsets, ['brokerName', 'queueId', 'minOffset', 'maxOffset',
    (q) => time(q.lastUpdateTimestamp)]);
  $('topic-route').textContent = JSON.stringify(route, null, 2);
}

async function createTopic(event) {
  event.preventDefault();
  const queues = Number($('topic-create-queues').value);
  await api('POST', '/api/topics', { topic: $('topic-create-name').value.trim(), writeQueueNums: queues,
    readQueueNums: queues, perm: Number($('topic-create-perm').value) });
  $('topic-filter').value = $('topic-create-name').value.trim();
  await loadTopics();
}

async function deleteTopic() {
  const topic = $('topic-detail-name').textContent;
  if (!window.confirm('Delete topic ' + topic + ' from every broker and name server?')) return;
  await api('DELETE', '/api/topics/' + encodeURIComponent(topic));
  $('topic-detail').hidden = true;
  await loadTopics();
}

// ---- consumer groups
async function loadGroups() {
  const filter = $('group-filter').value.trim();
  const groups = (await api('GET', '/api/groups')).filter((g) => !filter || g.includes(filter));
  fillTable('group-table', groups.map((group) => ({ group })), ['group'], (g) => showGroup(g.group).catch(showError));
  if (state.lag.group) await showGroup(state.lag.group);
}

async function showGroup(group) {
  if (state.lag.group !== group) {
    state.lag = { group, points: [[], []] };
  }
  const detail = await api('GET', '/api/groups/' + encodeURIComponent(group));
  $('group-detail').hidden = false;
  $('group-detail-name').textContent = group;
  $('group-lag-total').textContent = detail.totalLag;
  $('group-dlq').textContent = detail.dlqMessages;
  $('group-tps').textContent = detail.consumeTps === undefined ? '' : Number(detail.consumeTps).toFixed(1);
  $('group-online').textContent = detail.online ? detail.messageModel + ', ' + detail.consumeType : 'offline';
  fillTable('group-queues', detail.queues, ['topic', 'brokerName', 'queueId', 'brokerOffset', 'consumerOffset',
    'lag', (q) => time(q.lastTimestamp)]);
  fillTable('group-clients', detail.clients, ['clientId', 'clientAddr', 'language', 'version']);
  push(state.lag.points, [Date.now() / 1000, detail.totalLag]);
  chart('lag', $('lag-chart'), ['lag']).setData(state.lag.points);
}

async function resetGroup(event) {
  event.preventDefault();
  const result = await api('POST', '/api/groups/' + encodeURIComponent(state.lag.group) + '/reset',
    { topic: $('group-reset-topic').value.trim(), timestamp: localMillis($('group-reset-time').value) });
  $('group-reset-result').textContent = JSON.stringify(result, null, 2);
}

// ---- messages
async function searchMessages(event) {
  event.preventDefault();
  $('msg-detail').hidden = true;
  const topic = $('msg-topic').value.trim();
  const id = $('msg-id').value.trim();
  if (id) {
    await showMessage(topic, id);
    return;
  }
  const params = new URLSearchParams({ topic });
  const key = $('msg-key').value.trim();
  if (key) params.set('key', key);
  const begin = localMillis($('msg-begin').value);
  const end = localMillis($('msg-end').value);
  if (begin) params.set('begin', begin);
  if (end) params.set('end', end);
  const found = await api('GET', '/api/messages?' + params);
  fillTable('msg-results', found, ['msgId', 'tags', 'keys', 'queueId', 'queueOffset', (m) => time(m.storeTimestamp)],
    (m) => showMessage(m.topic, m.msgId).catch(showError));
}

async function showMessage(topic, msgId) {
  const message = await api('GET', '/api/messages/' + encodeURIComponent(msgId) + '?topic='
    + encodeURIComponent(topic));
  $('msg-detail').hidden = false;
  $('msg-detail-id').textContent = message.msgId;
  $('msg-detail-id').dataset.topic = message.topic;
  $('msg-detail-body').textContent = message.body;
  fillTable('msg-detail-props', Object.entries(message.properties).map(([k, v]) => ({ k, v })), ['k', 'v']);
  fillTable('msg-detail-tracks', message.tracks || [], ['consumerGroup', 'trackType', 'exceptionDesc']);
}

async function resendMessage(event) {
  event.preventDefault();
  const msgId = $('msg-detail-id').textContent;
  const result = await api('POST', '/api/messages/' + encodeURIComponent(msgId) + '/resend',
    { group: $('msg-resend-group').value.trim(), topic: $('msg-detail-id').dataset.topic });
  $('msg-resend-result').textContent = result.map((r) => r.clientId + ': ' + r.consumeResult).join('\n');
}

// ---- producers
async function searchProducers(event) {
  event.preventDefault();
  const params = new URLSearchParams({ group: $('producer-group').value.trim(),
    topic: $('producer-topic').value.trim() });
  fillTable('producer-table', await api('GET', '/api/producers?' + params),
    ['clientId', 'clientAddr', 'language', 'version']);
}

// ---- navigation, login, refresh
const PAGES = { overview: loadOverview, topics: loadTopics, groups: loadGroups, messages: null, producers: null };

function currentPage() {
  const name = location.hash.replace('#', '');
  return Object.prototype.hasOwnProperty.call(PAGES, name) ? name : 'overview';
}

async function refresh() {
  const loader = PAGES[currentPage()];
  if (!loader) return;
  try {
    await loader();
    showError(null);
  } catch (error) {
    showError(error);
  }
}

function showPage() {
  const page = currentPage();
  $('login').hidden = true;
  document.querySelectorAll('.page').forEach((s) => { s.hidden = s.id !== 'page-' + page; });
  document.querySelectorAll('header nav a').forEach((a) => a.classList.toggle('active', a.id === 'nav-' + page));
  clearInterval(state.timer);
  refresh();
  state.timer = setInterval(refresh, 5000);
}

function showLogin() {
  clearInterval(state.timer);
  document.querySelectorAll('.page').forEach((s) => { s.hidden = true; });
  $('login').hidden = false;
}

function guarded(handler) {
  return (event) => handler(event).then(() => showError(null)).catch((error) => showError(error));
}

async function start() {
  const session = await api('GET', '/api/session');
  document.body.classList.toggle('read-only', session.readOnly);
  $('mode').textContent = session.readOnly ? 'read-only' : '';
  $('logout').hidden = !session.loginRequired;
  $('login-form').addEventListener('submit', guarded(async (event) => {
    event.preventDefault();
    await api('POST', '/api/login', { user: $('login-user').value, password: $('login-password').value });
    showPage();
  }));
  $('logout').addEventListener('click', guarded(async () => { await api('POST', '/api/logout'); showLogin(); }));
  $('topic-create').addEventListener('submit', guarded(createTopic));
  $('topic-delete').addEventListener('click', guarded(deleteTopic));
  $('topic-filter').addEventListener('input', guarded(loadTopics));
  $('topic-show-system').addEventListener('change', guarded(loadTopics));
  $('group-filter').addEventListener('input', guarded(loadGroups));
  $('group-reset').addEventListener('submit', guarded(resetGroup));
  $('msg-search').addEventListener('submit', guarded(searchMessages));
  $('msg-resend').addEventListener('submit', guarded(resendMessage));
  $('producer-search').addEventListener('submit', guarded(searchProducers));
  window.addEventListener('hashchange', showPage);
  if (session.loginRequired && !session.loggedIn) {
    showLogin();
  } else {
    showPage();
  }
}

start().catch(showError);
