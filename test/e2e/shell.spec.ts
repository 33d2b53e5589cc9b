import { expect, test } from './support/fixtures'

test('the real main process answers the renderer through the preload bridge', async ({ app }) => {
  const state = await app.page.evaluate(() => window.vipdesk.invoke('session:state', undefined))
  expect(state).toMatchObject({ ok: true, data: { needsSetup: true, operator: null } })
})

test('the built renderer loads from app:// under the strict CSP', async ({ app }) => {
  const errors: string[] = []
  app.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await expect(app.page.getByTestId('app-root')).toBeVisible()
  expect(errors).toEqual([])
})
