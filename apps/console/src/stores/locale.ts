// The console's language: zh-CN first, English on the toggle (kept in localStorage). Switches
// Element Plus's own texts and every text of the console's catalogues.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import elEn from 'element-plus/es/locale/lang/en';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import { en } from '../i18n/en';
import { zhCN, type MessageKey } from '../i18n/zh-CN';

export type Lang = 'zh-CN' | 'en';
const KEY = 'baiying.console.lang';

function initial(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const hasKey = (k: string): k is MessageKey => Object.prototype.hasOwnProperty.call(zhCN, k);

export const useLocale = defineStore('locale', () => {
  const lang = ref<Lang>(initial());
  const elementLocale = computed(() => (lang.value === 'en' ? elEn : elZhCn));

  function t(key: MessageKey, params: Record<string, string | number> = {}): string {
    const text: string = lang.value === 'en' ? en[key] : zhCN[key];
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  }

  /** A catalogued label for a server value (status, category…), or the value itself when unknown. */
  function label(prefix: string, value: string | null | undefined): string {
    if (value === null || value === undefined || value === '') return t('common.none');
    const k = `${prefix}.${value}`;
    return hasKey(k) ? t(k) : value;
  }

  function toggle(): void {
    lang.value = lang.value === 'en' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(KEY, lang.value);
    } catch {
      // private mode: the choice lasts for this page only
    }
    document.documentElement.lang = lang.value;
  }

  function time(iso: string | null | undefined): string {
    if (!iso) return t('common.none');
    return new Date(iso).toLocaleString(lang.value === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
  }

  return { lang, elementLocale, t, label, toggle, time };
});
