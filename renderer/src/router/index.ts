import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { isApiError } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import { homeFor, mayVisit } from './access'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a logged-in operator (first run, login). */
    public?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/setup', name: 'setup', component: () => import('@/views/FirstRunView.vue'), meta: { public: true } },
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true } },
  {
    path: '/connection',
    name: 'connection',
    component: () => import('@/views/ConnectionView.vue'),
    meta: { public: true },
  },
  {
    path: '/',
    component: () => import('@/layouts/MainLayout.vue'),
    redirect: () => ({ name: homeFor(useSessionStore().role) }),
    children: [
      { path: 'members', name: 'members', component: () => import('@/views/members/MembersView.vue') },
      {
        path: 'points',
        name: 'points',
        component: () => import('@/views/points/PointsView.vue'),
        redirect: { name: 'points-desk' },
        children: [
          { path: 'desk', name: 'points-desk', component: () => import('@/views/points/DeskPurchase.vue') },
          { path: 'import', name: 'points-import', component: () => import('@/views/points/TillImport.vue') },
          { path: 'expiring', name: 'points-expiring', component: () => import('@/views/points/ExpiringPoints.vue') },
          {
            path: 'expired-cards',
            name: 'points-expired-cards',
            component: () => import('@/views/points/ExpiredCards.vue'),
          },
          { path: 'sleeping', name: 'points-sleeping', component: () => import('@/views/points/SleepingMembers.vue') },
        ],
      },
      {
        path: 'gifts',
        name: 'gifts',
        component: () => import('@/views/gifts/GiftsView.vue'),
        redirect: { name: 'gifts-desk' },
        children: [
          { path: 'desk', name: 'gifts-desk', component: () => import('@/views/gifts/RedeemDesk.vue') },
          { path: 'yearly', name: 'gifts-yearly', component: () => import('@/views/gifts/YearlyDesk.vue') },
          { path: 'stock', name: 'gifts-stock', component: () => import('@/views/gifts/StockView.vue') },
          { path: 'catalogue', name: 'gifts-catalogue', component: () => import('@/views/gifts/CatalogueView.vue') },
          { path: 'report', name: 'gifts-report', component: () => import('@/views/gifts/GiftReportView.vue') },
        ],
      },
      {
        path: 'care',
        name: 'care',
        component: () => import('@/views/care/CareView.vue'),
        redirect: { name: 'care-mine' },
        children: [
          { path: 'mine', name: 'care-mine', component: () => import('@/views/care/MyVips.vue') },
          { path: 'vips', name: 'care-vips', component: () => import('@/views/care/HighValueList.vue') },
          { path: 'staff', name: 'care-staff', component: () => import('@/views/care/StaffRegister.vue') },
          { path: 'auto', name: 'care-auto', component: () => import('@/views/care/AutoAssign.vue') },
          { path: 'league', name: 'care-league', component: () => import('@/views/care/LeagueView.vue') },
          { path: 'cakes', name: 'care-cakes', component: () => import('@/views/care/CakeList.vue') },
        ],
      },
      {
        path: 'campaigns',
        name: 'campaigns',
        component: () => import('@/views/campaigns/CampaignsView.vue'),
        redirect: { name: 'campaigns-mine' },
        children: [
          { path: 'mine', name: 'campaigns-mine', component: () => import('@/views/campaigns/MyCalls.vue') },
          { path: 'list', name: 'campaigns-list', component: () => import('@/views/campaigns/CampaignList.vue') },
        ],
      },
      {
        path: 'birthday',
        name: 'birthday',
        component: () => import('@/views/birthday/BirthdayView.vue'),
        redirect: { name: 'birthday-month' },
        children: [
          { path: 'month', name: 'birthday-month', component: () => import('@/views/birthday/MonthList.vue') },
          { path: 'batches', name: 'birthday-batches', component: () => import('@/views/birthday/BatchesView.vue') },
          { path: 'costs', name: 'birthday-costs', component: () => import('@/views/birthday/CostsView.vue') },
          {
            path: 'settings',
            name: 'birthday-settings',
            component: () => import('@/views/birthday/BirthdaySettings.vue'),
          },
        ],
      },
      {
        path: 'reports',
        name: 'reports',
        component: () => import('@/views/reports/ReportsView.vue'),
        redirect: { name: 'reports-dashboard' },
        children: [
          {
            path: 'dashboard',
            name: 'reports-dashboard',
            component: () => import('@/views/reports/DashboardView.vue'),
          },
          {
            path: 'store-sales',
            name: 'reports-store-sales',
            component: () => import('@/views/reports/StoreSalesView.vue'),
          },
        ],
      },
      {
        path: 'settings',
        name: 'settings',
        component: () => import('@/views/settings/SettingsView.vue'),
        redirect: { name: 'settings-store' },
        children: [
          { path: 'store', name: 'settings-store', component: () => import('@/views/settings/StoreSettings.vue') },
          { path: 'points', name: 'settings-points', component: () => import('@/views/settings/PointsSettings.vue') },
          { path: 'tiers', name: 'settings-tiers', component: () => import('@/views/settings/TierSettings.vue') },
          { path: 'care', name: 'settings-care', component: () => import('@/views/settings/CareSettings.vue') },
          {
            path: 'vouchers',
            name: 'settings-vouchers',
            component: () => import('@/views/settings/VoucherSettings.vue'),
          },
          {
            path: 'departments',
            name: 'settings-departments',
            component: () => import('@/views/settings/DepartmentsSettings.vue'),
          },
          {
            path: 'operators',
            name: 'settings-operators',
            component: () => import('@/views/settings/OperatorsSettings.vue'),
          },
          { path: 'data', name: 'settings-data', component: () => import('@/views/settings/DataSettings.vue') },
          { path: 'audit', name: 'settings-audit', component: () => import('@/views/settings/AuditLog.vue') },
          {
            path: 'connection',
            name: 'settings-connection',
            component: () => import('@/views/settings/ConnectionSettings.vue'),
          },
        ],
      },
    ],
  },
  { path: '/:rest(.*)*', redirect: { name: 'members' } },
]

// Hash history: the built renderer is loaded from file://, where path URLs cannot be resolved.
export const router = createRouter({ history: createWebHashHistory(), routes })

/** Sends every navigation to the screen the session allows: first run, login, or a permitted page. */
router.beforeEach(async (to) => {
  const session = useSessionStore()
  // 连接 needs no session: it is where a desk goes when there is none to ask (server unreachable).
  if (to.name === 'connection') return true
  if (!session.loaded) {
    try {
      await session.refresh()
    } catch (e) {
      if (isApiError(e) && e.kind === 'transport' && window.vipdeskConnection) {
        return { name: 'connection', query: { error: e.message } }
      }
      throw e
    }
  }
  if (session.needsSetup) return to.name === 'setup' ? true : { name: 'setup' }
  if (!session.operator) return to.name === 'login' ? true : { name: 'login' }
  if (to.meta.public) return { name: 'members' }
  const denied = to.matched.some((r) => typeof r.name === 'string' && !mayVisit(r.name, session.role))
  return denied ? { name: 'members' } : true
})
