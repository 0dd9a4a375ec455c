import { expose } from 'comlink';
import { createSuitabilityApi } from './suitability.api';
import { createGridPool, type GridPool } from './grid-pool';
import { poolKernels } from './suitability.kernels';

// One pool for the worker's life; its workers start with the first project's grid.
let pool: GridPool | null = null;
expose(createSuitabilityApi({ kernels: () => poolKernels((pool ??= createGridPool())) }));
