import type { SitingProgress } from './siting-problem.ts';

/** Options shared by the siting heuristics. */
export interface HeuristicOptions {
  /** Called now and then with (fraction 0..1, label); a thrown error aborts the solve and propagates. */
  progress?: SitingProgress;
  /** Accepted for interface symmetry; the heuristics are deterministic and draw no random numbers. */
  seed?: number;
}
