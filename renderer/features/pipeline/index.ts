/** The pipeline feature as other parts of the app see it: its manifest, and the pipeline picker Settings reuses. */
export { pipelineManifest } from './manifest';
export { PipelineSelect } from './PipelineSelect';
