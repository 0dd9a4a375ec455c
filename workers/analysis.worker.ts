import * as Comlink from 'comlink';
import { createAnalysisApi } from './analysis.api';

// The worker only exposes the API; everything testable lives in analysis.api.ts.
Comlink.expose(createAnalysisApi());
