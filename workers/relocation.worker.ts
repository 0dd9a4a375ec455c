import { expose } from 'comlink';
import highsLoader from 'highs';
import wasmUrl from 'highs/runtime?url';
import { createRelocationApi } from './relocation.api';

expose(createRelocationApi({ loadHighs: () => highsLoader({ locateFile: () => wasmUrl }) }));
