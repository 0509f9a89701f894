// The campaign dashboard: reads /api (JSON, filtered by the logged-in user's organisation) and draws the
// counts, the pilot, the organisation tree and a timeline. Login is the Camunda webapp's own (same session
// as Tasklist). Plain JS, no build step.
'use strict';

const LOGIN = '/camunda/api/admin/auth/user/default/login/tasklist';
const LOGOUT = '/camunda/api/admin/auth/user/default/logout';
const $ = (id) => document.getElementById(id);

function api(path) {
  return fetch(path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch', Accept: 'application/json' } })
    .then((response) => {
      if (response.status === 401) {
        throw Object.assign(new Error('login'), { login: true });
      }
      return response.json().then((body) => {
        if (!response.ok) {
          throw new Error(body.error || 'Lỗi ' + response.status);
        }
        return body;
      });
    });
}

/** The webapp's CSRF token: any GET under /camunda/api answers with it. */
function csrfToken() {
  return fetch('/camunda/api/engine/engine/', { credentials: 'same-origin' })
    .then((response) => response.headers.get('X-XSRF-TOKEN'));
}

function post(url, body) {
  return csrfToken().then((token) => fetch(url, {
    method: 'POST', credentials: 'same-origin', body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token || '' }
  }));
}

function date(iso) {
  if (!iso) {
    return '';
  }
  const [y, m, d] = iso.split('-');
  return d + '/' + m + '/' + y;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = value;
    } else if (key.startsWith('on')) {
      node.addEventListener(key.substring(2), value);
    } else {
      node.setAttribute(key, value);
    }
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
}

function showLogin() {
  $('dashboard').hidden = true;
  $('actions').hidden = true;
  $('login').hidden = false;
  $('username').focus();
}

function showError(error) {
  if (error.login) {
    showLogin();
    return;
  }
  $('message').textContent = error.message;
  $('message').hidden = false;
}

function start() {
  $('message').hidden = true;
  Promise.all([api('/api/me'), api('/api/campaigns')]).then(([me, campaigns]) => {
    $('login').hidden = true;
    $('actions').hidden = false;
    $('user').textContent = me.name;
    if (campaigns.length === 0) {
      throw new Error('Tài khoản này không theo dõi đợt đại hội nào.');
    }
    const wanted = new URLSearchParams(location.search).get('campaign');
    const select = $('campaign-select');
    select.replaceChildren(...campaigns.map((c) => el('option', { value: c.id, text: c.name })));
    select.value = campaigns.some((c) => c.id === wanted) ? wanted : campaigns[0].id;
    select.hidden = campaigns.length < 2;
    return load(select.value);
  }).catch(showError);
}

/** Organisations per page of the list; the counts above it are of the whole campaign. */
const PAGE_SIZE = 100;

function load(campaignId, page = 0) {
  const path = '/api/campaigns/' + encodeURIComponent(campaignId) + '/progress?page=' + page + '&size=' + PAGE_SIZE;
  return api(path).then((progress) => {
    $('xlsx').href = '/api/campaigns/' + encodeURIComponent(campaignId) + '/progress.xlsx';
    $('campaign-name').textContent = progress.campaignName;
    $('today').textContent = date(progress.today);
    $('due-soon-days').textContent = progress.dueSoonDays;
    renderLaunch(progress.launch);
    renderCounts(progress.counts);
    renderPilot(progress.pilot);
    renderOrganisations(campaignId, progress.organisations);
    renderPager(campaignId, progress.page);
    renderTimeline(progress);
    $('dashboard').hidden = false;
    return api('/api/campaigns/' + encodeURIComponent(campaignId) + '/emulation').then(renderEmulation);
  });
}

/** While the campaign's congresses are still being started (a large campaign takes minutes), how far it is. */
function renderLaunch(launch) {
  const line = $('launch');
  line.hidden = !launch || launch.finished;
  if (!line.hidden) {
    line.textContent = 'Đang khởi tạo đợt đại hội: đã bắt đầu ' + launch.started + '/' + launch.expected
      + ' quy trình (' + launch.percent + '%); số liệu dưới đây chưa đủ.';
  }
}

