import { createRng, type Rng } from '../../src/core/random';
import { adminCellOf, buildTownships, chooseSeats, dataMask, makeAdminGrid, makeCountyMask, type AdminGrid, type Township } from './admin';
import { finishDem, flowPath, routeSurface, shapeValleyFloors, type FinalDem } from './hydrology';
import { makeFrame, type Frame, type GenerateOptions } from './options';
import { chooseReservoir, type Reservoir } from './reservoir';
import { traceRivers, type RiverSegment } from './rivers';
import { addFloorUndulation, COARSE_FACTOR, evolveCoarseTerrain, refineTerrain } from './terrain';

/**
 * The physical and administrative base of the county: terrain, drainage, reservoir, county and
 * townships. Everything later (villages, hazards, roads, zones) is placed on this.
 */
export interface World {
  options: GenerateOptions;
  frame: Frame;
  rng: Rng;
  /** Final DEM (Int16, metres), routing, slope, channels. */
  hydro: FinalDem;
  /** DEM cells with data (county plus ~1 km); outside is nodata. */
  inData: Uint8Array;
  /** Admin grid (120 m), county mask and township index per admin cell. */
  admin: AdminGrid;
  county: Uint8Array;
  townshipOfCell: Int16Array;
  townships: Township[];
  /** DEM cells of the main river from the inflow to the outlet. */
  trunk: Uint8Array;
  reservoir: Reservoir | null;
  /** DEM cells draining into the reservoir. */
  reservoirCatchment: Uint8Array;
  rivers: RiverSegment[];
  /** Channel threshold in m² used for rivers. */
  channelAreaM2: number;
}

export function buildWorld(options: GenerateOptions): World {
  const frame = makeFrame(options);
  const rng = createRng(options.seed);
  const { width, height } = frame;
  const n = width * height;
  const admin = makeAdminGrid(frame);
  const county = makeCountyMask(admin, rng.fork('county'));

  const coarse = evolveCoarseTerrain(frame, rng.fork('coarse'), options.evolutionSteps);
  const z = refineTerrain(frame, coarse, rng.fork('refine'));
  const outletRow = Math.min(height - 1, Math.floor(coarse.outlet / coarse.width) * COARSE_FACTOR + 1);
  const outlet = outletRow * width + (width - 1);
  const inflowCoarseRow = Math.floor(coarse.inflow / coarse.width);
  let inflow = -1;
  for (let r = inflowCoarseRow * COARSE_FACTOR; r < Math.min(height, inflowCoarseRow * COARSE_FACTOR + COARSE_FACTOR); r++) {
    if (inflow < 0 || z[r * width] < z[inflow]) inflow = r * width;
  }
  const inflowAreaM2 = Math.max(50, frame.areaKm2 * 1.5) * 1e6;
  const channelAreaM2 = Math.min(4e6, Math.max(1e6, frame.areaKm2 * 2e3));

  let routing = routeSurface(z, frame, outlet, inflow, inflowAreaM2);
  shapeValleyFloors(z, routing, 2e5, width, height);
  addFloorUndulation(z, frame, rng.fork('floor'));
  routing = routeSurface(z, frame, outlet, inflow, inflowAreaM2);

  const trunk = new Uint8Array(n);
  for (const c of flowPath(routing.receiver, inflow)) trunk[c] = 1;
  const countyInner = new Uint8Array(n);
  {
    const inner = new Uint8Array(admin.width * admin.height);
    const margin = 2;
    for (let r = margin; r < admin.height - margin; r++) {
      for (let c = margin; c < admin.width - margin; c++) {
        let all = 1;
        for (let dr = -margin; dr <= margin && all; dr++) for (let dc = -margin; dc <= margin; dc++) if (!county[(r + dr) * admin.width + c + dc]) all = 0;
        inner[r * admin.width + c] = all;
      }
    }
    for (let i = 0; i < n; i++) countyInner[i] = inner[adminCellOf(frame, admin, i)];
  }
  const reservoir = chooseReservoir(frame, z, routing, trunk, (cell) => countyInner[cell] === 1);
  if (reservoir) {
    for (let i = 0; i < n; i++) if (reservoir.mask[i]) z[i] = reservoir.levelM;
  }
  const hydro = finishDem(z, frame, outlet, inflow, inflowAreaM2, channelAreaM2);
  trunk.fill(0);
  for (const c of flowPath(hydro.routing.receiver, inflow)) trunk[c] = 1;
  const reservoirCatchment = new Uint8Array(n);
  if (reservoir) {
    const { order, count, receiver } = hydro.routing;
    for (let k = 0; k < count; k++) {
      const i = order[k];
      reservoirCatchment[i] = reservoir.mask[i] || reservoirCatchment[receiver[i]] ? 1 : 0;
    }
  }

  const inData = dataMask(frame, admin, county, 1000);
  const lake = reservoir ? reservoir.mask : new Uint8Array(n);
  const townshipCount = Math.max(3, Math.round((12 * county.reduce((s, v) => s + v, 0) * admin.cellSizeMeters ** 2) / 1e6 / 1100));
  const seats = chooseSeats(frame, admin, county, hydro.slopeDeg, hydro.dem, trunk, hydro.channel, lake, townshipCount);
  const { townshipOfCell, townships } = buildTownships(frame, admin, county, hydro.slopeDeg, seats, rng.fork('townships'));
  const rivers = traceRivers(frame, hydro, inData, trunk, rng.fork('rivers'), 15);
  return { options, frame, rng, hydro, inData, admin, county, townshipOfCell, townships, trunk, reservoir, reservoirCatchment, rivers, channelAreaM2 };
}
