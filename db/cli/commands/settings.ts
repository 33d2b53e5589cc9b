import { getStoreDetails, updateStoreDetails, type StoreDetails } from '../../services/storeDetails'
import type { CliContext } from '../context'

const show = (d: StoreDetails) =>
  [
    `门店名称  ${d.name}`,
    `门店地址  ${d.address || '（未设置）'}`,
    `邮政编码  ${d.postcode || '（未设置）'}`,
    `门店电话  ${d.phone || '（未设置）'}`,
  ].join('\n')

/**
 * `settings store [--name …] [--address …] [--postcode …] [--phone …]`: the sender block of the
 * store's printed mail, for servers and scripts that never open 设置 → 门店. With no option it
 * prints the current values; with some it saves them (audited) and prints the result.
 */
export async function settingsStoreCommand(ctx: CliContext): Promise<void> {
  const { name, address, postcode, phone } = ctx.args
  const given = { name, address, postcode, phone }
  const changed = Object.values(given).some((v) => v !== undefined)
  const details = changed ? updateStoreDetails(ctx.db, given, ctx.actor) : getStoreDetails(ctx.db)
  await ctx.result(details)
  await ctx.say(changed ? `已保存门店信息：\n${show(details)}` : show(details))
  if (!details.address) await ctx.say('提示：没有门店地址时，信封、标签和明信片上的寄件人只有门店名称，退信无处可退。')
}
