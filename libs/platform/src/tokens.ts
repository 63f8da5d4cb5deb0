// Injection tokens every app shares (here, apart from core.module.ts, so that modules CoreModule
// imports can inject them without an import cycle).
export const APP_CONFIG = Symbol('APP_CONFIG');
export const PRISMA = Symbol('PRISMA');
