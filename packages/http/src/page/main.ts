/**
 * The dashboard page: pick a series key, names, interval, transform and range; the chart
 * (uPlot) redraws on every change and every N seconds, and the URL keeps the view.
 */
import 'uplot/dist/uPlot.min.css';
import './style.css';
import type uPlot from 'uplot';
import { CHART_TRANSFORM, TRANSFORM_CHOICES } from '../transform-choices';
import { getJson, type KeyInfo, NeedsToken, type Row, saveToken } from './api';
import { draw, size, toColumns } from './chart';
import { rangeOf, readState, type ViewState, writeState } from './state';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = {
  controls: $<HTMLFormElement>('controls'),
  key: $<HTMLSelectElement>('key'),
  interval: $<HTMLSelectElement>('interval'),
  transform: $<HTMLSelectElement>('transform'),
  range: $<HTMLSelectElement>('range'),
  from: $<HTMLInputElement>('from'),
  to: $<HTMLInputElement>('to'),
  refresh: $<HTMLSelectElement>('refresh'),
  filter: $<HTMLInputElement>('filter'),
  names: $<HTMLUListElement>('names'),
  chart: $<HTMLElement>('chart'),
  status: $<HTMLElement>('status'),
  login: $<HTMLDialogElement>('login'),
  loginForm: $<HTMLFormElement>('login-form'),
  loginReason: $<HTMLElement>('login-reason'),
  token: $<HTMLInputElement>('token'),
};

let state: ViewState = readState();
let keys: KeyInfo[] = [];
let chart: uPlot | undefined;
let timer: ReturnType<typeof setInterval> | undefined;
let generation = 0;

function status(text: string, error = false) {
  el.status.textContent = text;
  el.status.classList.toggle('error', error);
}

function options(select: HTMLSelectElement, values: [string, string][], selected: string) {
  select.replaceChildren(
    ...values.map(([value, label]) => new Option(label, value, false, value === selected)),
  );
}

/** Asks for the token (once per tab, again only if the server refuses it), then retries. */
function askToken(reason: string, retry: () => void) {
  el.loginReason.textContent = reason;
  el.token.value = '';
  el.loginForm.onsubmit = () => {
    saveToken(el.token.value.trim());
    retry();
  };
  if (!el.login.open) el.login.showModal();
}

async function guarded(work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof NeedsToken)
      askToken(`This server needs a token (${error.message}).`, () => void start());
    else status(error instanceof Error ? error.message : String(error), true);
  }
}

async function start() {
  await guarded(async () => {
    keys = (await getJson<{ keys: KeyInfo[] }>('api/keys')).keys;
    if (!keys.some((k) => k.key === state.key)) state.key = keys[0]?.key ?? '';
    options(
      el.key,
      keys.map((k) => [k.key, k.key]),
      state.key,
    );
    await loadKey();
  });
}

async function loadKey() {
  const info = keys.find((k) => k.key === state.key);
  if (!info) return status('no series are served', true);
  options(
    el.interval,
    [['', 'auto'], ...info.intervals.map((name): [string, string] => [name, name])],
    state.interval,
  );
  // 'none' is kept in the URL, so that raw values of a series stay a choice after a reload.
  state.transform ||= CHART_TRANSFORM[info.type as keyof typeof CHART_TRANSFORM] ?? 'none';
  options(
    el.transform,
    [['none', 'none'], ...TRANSFORM_CHOICES.map((name): [string, string] => [name, name])],
    state.transform,
  );
  const { names } = await getJson<{ names: string[] }>(`api/list/${encodeURIComponent(state.key)}`);
  state.names = state.names.filter((name) => names.includes(name));
  if (state.names.length === 0 && names[0]) state.names = [names[0]];
  el.names.replaceChildren(
    ...names.map((name) => {
      const box = Object.assign(document.createElement('input'), {
        type: 'checkbox',
        value: name,
        checked: state.names.includes(name),
      });
      const label = document.createElement('label');
      label.append(box, ` ${name}`);
      const item = document.createElement('li');
      item.append(label);
      return item;
    }),
  );
  applyFilter();
  await refresh();
}

async function refresh() {
  writeState(state);
  if (!state.names.length) return status('pick a name');
  const mine = ++generation;
  await guarded(async () => {
    const { from, to } = rangeOf(state);
    const q = new URLSearchParams({
      names: state.names.join(','),
      from: String(from),
      to: String(to),
      each: '1',
    });
    if (state.interval) q.set('interval', state.interval);
    if (state.transform && state.transform !== 'none') q.set('transform', state.transform);
    q.set('maxDataPoints', String(Math.max(100, Math.round(el.chart.clientWidth / 2))));
    const result = await getJson<{ interval: string; rows: Row[] }>(
      `api/series/${encodeURIComponent(state.key)}?${q}`,
    );
    if (mine !== generation) return;
    chart = draw(el.chart, chart, state.names, toColumns(result.rows, state.names));
    (window as unknown as { kairosChart: uPlot }).kairosChart = chart;
    status(
      `${result.interval} · ${result.rows.length} points · ${new Date().toLocaleTimeString()}`,
    );
  });
}

function applyFilter() {
  const text = el.filter.value.trim().toLowerCase();
  for (const item of el.names.children) {
    (item as HTMLElement).hidden = text !== '' && !item.textContent!.toLowerCase().includes(text);
  }
}

function localInput(ms: number): string {
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 19);
}

function showRange() {
  el.range.value = state.range;
  el.controls.classList.toggle('custom-range', state.range === 'custom');
  if (state.range === 'custom') {
    const { from, to } = rangeOf(state);
    el.from.value = localInput(from);
    el.to.value = localInput(to);
  }
}

function setTimer() {
  clearInterval(timer);
  el.refresh.value = String(state.refresh);
  if (state.refresh > 0) timer = setInterval(() => void refresh(), state.refresh * 1000);
}

el.key.onchange = () => {
  state = { ...state, key: el.key.value, names: [], interval: '', transform: '' };
  void guarded(loadKey);
};
el.interval.onchange = () => {
  state.interval = el.interval.value;
  void refresh();
};
el.transform.onchange = () => {
  state.transform = el.transform.value;
  void refresh();
};
el.range.onchange = () => {
  if (el.range.value === 'custom') {
    const { from, to } = rangeOf(state);
    Object.assign(state, { from: String(Math.round(from)), to: String(Math.round(to)) });
  }
  state.range = el.range.value;
  showRange();
  void refresh();
};
el.from.onchange = el.to.onchange = () => {
  const from = new Date(el.from.value).getTime();
  const to = new Date(el.to.value).getTime();
  if (Number.isFinite(from) && Number.isFinite(to)) {
    Object.assign(state, { from: String(from), to: String(to) });
    void refresh();
  }
};
el.refresh.onchange = () => {
  state.refresh = Number(el.refresh.value);
  setTimer();
  writeState(state);
};
el.filter.oninput = applyFilter;
el.names.onchange = () => {
  state.names = [...el.names.querySelectorAll('input:checked')].map(
    (box) => (box as HTMLInputElement).value,
  );
  void refresh();
};
window.onresize = () => chart?.setSize(size(el.chart));

showRange();
setTimer();
void start();
