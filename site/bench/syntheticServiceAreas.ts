/**
 * Generated committees with service areas, for measuring the lookup index at city scale (1,000 and
 * 100,000 committees), shaped like a large Chinese city's: about 20 committees to a street or town,
 * 1–4 estates to a committee (2.5 on average, on the generous side), a fifth of estates with another
 * name and a tenth with a former one, three in five committees with 1–3 road ranges. Estates near each other share an area name (古龙一村, 古龙二村 …) half of the time, and a
 * street's committees share its roads; everything else is drawn at random from a few hundred
 * place-name characters, one at a time.
 */
import { slugify } from '../../cms/hooks/formatSlug.ts'
import type { LookupCommunity } from '../lookup/lookupIndex.ts'
import type { Estate, RoadRange } from '../lookup/serviceArea.ts'

const CHARS = [
  ...'安宝北碧滨波昌长朝晨城春翠大德东都恩芳丰枫凤福富港高古广桂海航好和河红虹湖华怀欢黄汇佳嘉建江金锦景静九菊康兰蓝乐丽莲联林临龙隆鲁绿茂梅美民明南宁平浦七奇祺清庆秋泉仁荣瑞三森山上尚深升盛石书曙顺四松泰桃天田通同万旺维潍卫文吴五武西曦霞仙香祥翔新欣兴星杏秀旭徐轩雅阳杨怡宜颐银英盈永友玉裕园源月悦云泽张漳振正中众周竹紫',
]
const ESTATE_SUFFIXES = ['新村', '家园', '苑', '花园', '公寓', '小区', '雅苑', '嘉园', '名邸', '城']
const NUMBERED = ['一村', '二村', '三村', '四村', '五村', '六村', '七村', '八村', '九村', '十村']
const ROAD_SUFFIXES = ['路', '路', '路', '街', '大道', '弄']
const COMMITTEE_SUFFIXES = ['居委会', '居委会', '第一居委会', '第二居委会', '第三居委会']
const DISTRICTS = [
  '浦东新区',
  '黄浦区',
  '徐汇区',
  '长宁区',
  '静安区',
  '普陀区',
  '虹口区',
  '杨浦区',
  '闵行区',
  '宝山区',
  '嘉定区',
  '金山区',
  '松江区',
  '青浦区',
  '奉贤区',
  '崇明区',
]
const STREET_SUFFIXES = ['街道', '街道', '镇']
const COMMITTEES_PER_STREET = 20

export function syntheticCommunities(count: number, seedValue = 20261201): LookupCommunity[] {
  let seed = seedValue
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const stem = () => Array.from({ length: random() < 0.7 ? 2 : 3 }, () => pick(CHARS)).join('')
  const freeName = () => `${stem()}${pick(ESTATE_SUFFIXES)}`

  const streets = Array.from({ length: Math.ceil(count / COMMITTEES_PER_STREET) }, () => ({
    place: `${pick(DISTRICTS)} ${stem()}${pick(STREET_SUFFIXES)}`,
    areas: Array.from({ length: 3 }, stem),
    roads: Array.from({ length: 12 }, () => `${stem()}${pick(ROAD_SUFFIXES)}`),
  }))
  const slugs = new Set<string>()

  return Array.from({ length: count }, (_, i) => {
    const street = streets[Math.floor(i / COMMITTEES_PER_STREET)]
    const estates: Estate[] = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
      name: random() < 0.5 ? `${pick(street.areas)}${pick(NUMBERED)}` : freeName(),
      aliases: random() < 0.2 ? [freeName()] : [],
      formerNames: random() < 0.1 ? [freeName()] : [],
    }))
    const roads: RoadRange[] =
      random() < 0.6
        ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
            // One side of a road runs odd or even from end to end: 100–188 (even), 101–189 (odd).
            const parity = pick(['all', 'odd', 'even'] as const)
            const start = 1 + Math.floor(random() * 800)
            const from =
              parity === 'all' || start % 2 === (parity === 'odd' ? 1 : 0) ? start : start + 1
            return {
              road: pick(street.roads),
              from,
              to: from + 2 * Math.floor(random() * 100),
              parity,
              unit: pick(['number', 'lane'] as const),
            }
          })
        : []
    const name = `${estates[0].name.replace(/小区$/, '')}${pick(COMMITTEE_SUFFIXES)}`
    let slug = slugify(name)
    if (slugs.has(slug)) slug = `${slug}-${i}`
    slugs.add(slug)
    return { slug, name, place: street.place, area: { estates, roads } }
  })
}
