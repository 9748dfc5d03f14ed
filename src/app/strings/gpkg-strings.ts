/** GeoPackage / GeoParquet import: where a layer's coordinate system came from when the file itself says it. */
export const GPKG_STRINGS = {
  gpkgCrsFromFile: ['来自文件', 'from the file'],
} satisfies Record<string, [string, string]>;
