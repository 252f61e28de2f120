/**
 * The strings of the publishing desk (publish.html, src/publish/), in both languages. The labels
 * of the options themselves live with the options (src/embed/optionsSchema.ts).
 */
import type { Lang } from '../data/types.ts';
import { fill } from './strings.ts';

const en = {
  pageTitle: 'Publish the map',
  intro:
    'Choose what the map shows. The previews are the real embed, drawn from the snippet below as it would be pasted; copy the snippet into the article.',
  pageLanguage: 'Page language',
  options: 'Options',
  none: 'None',
  lastYear: 'The last year of the data ({year})',
  pinToday: "Pin to today's data ({date})",
  pinNone: 'No snapshot of the current data in this deployment (build it to make one)',
  pinMeans:
    'Pinning keeps the figures the map shows today, even after the data is updated: the article shows the snapshot of that date, drawn by the code deployed at the time. Leave it off to follow the data as it is updated.',
  titlePlaceholder: 'Default: {title}',
  stepsNote:
    'A story that moves the map as the reader scrolls needs steps in the article: see "Scrollytelling without code" in docs/embedding.md.',
  preview: 'Preview',
  deskWidth: 'Article column width',
  previewAt: 'Preview at {width} px',
  reserved: 'Reserved before the map arrives: {height} px',
  realHeight: 'Height of the map: {height} px',
  realPending: 'Height of the map: loading…',
  reservedNote:
    'embed.js reserves the height of the map with no panel open; a map that opens a hub or a route is taller, so keep its place in the article’s own stylesheet (docs/embedding.md, “The snippet”).',
  snippet: 'The snippet (embed.js)',
  snippetHelp: 'Paste this where the map goes.',
  iframe: 'A plain iframe (pym.js, AMP, @newswire/frames)',
  shareLink: 'Share link',
  oembed: 'oEmbed URL',
  copy: 'Copy',
  copyWhat: 'Copy: {what}',
  copied: 'Copied: {what}',
  copyFailed: 'Could not copy; select the text and copy it yourself.',
  download: 'Picture of this view',
  downloadSvg: 'Download SVG',
  downloadPng: 'Download PNG (1200 px)',
  downloadFailed: 'Could not make the picture.',
  warnings: 'Some values in this page’s address were ignored:',
  loadFailed: 'The data could not be loaded: {message}',
};

export type PublishKey = keyof typeof en;

const zh: Record<PublishKey, string> = {
  pageTitle: '发布地图',
  intro:
    '选择地图显示的内容。预览就是真实的嵌入效果，由下面的代码片段按粘贴后的样子绘制；把代码片段复制到文章里。',
  pageLanguage: '页面语言',
  options: '选项',
  none: '无',
  lastYear: '数据的最后一年（{year}）',
  pinToday: '固定为今天的数据（{date}）',
  pinNone: '此部署中没有当前数据的快照（构建一次即可生成）',
  pinMeans:
    '固定数据后，即使数据更新，地图仍显示今天的数字：文章显示该日期的快照，由当时部署的代码绘制。不勾选则随数据更新。',
  titlePlaceholder: '默认：{title}',
  stepsNote:
    '随读者滚动而变化的地图需要在文章中设置步骤：见 docs/embedding.md 的“无需代码的滚动叙事”。',
  preview: '预览',
  deskWidth: '文章栏宽',
  previewAt: '{width} 像素宽的预览',
  reserved: '地图到达前预留的高度：{height} 像素',
  realHeight: '地图的高度：{height} 像素',
  realPending: '地图的高度：加载中…',
  reservedNote:
    'embed.js 预留的是未打开面板时地图的高度；打开枢纽或线路的地图更高，请在文章自己的样式表中为它保留位置（docs/embedding.md，“The snippet”）。',
  snippet: '代码片段（embed.js）',
  snippetHelp: '把它粘贴在地图所在的位置。',
  iframe: '普通 iframe（pym.js、AMP、@newswire/frames）',
  shareLink: '分享链接',
  oembed: 'oEmbed 地址',
  copy: '复制',
  copyWhat: '复制：{what}',
  copied: '已复制：{what}',
  copyFailed: '无法复制；请选中文本自行复制。',
  download: '此视图的图片',
  downloadSvg: '下载 SVG',
  downloadPng: '下载 PNG（1200 像素）',
  downloadFailed: '无法生成图片。',
  warnings: '此页面地址中的部分值已被忽略：',
  loadFailed: '无法加载数据：{message}',
};

export const PUBLISH_STRINGS: Record<Lang, Record<PublishKey, string>> = { zh, en };

/** A string of the desk in `lang`, with `{name}` placeholders filled from `values`. */
export function pt(
  lang: Lang,
  key: PublishKey,
  values: Record<string, string | number> = {},
): string {
  return fill(PUBLISH_STRINGS[lang][key], values);
}
