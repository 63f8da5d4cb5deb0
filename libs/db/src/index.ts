export * from './prisma.js';
export * from './repositories/org.repository.js';
export * from './repositories/people.repository.js';
export * from './repositories/volunteer.repository.js';
export * from './repositories/need.repository.js';
export * from './repositories/messaging.repository.js';
export * from './repos.js';
