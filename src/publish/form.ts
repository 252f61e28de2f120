/**
 * The desk's form: one field per option of the schema (src/embed/optionsSchema.ts), its kind
 * deciding the control — a select for a value from a list, checkboxes for `controls`, a checkbox
 * for `autoplay` and for pinning the data, hub and route choosers from the data, the years of the
 * data, free text for the frame's title. Reads and writes raw option values (OptionValues), the
 * strings a snippet carries.
 */
import type { Lang } from '../data/types.ts';
import { pt } from '../i18n/publishStrings.ts';
import { frameTitle } from '../embed/loader.ts';
import { OPTION_SCHEMA, type OptionKey, type OptionSpec } from '../embed/optionsSchema.ts';
import type { OptionValues } from '../embed/snippet.ts';
import { h } from '../shared/dom.ts';

/** What the data offers the form: hubs and routes by id with their names, the years, the snapshot. */
export interface Choices {
  hubs: readonly { id: string; name: Record<Lang, string> }[];
  routes: readonly { id: string; name: Record<Lang, string> }[];
  years: readonly [first: number, last: number];
  /** The snapshot holding the current data (geo/snapshots.json `current`), or null. */
  snapshot: string | null;
}

interface Field {
  key: OptionKey;
  el: HTMLElement;
  read(): string | undefined;
  write(value: string | undefined): void;
  relabel(lang: Lang): void;
}

export interface PublishForm {
  el: HTMLFormElement;
  values(): OptionValues;
  setValues(values: OptionValues): void;
  setLang(lang: Lang): void;
}

const fieldId = (key: string, value = '') => `pub-${key}${value && `-${value}`}`;

function labelled(spec: OptionSpec, control: HTMLElement, ...after: HTMLElement[]) {
  const label = h('label', { for: control.id });
  const el = h('div', { class: 'pub-field', 'data-option': spec.key }, label, control, ...after);
  return { el, label };
}

function selectField(
  spec: OptionSpec,
  options: (lang: Lang) => readonly { value: string; text: string }[],
): Field {
  const select = h('select', { id: fieldId(spec.key), name: spec.key });
  const { el, label } = labelled(spec, select);
  const relabel = (lang: Lang) => {
    const value = select.value;
    label.textContent = spec.label[lang];
    select.replaceChildren(...options(lang).map((o) => h('option', { value: o.value }, o.text)));
    select.value = value;
  };
  return {
    key: spec.key as OptionKey,
    el,
    read: () => select.value || undefined,
    write: (value) => {
      select.value = value ?? spec.default ?? '';
      if (select.selectedIndex < 0) select.value = spec.default ?? '';
    },
    relabel,
  };
}

function listField(spec: OptionSpec): Field {
  const values = spec.values ?? [];
  const boxes = values.map((value) =>
    h('input', { type: 'checkbox', id: fieldId(spec.key, value), name: spec.key, value }),
  );
  const labels = boxes.map((box) => h('label', { for: box.id }));
  const legend = h('legend');
  const el = h(
    'fieldset',
    { class: 'pub-field pub-list', 'data-option': spec.key },
    legend,
    boxes.map((box, i) => h('div', { class: 'pub-check' }, box, labels[i])),
  );
  return {
    key: spec.key as OptionKey,
    el,
    read: () =>
      boxes
        .filter((b) => b.checked)
        .map((b) => b.value)
        .join(','),
    write: (value) => {
      const on = (value ?? spec.default ?? '').split(/[\s,]+/);
      for (const box of boxes) box.checked = on.includes(box.value);
    },
    relabel: (lang) => {
      legend.textContent = spec.label[lang];
      labels.forEach((label, i) => (label.textContent = spec.valueLabels?.[lang][i] ?? values[i]!));
    },
  };
}

function checkField(spec: OptionSpec, on: string, note?: HTMLElement) {
  const box = h('input', { type: 'checkbox', id: fieldId(spec.key), name: spec.key, value: on });
  const label = h('label', { for: box.id });
  const el = h('div', { class: 'pub-field pub-check', 'data-option': spec.key }, box, label);
  if (note) {
    note.id = fieldId(spec.key, 'note');
    box.setAttribute('aria-describedby', note.id);
    el.append(note);
  }
  return { box, label, el };
}

