/* global document, fetch */
// Test pages load a built entry of the app, whatever its hashed name, through vite's manifest,
// with the CSS of every chunk it imports (the entry's CSS can sit on those chunks).
export async function loadEntry(key) {
  const manifest = await (await fetch('/.vite/manifest.json')).json();
  const css = new Set();
  const visit = (name) => {
    const chunk = manifest[name];
    for (const file of chunk.css ?? []) css.add(file);
    for (const child of chunk.imports ?? []) visit(child);
  };
  visit(key);
  for (const file of css) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/' + file;
    document.head.append(link);
  }
  return import('/' + manifest[key].file);
}
