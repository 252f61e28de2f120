/**
 * The picture of the view the desk chose, as SVG or PNG: the map's own export code
 * (src/embed/exportPicture.ts, the download control's), run on a store made from the chosen
 * options, and loaded only when the desk asks for a picture. Its house style is the deployment's
 * (the build's house file, imported by publishPage.ts as the map imports it), read from a hidden
 * `.cm-root` of this section as the map reads it from its own root.
 */
import type { CorridorData, Lang } from '../data/types.ts';
import type { OptionValues } from '../embed/snippet.ts';
import { pt } from '../i18n/publishStrings.ts';
import type { PictureRequest } from '../panels/download.ts';
import { h } from '../shared/dom.ts';
import { createCorridorStore } from '../state/store.ts';

export interface Downloads {
  el: HTMLElement;
  update(values: OptionValues): void;
  setLang(lang: Lang): void;
}

export function createDownloads(data: CorridorData, lang0: Lang): Downloads {
  let lang = lang0;
  let values: OptionValues = {};
  const heading = h('h2', { id: 'pub-download-title' });
  const status = h('p', { class: 'pub-status', role: 'status' });
  const requests: readonly PictureRequest[] = [{ format: 'svg' }, { format: 'png', width: 1200 }];
  const buttons = requests.map((request) => {
    const button = h('button', { type: 'button', 'data-format': request.format });
    button.addEventListener('click', () => {
      el.setAttribute('aria-busy', 'true');
      status.textContent = '';
      save(request).then(
        () => {
          el.removeAttribute('aria-busy');
          el.dataset.state = 'done';
        },
        (error: unknown) => {
          console.error('corridor-map: could not make the picture', error);
          el.removeAttribute('aria-busy');
          el.dataset.state = 'error';
          status.textContent = pt(lang, 'downloadFailed');
        },
      );
    });
    return { request, button };
  });
  const el = h(
    'section',
    { class: 'pub-downloads', 'aria-labelledby': heading.id },
    heading,
    h(
      'div',
      { class: 'pub-buttons' },
      buttons.map((b) => b.button),
    ),
    status,
  );
  const house = h('div', { class: 'cm-root', hidden: true });
  el.append(house);

  async function save(request: PictureRequest): Promise<void> {
    const { makePicture, saveFile } = await import('../embed/exportPicture.ts');
    const year = Number(values.year);
    const store = createCorridorStore(data, {
      lang: values.lang === 'en' ? 'en' : 'zh',
      ...(values.hub && { hub: values.hub }),
      ...(values.route && !values.hub && { route: values.route }),
      ...(Number.isInteger(year) && { year }),
    });
    // `auto` follows the reader's system; a picture has no reader yet: the light one.
    const theme = values.theme === 'dark' ? 'dark' : 'light';
    house.classList.toggle('cm-dark', theme === 'dark');
    const { blob, fileName } = await makePicture(store, theme, request, house);
    saveFile(el, blob, fileName);
  }

  const setLang = (l: Lang) => {
    lang = l;
    heading.textContent = pt(l, 'download');
    for (const { request, button } of buttons) {
      button.textContent = pt(l, request.format === 'svg' ? 'downloadSvg' : 'downloadPng');
    }
  };
  setLang(lang0);
  return {
    el,
    update: (v) => (values = v),
    setLang,
  };
}
