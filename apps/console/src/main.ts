// The coordinators' console: Vue 3, Element Plus, vue-router and Pinia, served by apps/api at /console/.
// Only the Element Plus components the pages use are registered (the bundle keeps the rest out).
import { createPinia } from 'pinia';
import { createApp, type Plugin } from 'vue';
import {
  ElAlert,
  ElButton,
  ElConfigProvider,
  ElDatePicker,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElForm,
  ElFormItem,
  ElInput,
  ElLoading,
  ElOption,
  ElSelect,
  ElTable,
  ElTableColumn,
  ElTag,
  ElTimeline,
  ElTimelineItem,
  ElCheckbox,
  ElSwitch,
} from 'element-plus';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { router } from './router';
import './styles.css';

const parts: Plugin[] = [
  ElAlert,
  ElButton,
  ElConfigProvider,
  ElDatePicker,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElForm,
  ElFormItem,
  ElInput,
  ElLoading,
  ElOption,
  ElSelect,
  ElTable,
  ElTableColumn,
  ElTag,
  ElTimeline,
  ElTimelineItem,
  ElCheckbox,
  ElSwitch,
];

const app = createApp(App).use(createPinia()).use(router);
for (const p of parts) app.use(p);
app.mount('#app');
