import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import HomePage from './features/home/views/HomePage.vue'

/** One route per job; each feature owns its page file. Hash history works in both hosts. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage },
  { path: '/prepare', name: 'prepare', component: () => import('./features/prepare/views/PreparePage.vue') },
  { path: '/teach', name: 'teach', component: () => import('./features/teach/views/TeachPage.vue') },
  { path: '/interact', name: 'interact', component: () => import('./features/interact/views/InteractPage.vue') },
  { path: '/sync', name: 'sync', component: () => import('./features/sync/views/SyncPage.vue') },
  { path: '/library', name: 'library', component: () => import('./features/library/views/LibraryPage.vue') },
  { path: '/stats', name: 'stats', component: () => import('./features/stats/views/StatsPage.vue') },
  { path: '/settings', name: 'settings', component: () => import('./features/settings/views/SettingsPage.vue') },
  { path: '/print/:docId', name: 'print', component: () => import('./features/print/PrintView.vue') },
  { path: '/:rest(.*)*', redirect: '/' }
]

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
