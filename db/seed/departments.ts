import type { Random } from './random'
import { Weighted } from './random'

/**
 * The store's sales departments (营业课) and their counters (专柜) for sample purchases. Prices
 * are log-normal around a counter's typical ticket: most lines near it, a long tail of big ones
 * (a jewellery counter sells the odd 30,000 元 necklace).
 */
export interface Counter {
  name: string
  /** Share of the department's lines */
  weight: number
  /** Typical line amount in 元 (the median) and how widely it spreads (log-normal sigma) */
  median: number
  sigma: number
  /** Share of special-price (no points) lines */
  special: number
}

export interface Department {
  name: string
  /** Share of all lines */
  weight: number
  /** Items per receipt: 1 + a geometric number with this mean */
  extraItems: number
  /** Chance that a sold line comes back */
  returnRate: number
  counters: Counter[]
}

const c = (name: string, weight: number, median: number, sigma: number, special = 0.04): Counter => ({
  name,
  weight,
  median,
  sigma,
  special,
})

export const DEPARTMENTS: Department[] = [
  {
    name: '营业一课',
    weight: 19,
    extraItems: 0.6,
    returnRate: 0.03,
    counters: [
      c('雅诗兰黛', 10, 520, 0.5),
      c('兰蔻', 9, 480, 0.5),
      c('资生堂', 7, 380, 0.5),
      c('欧莱雅', 8, 220, 0.45, 0.08),
      c('倩碧', 5, 360, 0.45),
      c('周大福', 7, 3200, 0.8, 0.02),
      c('老凤祥', 5, 2600, 0.8, 0.02),
      c('六福珠宝', 4, 2900, 0.8, 0.02),
      c('施华洛世奇', 4, 880, 0.5),
    ],
  },
  {
    name: '营业二课',
    weight: 21,
    extraItems: 0.5,
    returnRate: 0.045,
    counters: [
      c('哥弟', 8, 760, 0.5, 0.06),
      c('江南布衣', 6, 820, 0.5, 0.06),
      c('欧时力', 7, 620, 0.5, 0.1),
      c('雅莹', 5, 1350, 0.5, 0.05),
      c('秋水伊人', 6, 560, 0.5, 0.1),
      c('艾格', 6, 420, 0.5, 0.12),
      c('黛安芬内衣', 6, 320, 0.45, 0.08),
      c('百丽女鞋', 7, 680, 0.4, 0.08),
    ],
  },
  {
    name: '营业三课',
    weight: 17,
    extraItems: 0.4,
    returnRate: 0.04,
    counters: [
      c('雅戈尔', 7, 980, 0.5, 0.06),
      c('七匹狼', 6, 760, 0.5, 0.08),
      c('利郎', 5, 690, 0.5, 0.08),
      c('报喜鸟', 4, 1680, 0.5, 0.05),
      c('耐克', 9, 560, 0.45, 0.1),
      c('阿迪达斯', 8, 540, 0.45, 0.1),
      c('李宁', 6, 380, 0.45, 0.12),
      c('安踏', 5, 320, 0.45, 0.12),
      c('新秀丽箱包', 3, 1450, 0.45, 0.05),
    ],
  },
  {
    name: '营业四课',
    weight: 15,
    extraItems: 0.7,
    returnRate: 0.03,
    counters: [
      c('巴拉巴拉', 8, 260, 0.5, 0.1),
      c('安奈儿', 5, 310, 0.5, 0.08),
      c('好孩子', 5, 480, 0.7, 0.05),
      c('乐高', 4, 420, 0.6, 0.03),
      c('罗莱家纺', 6, 780, 0.6, 0.08),
      c('富安娜', 5, 690, 0.6, 0.08),
      c('苏泊尔', 5, 360, 0.5, 0.1),
      c('双立人', 4, 820, 0.5, 0.06),
    ],
  },
  {
    name: '营业五课',
    weight: 28,
    extraItems: 1.2,
    returnRate: 0.008,
    counters: [
      c('超市生鲜', 10, 68, 0.7, 0.15),
      c('超市食品', 12, 85, 0.8, 0.15),
      c('进口食品', 5, 160, 0.6, 0.08),
      c('烟酒茶叶', 4, 420, 0.8, 0.05),
      c('面包坊', 4, 42, 0.5, 0.05),
      c('美食广场', 6, 58, 0.5, 0),
      c('星巴克', 4, 46, 0.35, 0),
    ],
  },
]

export interface DepartmentPicker {
  department: Weighted<Department>
  counters: Map<Department, Weighted<Counter>>
}

export function departmentPicker(): DepartmentPicker {
  return {
    department: new Weighted(DEPARTMENTS.map((d) => [d, d.weight] as const)),
    counters: new Map(DEPARTMENTS.map((d) => [d, new Weighted(d.counters.map((x) => [x, x.weight] as const))])),
  }
}

/** A standard normal deviate (Box–Muller); `1 - next()` keeps the logarithm away from zero. */
export function gaussian(rnd: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rnd.next())) * Math.cos(2 * Math.PI * rnd.next())
}

/**
 * One line's amount in fen, priced as tills print them: whole 10 元 above 1,000 元, whole 元 above
 * 50 元, 1 角 below (supermarket items).
 */
export function lineAmountFen(rnd: Random, counter: Counter): number {
  const yuan = Math.min(200_000, Math.max(2, counter.median * Math.exp(counter.sigma * gaussian(rnd))))
  if (yuan >= 1000) return Math.round(yuan / 10) * 1000
  if (yuan >= 50) return Math.round(yuan) * 100
  return Math.round(yuan * 10) * 10
}
