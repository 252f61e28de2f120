import { t } from '../i18n/strings.ts';
import { h } from '../shared/dom.ts';
import type { CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';

/** One picture the reader can ask for: SVG, or PNG at a width in pixels. */
export type PictureRequest = { format: 'svg' } | { format: 'png'; width: number };

const REQUESTS: readonly PictureRequest[] = [
  { format: 'svg' },
  { format: 'png', width: 1200 },
  { format: 'png', width: 2400 },
];

/**
 * The "download" control appended to `parent`: a button that opens a short menu of pictures of
 * the view as shown (SVG; PNG 1200 and 2400 px wide). `download` makes and saves the picture;
 * the caller loads that code only when the reader asks (a dynamic import), so the control costs
 * a few hundred bytes before then. `data-state` on the control: `busy` while a picture is made,
 * `done` or `error` after. Returns the teardown.
 */
export function createDownload(
  parent: HTMLElement,
  store: CorridorStore,
  download: (request: PictureRequest) => Promise<void>,
): () => void {
  const toggle = h('button', { type: 'button', class: 'cm-download-toggle' });
  const items = REQUESTS.map((request) => {
    const button = h('button', {
      type: 'button',
      'data-format': request.format,
      'data-width': request.format === 'png' ? request.width : undefined,
    });
    button.addEventListener('click', () => {
      control.dataset.state = 'busy';
      control.setAttribute('aria-busy', 'true');
      download(request).then(
        () => finish('done'),
        (error: unknown) => {
          console.error('corridor-map: could not make the picture', error);
          finish('error');
        },
      );
    });
    return { request, button };
  });
  const status = h('p', { class: 'cm-download-status', role: 'status' });
  const menu = h(
    'div',
    { class: 'cm-download-menu', role: 'group', hidden: true },
    items.map((i) => i.button),
  );
  menu.id = `cm-download-${Math.random().toString(36).slice(2, 8)}`;
  toggle.setAttribute('aria-controls', menu.id);
  const control = h('div', { class: 'cm-download' }, toggle, menu, status);
  const open = (on: boolean) => {
    menu.hidden = !on;
    toggle.setAttribute('aria-expanded', String(on));
  };
  toggle.addEventListener('click', () => open(menu.hidden));
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation(); // closes the menu, not the map's open panel
    open(false);
    toggle.focus();
  });
  function finish(state: 'done' | 'error') {
    control.dataset.state = state;
    control.removeAttribute('aria-busy');
    status.textContent = state === 'error' ? t(store.getState().lang, 'downloadFailed') : '';
  }
  open(false);
  parent.append(control);
  const unbind = watch(
    store,
    (s) => s.lang,
    (lang) => {
      toggle.textContent = t(lang, 'download');
      toggle.title = t(lang, 'downloadHelp');
      menu.setAttribute('aria-label', t(lang, 'downloadHelp'));
      for (const { request, button } of items) {
        button.textContent =
          request.format === 'svg'
            ? t(lang, 'downloadSvg')
            : t(lang, 'downloadPng', { width: request.width });
      }
    },
  );
  return () => {
    unbind();
    control.remove();
  };
}
