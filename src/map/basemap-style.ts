import type { StyleSpecification } from 'maplibre-gl';

/**
 * An offline basemap from the area's own OSM layers (no tile server is reachable): residential
 * land use, buildings and streets as GeoJSON sources. No glyphs or sprites, so nothing is
 * fetched; labels are drawn by deck.gl.
 */
export function basemapStyle(urls: { streets?: string; buildings?: string; landuse?: string }): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }],
  };
  if (urls.landuse) {
    style.sources.landuse = { type: 'geojson', data: urls.landuse };
    style.layers.push({ id: 'landuse-residential', type: 'fill', source: 'landuse', paint: { 'fill-color': '#e9e0d2', 'fill-outline-color': '#d8ccb8' } });
  }
  if (urls.buildings) {
    style.sources.buildings = { type: 'geojson', data: urls.buildings };
    style.layers.push({ id: 'buildings', type: 'fill', source: 'buildings', paint: { 'fill-color': '#d6d0c6', 'fill-outline-color': '#bdb5a8' } });
  }
  if (urls.streets) {
    style.sources.streets = { type: 'geojson', data: urls.streets };
    const major = ['in', ['get', 'highway'], ['literal', ['trunk', 'primary', 'secondary', 'trunk_link', 'primary_link', 'secondary_link']]];
    const paths = ['in', ['get', 'highway'], ['literal', ['footway', 'path', 'steps', 'pedestrian', 'cycleway']]];
    style.layers.push(
      { id: 'streets-casing', type: 'line', source: 'streets', filter: major as never, paint: { 'line-color': '#c9bfae', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 3, 17, 14] } },
      { id: 'streets-major', type: 'line', source: 'streets', filter: major as never, paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 17, 11] } },
      { id: 'streets-minor', type: 'line', source: 'streets', filter: ['all', ['!', major], ['!', paths]] as never, paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 17, 6] } },
      { id: 'streets-paths', type: 'line', source: 'streets', filter: paths as never, paint: { 'line-color': '#a59d8f', 'line-width': 1, 'line-dasharray': [2, 1.5] } },
    );
  }
  return style;
}
