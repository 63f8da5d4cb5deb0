export { OfficeFeature } from './office.feature.js';
export * from './office.schemas.js';
