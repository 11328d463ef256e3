// The standards engine (考评): catalogue, evaluation, attestations, completeness grid.
export { listStandards, findIndicator, STANDARDS, type StandardSummary } from './catalogue';
export { runAudit } from './evaluate';
export { attest } from './attestations';
export { completenessGrid } from './grid';
export { loadStandardsSettings, setStandardsInUse, setGrades, setCadence, DEFAULT_GRADES } from './settings';