function textField(spec: OptionSpec): Field {
  const input = h('input', { type: 'text', id: fieldId(spec.key), name: spec.key, maxlength: 200 });
  const { el, label } = labelled(spec, input);
  let lang: Lang = 'zh';
  return {
    key: spec.key as OptionKey,
    el,
    read: () => input.value.trim() || undefined,
    write: (value) => (input.value = value ?? ''),
    relabel: (l) => {
      lang = l;
      label.textContent = spec.label[lang];
      input.placeholder = pt(lang, 'titlePlaceholder', { title: frameTitle({ lang }) });
    },
  };
}

function makeField(spec: OptionSpec, choices: Choices): Field {
  const none = (lang: Lang) => ({ value: '', text: pt(lang, 'none') });
  switch (spec.kind) {
    case 'enum':
      return selectField(spec, (lang) =>
        (spec.values ?? []).map((value, i) => ({
          value,
          text: spec.valueLabels?.[lang][i] ?? value,
        })),
      );
    case 'hub':
    case 'route': {
      const items = spec.kind === 'hub' ? choices.hubs : choices.routes;
      return selectField(spec, (lang) => [
        none(lang),
        ...items.map((item) => ({ value: item.id, text: item.name[lang] })),
      ]);
    }
    case 'year': {
      const [first, last] = choices.years;
      const years = Array.from({ length: last - first + 1 }, (_, i) => String(last - i));
      return selectField(spec, (lang) => [
        { value: '', text: pt(lang, 'lastYear', { year: last }) },
        ...years.map((y) => ({ value: y, text: y })),
      ]);
    }
    case 'list':
      return listField(spec);
    case 'boolean': {
      const { box, label, el } = checkField(spec, '1');
      return {
        key: spec.key as OptionKey,
        el,
        read: () => (box.checked ? '1' : '0'),
        write: (value) => (box.checked = value === '1' || value === 'true' || value === ''),
        relabel: (lang) => (label.textContent = spec.label[lang]),
      };
    }
    case 'snapshot': {
      const note = h('p', { class: 'pub-note' });
      const date = choices.snapshot;
      const { box, label, el } = checkField(spec, date ?? '', note);
      box.disabled = date === null;
      return {
        key: spec.key as OptionKey,
        el,
        read: () => (box.checked && date ? date : undefined),
        write: (value) => (box.checked = date !== null && value === date),
        relabel: (lang) => {
          label.textContent = date ? pt(lang, 'pinToday', { date }) : pt(lang, 'pinNone');
          note.textContent = pt(lang, 'pinMeans');
        },
      };
    }
    case 'text':
      return textField(spec);
  }
}

/**
 * The form, one field per option of the schema, in its order. Choosing a hub clears the route and
 * the other way round: a map opens one of them. `onChange` runs after every edit.
 */
export function createPublishForm(
  choices: Choices,
  lang: Lang,
  onChange: (values: OptionValues) => void,
): PublishForm {
  const fields = (OPTION_SCHEMA as readonly OptionSpec[]).map((spec) => makeField(spec, choices));
  const heading = h('h2', { id: 'pub-options-title' });
  const steps = h('p', { class: 'pub-note' });
  const form = h(
    'form',
    { class: 'pub-form', 'aria-labelledby': heading.id },
    heading,
    fields.map((f) => f.el),
    steps,
  );
  const field = (key: OptionKey) => fields.find((f) => f.key === key)!;
  const values = (): OptionValues => {
    const out: OptionValues = {};
    for (const f of fields) {
      const value = f.read();
      if (value !== undefined) out[f.key] = value;
    }
    return out;
  };
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLInputElement).name;
    if (name === 'hub' && field('hub').read()) field('route').write(undefined);
    if (name === 'route' && field('route').read()) field('hub').write(undefined);
    onChange(values());
  });
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLInputElement).type === 'text') onChange(values());
  });
  const setLang = (l: Lang) => {
    heading.textContent = pt(l, 'options');
    steps.textContent = pt(l, 'stepsNote');
    for (const f of fields) f.relabel(l);
  };
  setLang(lang);
  return {
    el: form,
    values,
    setValues: (v) => {
      for (const f of fields) f.write(v[f.key]);
    },
    setLang,
  };
}
