/**
 * Text handling shared by the search index builder and the search page: normalising a query (full-width
 * forms, traditional characters, case), and cutting text into the tokens the bigram index uses.
 *
 * Chinese has no spaces, and Pagefind's segmenter sometimes cuts a place name into single characters
 * or keeps a short word inside a longer one (听证 in 听证会). The bigram index therefore indexes overlapping
 * character pairs (bigrams), which find any substring of two or more characters, plus Latin/digit words
 * with their inner + - . kept (8+3, 7+x, 1+6).
 */

// Traditional characters common in community-affairs writing, each above its simplified form. Residents
// from Hong Kong, Taiwan or overseas may type 聽證會 or 業委會 (or 華涇路 for a road); the index holds
// simplified text.
const TRADITIONAL =
  '會議證聽業區電車長門號樓組東書見們來時個這學國說經發問題關頭點機對現動體應還進種開實樣員爾當無為與後過麼從幾讓頁處條萬數聯網務計產幫團夥鄰裡裏辦費綠環衛規劃設備維護廣場準決訊談諮詢調協園鎮鄉縣幹選舉權稅錢銀賬帳貨賣買價單據記錄歷曆壓爭執糾紛訟鬧鬥災險彈擔憂慮聲響廳舊戶陽陰雲氣熱涼燈爐廚廁廢雜亂髒潔滿飛養醫療藥殘兒孫親婦愛戀歲壽喪紅結織統總級紀約線練細終給絡續緊繼纖變遷遠運達違適邊鏈鐵鋼錯鐘鍾鎖鑰間閒閉閱闆隊階際陳陸隨雙雞難雖離靜韓順須領頻顧顯風飯飲館馬駐驗魚鳥麥黃齊齡龍龜傳僅億優儲內兩冊劇勞勢勵華參叢嚴圍圖圓堅報塊塵墊壞夢奪奮獎婁寧寶審寫將專尋導屬層岡島嶺帥師帶幣廟彎徑復態憲懷戰擁擇擴攝敗敵斷於曉暫曬棄棟楊極構標樹橋檢歡殺毀沒溝溫濟灣烏煙獨獲畢畫異盜盡監盤確禮稱穩窮竊筆節範築簡籃糧緒編縮罰羅聖聞職脅腦臨興艦莊葉蔣蘇蘭蟲術衝補製複襲覺觀訂訓託許詐評試話該詳誌認誤請諾謀謝識譜譯讀讚豐貝負財責貧貼資賓賞質賴購贈贊趕趨跡踐躍軍軟載輔輕輛輪輸轉農迴週遊遺郵鄭醜釋針銷鋪錦閃閣闊隱雛靈韻頂項預頓額願類飄騙驚髮鬆麗黨齒滬閔匯濱灘閘憑樂濕壩蓋營擬遞滯紓懸擾謠韌傷屆慶貸儀廈彙滙棧灑壇蠟燭錶糰麵餅餃鏡簾搶擋擠撐擺攤攜攔潛澆濫燒燦爺犧狀獅獻瓊癒皺盞睜礎碼禍穀窩竄筍篩籠籤紙紮絕絲綁綜綢緣縫繡繩繳罷羨義習聰聳膽膚臉艱蒼蔥薦薩藍藝蘋蝦蠶衆眾裝襯覽訪診詞誠誕語課論諸講謎譽豎豬貓貢販貫貴賀賊賠賢賤賽贏趙蹤軌較輝轄轟辭遲遼鈴鉛銅鋒鍋鍵鏟鑄鑑闖陣隸霧韋頌頗頸顏颱臺颳飢飽餘餵駕駛騎騰驅驟鬍鮮鳳鳴鴨鵝鷹鹽黴懇墾戲損捨掃揚換揮搖擊攏攬敘斂暢暈朧櫃檔櫥殼氾沖滅渦測湧滷漁漲潑潤澀澤濃濤瀉瀝瀟爛牆獄瑣疊瘡癢盧矯磚祿禪窯競筧箏簽紋納紐純紡紳絆絨綱綿緩緯縱繞繪繭纏罈肅脈腎腫膠艙蘆虛蝕螢蠻衊褲覓視覲訃訴註詠詩誇誘誨説諒諧謹譏讒豈貞貪賦賜贓贛躉軒軸輩輯輿轎遜釘鈍鈕鉤銳鋸鍊煉鍛鎊鐮鑲閥閩闡陝隴霽靂鞏頒頑頰顆顛飼餓餚饒馭駁駝騷驕驢骯鬱魯鯉鴉鴻鵑鶴黷齋涇潯嶼瀋濰紹蕭楓崗漢僑瀾滄瀏橫'