const REVIEW_LEVELS = {excellent: 'Hoàn thành xuất sắc nhiệm vụ', good: 'Hoàn thành tốt nhiệm vụ',
  complete: 'Hoàn thành nhiệm vụ', notComplete: 'Không hoàn thành nhiệm vụ'};

function renderEmulation(emulation) {
  const none = (columns, text) => el('tr', {}, el('td', {colspan: columns, class: 'muted', text}));
  $('works').querySelector('tbody').replaceChildren(...(emulation.works.length ? emulation.works.map((w) =>
    el('tr', {'data-works': w.organisationId}, el('td', {text: w.name}), el('td', {text: w.total}),
      el('td', {text: w.completed}), el('td', {class: w.overdue ? 'late' : '', text: w.overdue}),
      el('td', {text: w.commended}))) : [none(5, 'Chưa có danh sách công trình được duyệt')]));
  $('review-year').textContent = emulation.reviewYear;
  $('review').querySelector('tbody').replaceChildren(...(emulation.review.length ? emulation.review.map((r) =>
    el('tr', {'data-review': r.organisationId}, el('td', {text: r.name}),
      el('td', {text: REVIEW_LEVELS[r.organisationLevel] || 'Chưa quyết định'}),
      el('td', {text: ['excellent', 'good', 'complete', 'notComplete'].map((l) => r.members[l] || 0).join(' / ')})))
    : [none(3, 'Chưa có kết quả được quyết định')]));
}

function renderCounts(counts) {
  $('counts').tBodies[0].replaceChildren(...counts.map((c) => el('tr', { 'data-level': c.level },
    el('th', { text: c.levelName }),
    ['total', 'done', 'inProgress', 'dueSoon', 'overdue'].map((key) =>
      el('td', { class: c[key] > 0 ? key : 'zero', 'data-count': c.level + '-' + key, text: String(c[key]) })))));
}

function renderPilot(pilot) {
  $('pilot-name').textContent = pilot.name;
  $('pilot-status').replaceChildren(status(pilot));
  $('pilot-step').textContent = pilot.step;
  $('pilot-lessons-step').textContent = pilot.lessonsStep;
  $('pilot-lessons').textContent = pilot.lessonsPublished
    ? 'Đã công bố ngày ' + date(pilot.lessonsPublishedOn) : 'Chưa công bố';
}

function status(item) {
  return el('span', { class: 'status ' + item.status, text: item.statusName });
}

/** Previous and next page of a long list (a province, the country); hidden when everything fits on one. */
function renderPager(campaignId, page) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  $('pager').hidden = pages < 2;
  $('page-info').textContent = 'Trang ' + (page.number + 1) + ' / ' + pages + ' (' + page.total + ' tổ chức)';
  $('page-previous').disabled = page.number === 0;
  $('page-next').disabled = page.number + 1 >= pages;
  $('page-previous').onclick = () => load(campaignId, page.number - 1).catch(showError);
  $('page-next').onclick = () => load(campaignId, page.number + 1).catch(showError);
}

function renderOrganisations(campaignId, organisations) {
  const body = $('organisations').tBodies[0];
  body.replaceChildren(...organisations.map((org) => row(campaignId, org)));
}

function row(campaignId, org) {
  const name = org.cockpitUrl
    ? el('a', { href: org.cockpitUrl, target: '_blank', rel: 'noopener', title: 'Mở trong Cockpit', text: org.name })
    : el('span', { text: org.name });
  const toggle = org.cells && org.cells.total > 0
    ? el('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', title: 'Xem các chi bộ trực thuộc',
      text: '▸', onclick: (event) => toggleCells(campaignId, org, event.currentTarget) })
    : null;
  return el('tr', { class: org.level, 'data-organisation': org.organisationId },
    el('td', { 'data-label': 'Tổ chức' }, toggle || '', name, org.pilot ? el('span', { class: 'pilot-mark', text: '(đại hội điểm)' }) : ''),
    el('td', { 'data-label': 'Bước hiện tại', text: org.step }),
    el('td', { 'data-label': 'Hạn', text: date(org.due) }),
    el('td', { 'data-label': 'Trễ', class: 'days-late', text: org.daysLate > 0 ? String(org.daysLate) : '' }),
    el('td', { 'data-label': 'Tình trạng' }, status(org)),
    el('td', { 'data-label': 'Chi bộ', text: org.cells ? cellSummary(org.cells) : '' }),
    el('td', { class: 'no-print' }, org.tasklistUrl
      ? el('a', { href: org.tasklistUrl, target: '_blank', rel: 'noopener', text: 'Việc đang mở' }) : '',
    el('button', { type: 'button', class: 'history', 'aria-expanded': 'false', text: 'Lịch sử quyết định',
      onclick: (event) => toggleDecisions(campaignId, org, event.currentTarget) })));
}

