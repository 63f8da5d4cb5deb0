// The console's routes under /console/ (history mode; the API serves index.html for any of them).
// A route that needs a session sends a logged-out visitor to the login page (and back after).
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { useSession } from './stores/session';

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/', redirect: '/needs' },
    { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    { path: '/needs', name: 'needs', component: () => import('./pages/NeedsPage.vue') },
    { path: '/needs/:id', name: 'need', component: () => import('./pages/NeedDetailPage.vue'), props: true },
    { path: '/audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { audit: true } },
    { path: '/sessions', name: 'sessions', component: () => import('./pages/SessionsPage.vue') },
    { path: '/calls', name: 'calls', component: () => import('./pages/CallsPage.vue') },
    { path: '/calls/:code', name: 'call', component: () => import('./pages/CallPage.vue'), props: true },
    { path: '/dispatch', name: 'dispatch', component: () => import('./pages/DispatchPage.vue') },
    { path: '/:rest(.*)*', redirect: '/needs' },
  ],
});

router.beforeEach(async (to: RouteLocationNormalized) => {
  if (to.meta.public) return true;
  const session = useSession();
  if (!session.me && !(await session.load())) return { name: 'login', query: { next: to.fullPath } };
  // The audit page only for roles that may read it (the server refuses the others anyway).
  if (to.meta.audit && !session.canAudit) return { name: 'needs' };
  return true;
});

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    audit?: boolean;
  }
}