const SIMPLIFIED =
  '会议证听业区电车长门号楼组东书见们来时个这学国说经发问题关头点机对现动体应还进种开实样员尔当无为与后过么从几让页处条万数联网务计产帮团伙邻里里办费绿环卫规划设备维护广场准决讯谈咨询调协园镇乡县干选举权税钱银账账货卖买价单据记录历历压争执纠纷讼闹斗灾险弹担忧虑声响厅旧户阳阴云气热凉灯炉厨厕废杂乱脏洁满飞养医疗药残儿孙亲妇爱恋岁寿丧红结织统总级纪约线练细终给络续紧继纤变迁远运达违适边链铁钢错钟钟锁钥间闲闭阅板队阶际陈陆随双鸡难虽离静韩顺须领频顾显风饭饮馆马驻验鱼鸟麦黄齐龄龙龟传仅亿优储内两册剧劳势励华参丛严围图圆坚报块尘垫坏梦夺奋奖娄宁宝审写将专寻导属层冈岛岭帅师带币庙弯径复态宪怀战拥择扩摄败敌断于晓暂晒弃栋杨极构标树桥检欢杀毁没沟温济湾乌烟独获毕画异盗尽监盘确礼称稳穷窃笔节范筑简篮粮绪编缩罚罗圣闻职胁脑临兴舰庄叶蒋苏兰虫术冲补制复袭觉观订训托许诈评试话该详志认误请诺谋谢识谱译读赞丰贝负财责贫贴资宾赏质赖购赠赞赶趋迹践跃军软载辅轻辆轮输转农回周游遗邮郑丑释针销铺锦闪阁阔隐雏灵韵顶项预顿额愿类飘骗惊发松丽党齿沪闵汇滨滩闸凭乐湿坝盖营拟递滞纾悬扰谣韧伤届庆贷仪厦汇汇栈洒坛蜡烛表团面饼饺镜帘抢挡挤撑摆摊携拦潜浇滥烧灿爷牺状狮献琼愈皱盏睁础码祸谷窝窜笋筛笼签纸扎绝丝绑综绸缘缝绣绳缴罢羡义习聪耸胆肤脸艰苍葱荐萨蓝艺苹虾蚕众众装衬览访诊词诚诞语课论诸讲谜誉竖猪猫贡贩贯贵贺贼赔贤贱赛赢赵踪轨较辉辖轰辞迟辽铃铅铜锋锅键铲铸鉴闯阵隶雾韦颂颇颈颜台台刮饥饱余喂驾驶骑腾驱骤胡鲜凤鸣鸭鹅鹰盐霉恳垦戏损舍扫扬换挥摇击拢揽叙敛畅晕胧柜档橱壳泛冲灭涡测涌卤渔涨泼润涩泽浓涛泻沥潇烂墙狱琐叠疮痒卢矫砖禄禅窑竞笕筝签纹纳纽纯纺绅绊绒纲绵缓纬纵绕绘茧缠坛肃脉肾肿胶舱芦虚蚀萤蛮蔑裤觅视觐讣诉注咏诗夸诱诲说谅谐谨讥谗岂贞贪赋赐赃赣趸轩轴辈辑舆轿逊钉钝钮钩锐锯炼炼锻镑镰镶阀闽阐陕陇霁雳巩颁顽颊颗颠饲饿肴饶驭驳驼骚骄驴肮郁鲁鲤鸦鸿鹃鹤黩斋泾浔屿沈潍绍萧枫岗汉侨澜沧浏横'

let table: Map<string, string> | undefined
const variants = () => {
  if (!table) {
    const from = [...TRADITIONAL]
    const to = [...SIMPLIFIED]
    table = new Map(from.map((char, i) => [char, to[i]]))
  }
  return table
}

/** 聽證會 → 听证会; other characters are kept. */
export const toSimplified = (text: string) =>
  [...text].map((char) => variants().get(char) ?? char).join('')

/** Full-width letters, digits and signs to ASCII (ＡＢ１２＋ → ab12+), lower case, simplified characters, single spaces. */
export const normalizeText = (text: string) =>
  toSimplified(text.normalize('NFKC').toLowerCase()).replace(/\s+/g, ' ').trim()

const HAN = /\p{Script=Han}/u
const TOKEN = /\p{Script=Han}+|[\p{L}\p{N}]+(?:[+\-.#][\p{L}\p{N}]+)*/gu

/** Runs of Chinese characters and Latin/digit words, in order (punctuation and spaces dropped). */
export const words = (text: string): string[] => normalizeText(text).match(TOKEN) ?? []

/** True when the text has something searchable: a letter, a digit or a Chinese character. */
export const hasSearchableText = (text: string) => words(text).length > 0

export const isHan = (word: string) => HAN.test(word)

/**
 * The bigram index's tokens: overlapping pairs of each Chinese run (a lone character stays itself),
 * and each Latin/digit word whole, plus its parts when it has inner signs (8+3 → 8+3, 8, 3).
 */
export function grams(text: string): string[] {
  const out: string[] = []
  for (const word of words(text)) {
    if (isHan(word)) {
      const chars = [...word]
      if (chars.length === 1) out.push(word)
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1])
    } else {
      out.push(word)
      const parts = word.split(/[+\-.#]/).filter(Boolean)
      if (parts.length > 1) out.push(...parts)
    }
  }
  return out
}

/** A small, stable string hash (FNV-1a over UTF-16 units), the same in Node and the browser. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c])

/**
 * `text` as HTML with every occurrence of the query's words marked (<mark>), matching after
 * normalisation so 聽證 marks 听证. Chinese runs longer than two characters also mark their pairs,
 * so 停车难 still marks 停车 in 停车管理.
 */
export function markMatches(text: string, query: string): string {
  const needles = new Set<string>()
  for (const word of words(query)) {
    needles.add(word)
    if (isHan(word) && [...word].length > 2) for (const pair of grams(word)) needles.add(pair)
  }
  // One normalised entry per character of `text`, so a match maps straight back to positions in it.
  const chars = [...text].map((c) => normalizeText(c) || c)
  const marked = new Array<boolean>(chars.length).fill(false)
  for (const needle of needles) {
    const n = [...needle]
    for (let i = 0; i + n.length <= chars.length; i++) {
      let hit = true
      for (let j = 0; j < n.length && hit; j++) hit = chars[i + j] === n[j]
      if (hit) for (let j = 0; j < n.length; j++) marked[i + j] = true
    }
  }
  let html = ''
  let open = false
  ;[...text].forEach((char, i) => {
    if (marked[i] && !open) html += '<mark>'
    if (!marked[i] && open) html += '</mark>'
    open = marked[i]
    html += escapeHtml(char)
  })
  return open ? `${html}</mark>` : html
}