/** The decision record of one organisation (gates, escalations, deadline moves) in a row below it. */
function toggleDecisions(campaignId, org, button) {
  const parentRow = button.closest('tr');
  const open = button.getAttribute('aria-expanded') === 'true';
  document.querySelectorAll('tr.decisions[data-decisions="' + CSS.escape(org.organisationId) + '"]')
    .forEach((r) => r.remove());
  button.setAttribute('aria-expanded', String(!open));
  if (open) {
    return;
  }
  api('/api/campaigns/' + encodeURIComponent(campaignId) + '/organisations/' + encodeURIComponent(org.organisationId))
    .then((detail) => {
      const items = detail.decisions.map((d) => el('tr', {},
        el('td', { text: dateTime(d.decidedAt) }), el('td', { text: d.stepName }), el('td', { text: String(d.round) }),
        el('td', { text: d.decisionName + (d.newDeadline ? ' đến ' + date(d.newDeadline) : '')
          + (d.directingMember ? ': ' + d.directingMember : '') }),
        el('td', { text: d.comment || '' }), el('td', { text: d.decidedBy })));
      const table = items.length
        ? el('table', { class: 'decision-list' }, el('thead', {}, el('tr', {}, ...['Thời điểm', 'Bước', 'Vòng',
          'Quyết định', 'Ý kiến, lý do', 'Người quyết định'].map((h) => el('th', { text: h })))), el('tbody', {}, ...items))
        : el('p', { class: 'muted', text: 'Chưa có quyết định nào.' });
      parentRow.after(el('tr', { class: 'decisions', 'data-decisions': org.organisationId },
        el('td', { colspan: 7 }, table)));
    }).catch(showError);
}

/** A local date-time as the API gives it (2020-01-06T08:00:00) shown as 06/01/2020 08:00. */
function dateTime(iso) {
  return iso ? date(iso.substring(0, 10)) + ' ' + iso.substring(11, 16) : '';
}

function cellSummary(cells) {
  let text = cells.done + '/' + cells.total + ' xong';
  if (cells.overdue > 0) {
    text += ', ' + cells.overdue + ' quá hạn';
  }
  if (cells.dueSoon > 0) {
    text += ', ' + cells.dueSoon + ' sắp đến hạn';
  }
  return text;
}

