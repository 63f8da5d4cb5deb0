// Who is logged in (GET /auth/me), held once per page; the server still decides every call.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, ApiError, setCsrf, type Me } from '../api';

export const useSession = defineStore('session', () => {
  const me = ref<Me | null>(null);

  /** Loads the session; false when there is none (401). */
  async function load(): Promise<boolean> {
    try {
      const m = await api<Me>('GET', '/auth/me');
      me.value = m;
      setCsrf(m.csrf);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        clear();
        return false;
      }
      throw e;
    }
  }

  function clear(): void {
    me.value = null;
    setCsrf(null);
  }

  async function logout(): Promise<void> {
    try {
      await api('POST', '/auth/logout');
    } finally {
      clear();
    }
  }

  const canAudit = computed(() => me.value?.role === 'admin' || me.value?.role === 'coordinator');

  return { me, load, clear, logout, canAudit };
});
