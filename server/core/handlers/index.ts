import type { Handlers } from '../dispatch'
import { adminHandlers } from './admin'
import { birthdaysHandlers } from './birthdays'
import { campaignsHandlers } from './campaigns'
import { careAssignHandlers } from './careAssign'
import { careLeagueHandlers } from './careLeague'
import { careMineHandlers } from './careMine'
import { dataHandlers } from './data'
import { departmentsHandlers } from './departments'
import { giftsHandlers } from './gifts'
import { giftSheetsHandlers } from './giftSheets'
import { listExportHandlers } from './listExports'
import { memberHandlers } from './members'
import { purchasesHandlers } from './purchases'
import { reportPrintHandlers } from './reportPrint'
import { reportsHandlers } from './reports'
import { sessionHandlers } from './session'
import { storeSalesHandlers } from './storeSales'
import { tiersHandlers } from './tiers'
import { tillImportHandlers } from './tillImport'
import { vouchersHandlers } from './vouchers'
import { yearlyHandlers } from './yearly'

/** Every contract call's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...sessionHandlers,
  ...memberHandlers,
  ...adminHandlers,
  ...dataHandlers,
  ...purchasesHandlers,
  ...tillImportHandlers,
  ...tiersHandlers,
  ...listExportHandlers,
  ...giftsHandlers,
  ...giftSheetsHandlers,
  ...careMineHandlers,
  ...careLeagueHandlers,
  ...careAssignHandlers,
  ...birthdaysHandlers,
  ...reportsHandlers,
  ...storeSalesHandlers,
  ...departmentsHandlers,
  ...reportPrintHandlers,
  ...vouchersHandlers,
  ...yearlyHandlers,
  ...campaignsHandlers,
}
