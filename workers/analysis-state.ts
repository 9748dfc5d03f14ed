import { areaContext, type AreaContext, type PreparedNetwork } from '../src/core/area-context.ts';
import type { FacilityTable, PopulationTable } from '../src/core/point-tables.ts';

/**
 * What a worker keeps between messages: the loaded layers and the built graph. The snapped
 * context is rebuilt only when a layer or the snap limit changes.
 */
export class AnalysisState {
  population?: PopulationTable;
  facilities?: FacilityTable;
  network?: PreparedNetwork;
  private ctx?: AreaContext;
  private ctxKey = '';
  private version = 0;

  set(layer: Partial<Pick<AnalysisState, 'population' | 'facilities' | 'network'>>): void {
    Object.assign(this, layer);
    this.version++;
  }

  context(maxSnapM: number): AreaContext {
    if (!this.population) throw new Error('No population layer loaded yet.');
    if (!this.facilities) throw new Error('No facility layer loaded yet.');
    const key = `${this.version}:${maxSnapM}`;
    if (!this.ctx || key !== this.ctxKey) {
      this.ctx = areaContext(this.population, this.facilities, this.network, maxSnapM);
      this.ctxKey = key;
    }
    return this.ctx;
  }
}

