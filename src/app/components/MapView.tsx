import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import mlWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';

maplibregl.setWorkerUrl(mlWorkerUrl);

export interface MapViewProps {
  style: maplibregl.StyleSpecification;
  bbox: [number, number, number, number];
  layers: Layer[];
  attribution: string[];
  /** [minLon, minLat, maxLon, maxLat] to fly to, with a key that changes per request. */
  focus: { bbox: [number, number, number, number]; key: number } | null;
  onHover: (info: PickingInfo) => void;
  onClick: (info: PickingInfo) => void;
  onIdle?: () => void;
}

/** maplibre draws the offline basemap; deck.gl draws the analysis layers interleaved on top. */
export function MapView({ style, bbox, layers, attribution, focus, onHover, onClick, onIdle }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const overlay = useRef<MapLibreOverlay | null>(null);
  const handlers = useRef({ onHover, onClick, onIdle });
  handlers.current = { onHover, onClick, onIdle };

  useEffect(() => {
    const m = new maplibregl.Map({
      container: container.current!,
      style,
      bounds: bbox,
      fitBoundsOptions: { padding: 20 },
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    } as maplibregl.MapOptions);
    m.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: attribution }), 'bottom-right');
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    const o = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onHover: (info) => handlers.current.onHover(info),
      onClick: (info) => handlers.current.onClick(info),
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
    });
    m.addControl(o);
    m.on('idle', () => handlers.current.onIdle?.());
    map.current = m;
    overlay.current = o;
    (window as unknown as { __lifecircleMap?: maplibregl.Map }).__lifecircleMap = m;
    return () => {
      m.remove();
      map.current = null;
    };
    // The map is created once; style and bounds changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    overlay.current?.setProps({ layers });
  }, [layers]);

  useEffect(() => {
    if (focus) map.current?.fitBounds(focus.bbox, { padding: 80, maxZoom: 16, duration: 600 });
  }, [focus]);

  return <div ref={container} className="map" data-testid="map" />;
}
