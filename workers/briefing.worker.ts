import { expose } from 'comlink';
import { briefingApi } from './briefing.api';

// The worker only exposes the API; everything testable lives in briefing.api.ts.
expose(briefingApi);
