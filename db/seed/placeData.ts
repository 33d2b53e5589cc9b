/**
 * Tables behind the sample addresses. The store is placed in 杭州 (浙江省); weights are rough
 * shares of a city-centre store's members. Postal codes: China's first two digits name the
 * province, the first three the postal zone (usually one prefecture-level city).
 */

// prettier-ignore
const URBAN_ROADS = ['延安路', '解放路', '庆春路', '凤起路', '体育场路', '中山北路', '建国北路', '秋涛路', '平海路', '清泰街', '望江路', '环城北路']
// prettier-ignore
const WEST_ROADS = ['文三路', '文二路', '文一路', '教工路', '学院路', '天目山路', '古墩路', '西溪路', '留和路', '文一西路', '紫金港路']
// prettier-ignore
const NORTH_ROADS = ['莫干山路', '湖墅南路', '上塘路', '德胜路', '大关路', '香积寺路', '登云路', '丰潭路']
// prettier-ignore
const BINJIANG_ROADS = ['江南大道', '滨盛路', '江晖路', '长河路', '滨安路', '网商路', '闻涛路']
// prettier-ignore
const XIAOSHAN_ROADS = ['市心路', '金城路', '人民路', '北干路', '萧然南路', '育才路', '山阴路']
// prettier-ignore
const YUHANG_ROADS = ['临平大道', '五常大道', '文一西路', '南苑街', '迎宾路', '世纪大道', '星光街']
// prettier-ignore
const COUNTY_ROADS = ['人民路', '迎春路', '新城路', '文化路', '环城路', '江滨路', '健康路', '府前路']

// prettier-ignore
export const HOME = {
  province: '浙江省',
  city: '杭州市',
  districts: {
    上城区: { weight: 22, roads: URBAN_ROADS, postal: ['310002', '310003', '310008', '310009', '310016', '310020'] },
    拱墅区: { weight: 20, roads: NORTH_ROADS, postal: ['310004', '310005', '310006', '310011', '310014', '310015'] },
    西湖区: { weight: 18, roads: WEST_ROADS, postal: ['310012', '310013', '310023', '310030'] },
    滨江区: { weight: 10, roads: BINJIANG_ROADS, postal: ['310051', '310052', '310053'] },
    萧山区: { weight: 8, roads: XIAOSHAN_ROADS, postal: ['311200', '311201', '311202', '311203'] },
    余杭区: { weight: 8, roads: YUHANG_ROADS, postal: ['311100', '311113', '311121'] },
    临平区: { weight: 4, roads: YUHANG_ROADS, postal: ['311100', '311103'] },
    钱塘区: { weight: 4, roads: ['学源街', '文泽路', '下沙路', '海达南路', '义蓬路'], postal: ['310018', '311215'] },
    富阳区: { weight: 2, roads: COUNTY_ROADS, postal: ['311400'] },
    临安区: { weight: 2, roads: COUNTY_ROADS, postal: ['311300'] },
    桐庐县: { weight: 1, roads: COUNTY_ROADS, postal: ['311500'] },
    建德市: { weight: 0.5, roads: COUNTY_ROADS, postal: ['311600'] },
    淳安县: { weight: 0.5, roads: COUNTY_ROADS, postal: ['311700'] },
  } as Record<string, { weight: number; roads: string[]; postal: string[] }>,
  /** The rest of the home province, nearer and bigger cities first. */
  provinceCities: [
    ['绍兴市', 5], ['嘉兴市', 4], ['湖州市', 3], ['宁波市', 3], ['金华市', 2], ['温州市', 2],
    ['台州市', 1.5], ['衢州市', 1], ['丽水市', 1], ['舟山市', 0.5],
  ] as [string, number][],
}

