import { prespawnEngineWorker } from './app/engine-worker.ts';
import './ui/styles.css';

// First thing: start the engine worker, so DuckDB compiles while the rest of the page loads
// (the UI's code is a separate chunk, fetched and run after this line).
prespawnEngineWorker();

const target = document.getElementById('app');
if (!target) throw new Error('missing #app element');
const [{ mount }, { default: App }] = await Promise.all([import('svelte'), import('./ui/App.svelte')]);
export default mount(App, { target });
