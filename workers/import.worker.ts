import * as Comlink from 'comlink';
import { createImportApi } from './import.api';

// The worker only exposes the API; everything testable lives in import.api.ts.
Comlink.expose(createImportApi());
