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
    { path: '/corrections', name: 'corrections', component: () => import('./pages/CorrectionsPage.vue') },
    { path: '/audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { audit: true } },
    { path: '/sessions', name: 'sessions', component: () => import('./pages/SessionsPage.vue') },
    { path: '/volunteers', name: 'volunteers', component: () => import('./pages/VolunteersPage.vue') },
    { path: '/volunteers/:id', name: 'volunteer', component: () => import('./pages/VolunteerPage.vue'), props: true },
    { path: '/teams', name: 'teams', component: () => import('./pages/TeamsPage.vue') },
    { path: '/teams/:id', name: 'team', component: () => import('./pages/TeamPage.vue'), props: true },
    { path: '/emergency', name: 'emergency', component: () => import('./pages/EmergencyPage.vue') },
    { path: '/settings', name: 'settings', component: () => import('./pages/SettingsPage.vue'), meta: { settings: true } },
    { path: '/dashboard', name: 'dashboard', component: () => import('./pages/DashboardPage.vue') },
    { path: '/publicity', name: 'publicity', component: () => import('./pages/PublicityPage.vue') },
    { path: '/exports', name: 'exports', component: () => import('./pages/ExportsPage.vue') },
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
  if (to.meta.settings && session.me?.role !== 'admin') return { name: 'needs' };
  return true;
});

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    audit?: boolean;
    settings?: boolean;
  }
}
