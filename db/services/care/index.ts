/** High-value members and their maintainers: staff, assignment, the maintenance log, the league and cakes. */
export {
  CARE_PLANNERS,
  contactsOf,
  contactsOfStaff,
  currentMaintainer,
  isCarePlanner,
  logContact,
  maintainerHistory,
  staffOfOperator,
  type ContactRecord,
  type LogContactInput,
  type MaintainerPeriod,
  type StaffBrief,
} from './contacts'
export {
  BIRTHDAY_SOON_DAYS,
  maintainerChoices,
  myVips,
  revealVipPhone,
  vipsOfStaff,
  type Attention,
  type MaintainerChoice,
  type MyVip,
  type MyVipsResult,
} from './myVips'
export {
  leagueContacts,
  leagueMonthOf,
  monthlyLeague,
  nextMonth,
  vipBirthdaysIn,
  type League,
  type LeagueContact,
  type LeagueRow,
  type VipBirthday,
} from './league'
export { cakeList, type CakeCandidate, type CakeDelivery, type CakeList, type CakeListInput } from './cakes'
export {
  cakeDeliverers,
  cakeGifts,
  cancelCake,
  deliverCake,
  scheduleCake,
  type CakeGift,
  type DeliverCakeInput,
  type ScheduleCakeInput,
} from './cakeDeliveries'
export * from './staff'
export * from './highValue'
export * from './assign'
export * from './autoAssign'
