// Runs the unit suite once per time zone (a CI runner's UTC and a zone with daylight saving):
// days and months are the store's, so every test must mean the same whatever TZ the machine has.
// Extra arguments go to vitest (e.g. a file filter). Portable: no shell syntax for setting TZ.
import { spawnSync } from 'node:child_process'

const ZONES = ['UTC', 'America/Los_Angeles']
const vitest = process.platform === 'win32' ? 'vitest.cmd' : 'vitest'

for (const tz of ZONES) {
  console.log(`\n=== 单元测试（TZ=${tz}）===`)
  const run = spawnSync(vitest, ['run', ...process.argv.slice(2)], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: {
      ...process.env,
      TZ: tz,
      PATH: `node_modules/.bin${process.platform === 'win32' ? ';' : ':'}${process.env.PATH}`,
    },
  })
  if (run.status !== 0) {
    console.error(`单元测试在 TZ=${tz} 下失败`)
    process.exit(run.status ?? 1)
  }
}
