/** The dataset manager (saved datasets: list, switch, rename, delete). */
export { default as DatasetManager } from './DatasetManager.svelte';
