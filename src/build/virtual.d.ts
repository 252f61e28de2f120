/** The offline basemap, built from world-atlas by `basemapPlugin` (src/build/basemapPlugin.ts). */
declare module 'virtual:corridor-basemap' {
  // An ambient module cannot `import` by relative path, and a top-level import would turn this
  // file into a module (then `declare module` would be an augmentation of nothing).
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const basemap: import('../data/basemap.ts').Basemap;
  export default basemap;
}

/** The lite view's land as one pre-projected SVG path, built by `basemapPlugin`. */
declare module 'virtual:corridor-land' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const land: import('../data/landPath.ts').LandPath;
  export default land;
}

/** The house style file, or an empty stylesheet (`housePlugin`, src/build/housePlugin.ts). */
declare module 'virtual:corridor-house.css';