function toggleCells(campaignId, org, button) {
  const parentRow = button.closest('tr');
  const open = button.getAttribute('aria-expanded') === 'true';
  document.querySelectorAll('tr.cell[data-parent="' + CSS.escape(org.organisationId) + '"]').forEach((r) => r.remove());
  button.setAttribute('aria-expanded', String(!open));
  button.textContent = open ? '▸' : '▾';
  if (open) {
    return;
  }
  api('/api/campaigns/' + encodeURIComponent(campaignId) + '/organisations/' + encodeURIComponent(org.organisationId))
    .then((detail) => {
      const rows = detail.cells.map((cell) => {
        const r = row(campaignId, cell);
        r.setAttribute('data-parent', org.organisationId);
        return r;
      });
      parentRow.after(...rows);
    }).catch(showError);
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/**
 * Places each label on the first row where it overlaps no other, to the right of its line, or to the left where it
 * would run off the chart; returns the labels with their row and anchor, and the number of rows.
 */
function layOutLabels(labels, width) {
  const charWidth = 6.2; // 11px sans-serif, wide enough for Vietnamese diacritics
  const rows = [];
  const placed = labels.slice().sort((a, b) => a.at - b.at).map((label) => {
    const length = label.text.length * charWidth + 4;
    const anchor = label.at + length > width ? 'end' : 'start';
    const from = anchor === 'end' ? label.at - length : label.at;
    let row = rows.findIndex((ends) => ends.every(([start, end]) => from + length < start || from > end));
    if (row < 0) {
      row = rows.push([]) - 1;
    }
    rows[row].push([from, from + length]);
    return { ...label, row, anchor };
  });
  return { placed, rows: rows.length };
}

/** A Gantt-like chart: one bar per congress from its start to its end (or today), the plan's deadlines as lines. */
function renderTimeline(progress) {
  const day = 86400000;
  const time = (iso) => Date.parse(iso + 'T00:00:00Z');
  const items = progress.organisations;
  const dates = progress.deadlines.map((d) => time(d.date))
    .concat(items.flatMap((o) => [o.startedOn, o.endedOn, o.due].filter(Boolean).map(time)), time(progress.today));
  const from = Math.min(...dates) - 3 * day;
  const to = Math.max(...dates) + 3 * day;
  const labelWidth = 190;
  const width = 900;
  const rowHeight = 18;
  const x = (t) => labelWidth + (t - from) / (to - from) * (width - labelWidth - 10);
  const labels = layOutLabels(progress.deadlines.map((d) => ({ at: x(time(d.date)), text: d.label + ' ' + date(d.date),
    colour: '#8b0000' })).concat({ at: x(time(progress.today)), text: 'Hôm nay', colour: '#000' }), width);
  const top = 14 * labels.rows + 16;
  const height = top + items.length * rowHeight + 10;
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'Tiến trình đại hội' });
  labels.placed.forEach((label) => {
    const today = label.text === 'Hôm nay';
    chart.append(svg('line', { x1: label.at, x2: label.at, y1: 14 * label.row + 16, y2: height, stroke: label.colour,
      'stroke-width': today ? 2 : 1, 'stroke-dasharray': today ? 'none' : '4 3' }));
    chart.append(svg('text', { x: label.anchor === 'end' ? label.at - 2 : label.at + 2, y: 12 + 14 * label.row,
      fill: label.colour, 'text-anchor': label.anchor }, label.text));
  });
  const colours = { done: '#2e7d32', inProgress: '#1565c0', dueSoon: '#ef8f00', overdue: '#c62828' };
  items.forEach((org, i) => {
    const y = top + i * rowHeight;
    const start = x(time(org.startedOn));
    const end = x(org.endedOn ? time(org.endedOn) + day : time(progress.today));
    const bar = svg('rect', { x: start, y: y + 3, width: Math.max(2, end - start), height: rowHeight - 6,
      fill: colours[org.status], 'data-organisation': org.organisationId });
    bar.append(svg('title', {}, org.name + ': ' + org.statusName + (org.due ? ', hạn ' + date(org.due) : '')));
    chart.append(svg('text', { x: 4, y: y + rowHeight - 5 }, org.name.length > 32 ? org.name.substring(0, 31) + '…' : org.name));
    chart.append(bar);
    if (org.due) {
      const due = x(time(org.due) + day);
      chart.append(svg('line', { x1: due, x2: due, y1: y + 1, y2: y + rowHeight - 1, stroke: '#000', 'stroke-width': 2 }));
    }
  });
  $('timeline').replaceChildren(chart);
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    const body = new URLSearchParams({ username: $('username').value, password: $('password').value });
    post(LOGIN, body).then((response) => {
      if (!response.ok) {
        $('login-error').textContent = 'Sai tên đăng nhập hoặc mật khẩu.';
        return;
      }
      $('password').value = '';
      start();
    });
  });
  $('logout').addEventListener('click', () => post(LOGOUT, '').then(showLogin));
  $('print').addEventListener('click', () => window.print());
  $('campaign-select').addEventListener('change', (event) => {
    history.replaceState(null, '', '?campaign=' + encodeURIComponent(event.target.value));
    load(event.target.value).catch(showError);
  });
  start();
});
