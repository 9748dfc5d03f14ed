import { ScatterplotLayer } from '@deck.gl/layers';
import { facilityTypeById } from '../../core/facility-types.ts';
import type { FacilityTable } from '../../core/point-tables.ts';

/** Facility points coloured by type; the selected type drawn large, the others small and faded. */
export function facilityLayer(f: FacilityTable, selectedType: string, selectedFacility: number | null) {
  const sel = f.types.indexOf(selectedType);
  const color = new Uint8Array(4 * f.length);
  const radius = new Float32Array(f.length);
  for (let i = 0; i < f.length; i++) {
    const rgb = facilityTypeById(f.types[f.typeIndex[i]])?.color ?? [90, 90, 90];
    const mine = f.typeIndex[i] === sel;
    color.set([...rgb, mine ? 255 : 110], 4 * i);
    radius[i] = i === selectedFacility ? 11 : mine ? 7 : 3;
  }
  return new ScatterplotLayer({
    id: 'facilities',
    data: { length: f.length, attributes: { getPosition: { value: f.coords, size: 2 }, getFillColor: { value: color, size: 4, normalized: true }, getRadius: { value: radius, size: 1 } } },
    radiusUnits: 'pixels',
    stroked: true,
    getLineColor: [255, 255, 255, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    pickable: true,
  });
}

/** The service radius (metres, straight line) around every facility of the selected type. */
export function serviceRadiusLayer(f: FacilityTable, selectedType: string, radiusM: number) {
  const sel = f.types.indexOf(selectedType);
  const pts: number[] = [];
  for (let i = 0; i < f.length; i++) if (f.typeIndex[i] === sel) pts.push(f.coords[2 * i], f.coords[2 * i + 1]);
  const rgb = facilityTypeById(selectedType)?.color ?? [90, 90, 90];
  return new ScatterplotLayer({
    id: 'service-radius',
    data: { length: pts.length / 2, attributes: { getPosition: { value: new Float64Array(pts), size: 2 } } },
    radiusUnits: 'meters',
    getRadius: radiusM,
    updateTriggers: { getRadius: radiusM },
    filled: true,
    getFillColor: [...rgb, 28],
    stroked: true,
    getLineColor: [...rgb, 200],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    pickable: false,
  });
}
