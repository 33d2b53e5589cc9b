import { describe, expect, it } from 'vitest'
import { addressLines, postalDigits, recipientLine, senderLines } from '../../db/rules/mailBlock'

const at = (province: string | null, city: string | null, district: string | null, address: string | null) => ({
  province,
  city,
  district,
  address,
})

describe('the address block of a card or label (Chinese order)', () => {
  it('writes 省市区 on one line without spaces and the street on the next', () => {
    expect(addressLines(at('浙江省', '杭州市', '西湖区', '文三路 90 号 3 幢 502 室'))).toEqual([
      '浙江省杭州市西湖区',
      '文三路 90 号 3 幢 502 室',
    ])
  })
  it("writes a municipality's name once (北京市北京市 → 北京市)", () => {
    expect(addressLines(at('北京市', '北京市', '朝阳区', '建国路88号'))).toEqual(['北京市朝阳区', '建国路88号'])
    expect(addressLines(at('上海市', '上海市', '浦东新区', '世纪大道100号'))).toEqual([
      '上海市浦东新区',
      '世纪大道100号',
    ])
  })
  it('prints a county-level city without a district, with no gap', () => {
    expect(addressLines(at('河南省', '济源市', null, '济水大街 1 号'))).toEqual(['河南省济源市', '济水大街 1 号'])
    expect(addressLines(at('河南省', '济源市', '', '济水大街 1 号'))).toEqual(['河南省济源市', '济水大街 1 号'])
  })
  it('never leaves a blank line or prints null for a missing part', () => {
    expect(addressLines(at(null, null, null, '人民路 1 号'))).toEqual(['人民路 1 号'])
    expect(addressLines(at('江苏省', '苏州市', '姑苏区', null))).toEqual(['江苏省苏州市姑苏区'])
    expect(addressLines(at(null, null, null, null))).toEqual([])
    expect(addressLines(at('  ', ' ', null, '  '))).toEqual([])
    for (const line of addressLines(at('广东省', null, '天河区', '体育西路'))) {
      expect(line).not.toMatch(/null|undefined|^\s*$/)
    }
  })
  it('does not repeat 省市区 a clerk also typed into the street', () => {
    expect(addressLines(at('浙江省', '杭州市', '西湖区', '浙江省杭州市西湖区文三路 90 号'))).toEqual([
      '浙江省杭州市西湖区',
      '文三路 90 号',
    ])
    expect(addressLines(at('北京市', '北京市', '朝阳区', '北京市朝阳区建国路88号'))).toEqual([
      '北京市朝阳区',
      '建国路88号',
    ])
  })
  it('squashes full-width and repeated spaces from imports', () => {
    expect(addressLines(at(' 江苏省', '南京市 ', '鼓楼区', '中山路\u3000\u3000 1 号'))).toEqual([
      '江苏省南京市鼓楼区',
      '中山路 1 号',
    ])
  })
})

describe('the recipient line', () => {
  it('addresses 先生 / 女士 from the gender and ends with 收', () => {
    expect(recipientLine('张三', '男')).toBe('张三 先生 收')
    expect(recipientLine('李四', '女')).toBe('李四 女士 收')
  })
  it('with the gender unknown prints just the name and 收', () => {
    expect(recipientLine('王五', null)).toBe('王五 收')
    expect(recipientLine(' 王五 ', '')).toBe('王五 收')
  })
})

describe('the six postal-code boxes', () => {
  it('holds one digit per box', () => {
    expect(postalDigits('310012')).toEqual(['3', '1', '0', '0', '1', '2'])
    expect(postalDigits('３１００１２')).toEqual(['3', '1', '0', '0', '1', '2'])
  })
  it('stays empty (not "null") when the code is missing or not six digits', () => {
    const empty = ['', '', '', '', '', '']
    expect(postalDigits(null)).toEqual(empty)
    expect(postalDigits(undefined)).toEqual(empty)
    expect(postalDigits('')).toEqual(empty)
    expect(postalDigits('31001')).toEqual(empty)
    expect(postalDigits('31001x')).toEqual(empty)
  })
})

describe('the sender block (寄件人)', () => {
  const store = {
    storeName: '和平百货',
    storeAddress: '浙江省杭州市上城区解放路 1 号',
    storePostalCode: '310002',
    storePhone: '0571-8888 6666',
  }
  it('gives address, store, postal code and phone', () => {
    expect(senderLines(store)).toEqual([
      '浙江省杭州市上城区解放路 1 号',
      '和平百货',
      '邮政编码 310002',
      '电话 0571-8888 6666',
    ])
  })
  it('leaves out what is not set, with no blank lines', () => {
    expect(senderLines({ ...store, storeAddress: '', storePhone: ' ' })).toEqual(['和平百货', '邮政编码 310002'])
    expect(senderLines({ ...store, storePostalCode: '1234' })).toEqual([
      '浙江省杭州市上城区解放路 1 号',
      '和平百货',
      '电话 0571-8888 6666',
    ])
    expect(senderLines({ storeName: '', storeAddress: '', storePostalCode: '', storePhone: '' })).toEqual([])
  })
})