/** Members from elsewhere: mostly the big cities and the neighbouring provinces. */
// prettier-ignore
export const OUT_OF_TOWN: [string, number][] = [
  ['上海市/上海市', 8], ['江苏省/苏州市', 4], ['江苏省/南京市', 3], ['安徽省/合肥市', 3], ['北京市/北京市', 3],
  ['江苏省/无锡市', 2], ['江西省/南昌市', 2], ['福建省/福州市', 1.5], ['福建省/厦门市', 1.5], ['广东省/广州市', 2],
  ['广东省/深圳市', 2], ['湖北省/武汉市', 2], ['四川省/成都市', 1.5], ['河南省/郑州市', 1.5], ['湖南省/长沙市', 1.5],
  ['山东省/济南市', 1], ['山东省/青岛市', 1], ['陕西省/西安市', 1], ['天津市/天津市', 1], ['重庆市/重庆市', 1],
  ['辽宁省/沈阳市', 0.5], ['黑龙江省/哈尔滨市', 0.5], ['云南省/昆明市', 0.5], ['广西壮族自治区/南宁市', 0.5],
]

/** First three digits of the postal codes of some cities. */
// prettier-ignore
export const POSTAL_ZONE: Record<string, string> = {
  北京市: '100', 上海市: '200', 天津市: '300', 重庆市: '400', 杭州市: '310', 宁波市: '315', 温州市: '325',
  嘉兴市: '314', 湖州市: '313', 绍兴市: '312', 金华市: '321', 衢州市: '324', 舟山市: '316', 台州市: '318',
  丽水市: '323', 南京市: '210', 苏州市: '215', 无锡市: '214', 合肥市: '230', 南昌市: '330', 福州市: '350',
  厦门市: '361', 广州市: '510', 深圳市: '518', 武汉市: '430', 成都市: '610', 郑州市: '450', 长沙市: '410',
  济南市: '250', 青岛市: '266', 西安市: '710', 沈阳市: '110', 哈尔滨市: '150', 昆明市: '650', 南宁市: '530',
}

/** First two digits of the postal codes of each province. */
// prettier-ignore
export const POSTAL_PREFIX: Record<string, string[]> = {
  北京市: ['10'], 天津市: ['30'], 河北省: ['05', '06', '07'], 山西省: ['03', '04'], 内蒙古自治区: ['01', '02'],
  辽宁省: ['11', '12'], 吉林省: ['13'], 黑龙江省: ['15', '16'], 上海市: ['20'], 江苏省: ['21', '22'],
  浙江省: ['31', '32'], 安徽省: ['23', '24'], 福建省: ['35', '36'], 江西省: ['33', '34'], 山东省: ['25', '26', '27'],
  河南省: ['45', '46', '47'], 湖北省: ['43', '44'], 湖南省: ['41', '42'], 广东省: ['51', '52'],
  广西壮族自治区: ['53', '54'], 海南省: ['57'], 重庆市: ['40'], 四川省: ['61', '62', '63', '64'],
  贵州省: ['55', '56'], 云南省: ['65', '66', '67'], 西藏自治区: ['85'], 陕西省: ['71', '72'],
  甘肃省: ['73', '74'], 青海省: ['81'], 宁夏回族自治区: ['75'], 新疆维吾尔自治区: ['83', '84'],
}

/** Roads that exist in most Chinese cities, for addresses outside the home city. */
// prettier-ignore
export const ROADS = [
  '人民路', '解放路', '中山路', '建设路', '和平路', '新华路', '胜利路', '文化路', '光明路', '东风路', '朝阳路',
  '长江路', '黄河路', '青年路', '幸福路', '团结路', '迎宾大道', '世纪大道', '滨江路', '学府路', '体育路', '工农路',
]

// prettier-ignore
export const COMPOUNDS = [
  '阳光花园', '金色家园', '和美家园', '锦绣苑', '翠苑', '景园', '东方名苑', '世纪新城', '幸福里', '春江花苑',
  '新华坊', '明月小区', '南苑新村', '丽都花园', '桂花城', '香樟苑', '枫林湾', '湖畔居', '水岸花园', '紫荆苑',
  '绿洲花园', '朝晖新村', '青枫墅园', '蓝天公寓', '嘉和苑', '玉泉小区', '天水苑', '西子花园', '运河人家', '星河湾',
]
