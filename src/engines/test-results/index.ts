/** Test results: Allure results folders and JUnit reports read into one model, and what is asked of them. */

export * from './allure.ts';
export * from './archive.ts';
export * from './categories.ts';
export * from './folder.ts';
export * from './gate.ts';
export * from './junit.ts';
export type * from './model.ts';
export { testStatuses } from './model.ts';
