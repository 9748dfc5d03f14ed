// Defined in core so that core checks of input (e.g. a network with no walkable street) can throw
// the same error class the readers do; io code keeps importing it from here.
export { LoadError, bilingualOf, messageZhOf, type Bilingual } from '../core/load-error.ts';
