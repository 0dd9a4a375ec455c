import { serveGridJobs, type GridPort } from './grid-pool';
import { GRID_KERNELS } from './grid.kernels';

// The worker only serves band jobs; the protocol lives in grid-pool.ts, the kernels in grid.kernels.ts.
serveGridJobs(GRID_KERNELS, self as unknown as GridPort);
