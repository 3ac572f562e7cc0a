// zh (default) and en. t('key') answers the text of the chosen language; {0} is replaced by the first argument.
const TEXTS = {
  zh: {
    brand: '高原溯源', console: '业务控制台', otherLang: 'English', signOut: '退出',
    signInTitle: '登录', login: '登录名', password: '密码', signIn: '登录', signingIn: '正在登录…',
    demoHint: '演示账号：登录名为合作社等的代号（如 yigong-tea-coop），密码见 data/demo-tokens.env。',
    navLots: '批次', navHarvest: '登记采收', navProcess: '加工', navPack: '装箱', navShip: '发货', navReceive: '收货',
    navReadings: '冷链数据', navLab: '检测结果', navDashboard: '监管看板', navPeople: '人员',
    personName: '姓名', role: '角色', addPerson: '添加人员', personAdded: '已添加 {0}',
    role_party_admin: '管理员', role_operator: '操作员', role_viewer: '只读', role_regulator: '监管人员', role_platform_admin: '平台管理员',
    lotsTitle: '批次', search: '搜索', lotCodeFilter: '批次号', commodity: '品类', all: '全部', noLots: '没有批次。',
    product: '产品', site: '地点', quantity: '数量', unit: '单位', harvestedAt: '采收时间', time: '时间',
    harvestTitle: '登记采收批次', register: '登记', registered: '已登记批次 {0}', attributes: '品类信息',
    lotTitle: '批次 {0}', digitalLink: '数字链接', qr: '批次二维码', owner: '所有者', recalled: '已召回',
    issueCodes: '生成单品码', count: '数量（个）', issue: '生成', issuing: '已生成 {0} / {1} 个码（{2}%）…', batchCodes: '{1} 生成 {0} 个码：', issued: '已生成 {0} 个码',
    labels: '下载标签 PDF', codesCsv: '下载 CSV', codeBatches: '单品码批次', qrPng: '下载 PNG（印刷用）', qrSvg: '下载 SVG', trace: '溯源图', history: '历史表格 (CSV)',
    recallTitle: '召回此批次', reason: '原因', recall: '召回', recallDone: '已召回 {0} 个批次',
    processTitle: '登记加工批次', processingSite: '加工地点', steps: '工序', processNote: '工艺说明',
    inputs: '投入批次', inputLot: '批次', addInput: '添加投入', remove: '移除', output: '产出', outputProduct: '产出产品',
    record: '登记', processed: '已生成新批次 {0}',
    packTitle: '装箱', packAction: '操作', packIn: '装箱（放入箱或托盘）', packOut: '拆箱（从箱或托盘取出）',
    sscc: '箱或托盘的 SSCC（18 位；输入前 17 位即自动补校验位）', ssccFull: '完整 SSCC：{0}',
    packCodes: '单品码（每行一个：序列号或数字链接，可扫码录入）', nextCount: '个数', fillNext: '填入下一批未装箱的码',
    fewerUnpacked: '只剩 {0} 个未装箱的码', packCases: '放上托盘的箱（每行一个 SSCC）',
    packedDone: '已装箱 {0}：{1}', unpackedDone: '已从 {0} 取出：{1}',
    casesTitle: '本批次的箱与托盘', packedCount: '{0} / {1} 个单品码已装箱，共 {2} 个箱或托盘', casesListed: '下列最近的 {0} 个', findCase: '按箱码查找（留空显示全部）', find: '查找', findAgain: '查找 / 显示全部', caseNotFound: '本批次没有这个箱码的箱或托盘。', noCases: '还没有装箱。',
    contents: '内容', ssccShort: 'SSCC', onPallet: '在托盘 {0} 上', nPacks: '{0} 个单品码', nCases: '{0} 箱', takeOut: '取出',
    noHoldings: '你方目前没有持有的批次。', packThisLot: '装箱',
    shipTitle: '发货', lot: '批次', fromSite: '发货地点', toParty: '收货方', toSite: '收货地点（可选）',
    carrier: '承运方（可选）', none: '无', ship: '发货', shipped: '已发货，运单 {0}',
    receiveTitle: '收货', incoming: '待收货运单', noIncoming: '没有待收货的运单。', receive: '收货', received: '已收货',
    from: '发货方', to: '收货方', shippedAt: '发货时间', receivedAt: '收货时间', atSite: '收货地点',
    readingsTitle: '上传冷链温度记录', shipment: '运单', csvFile: 'CSV 文件（时间,温度[,测量项,设备]）', noCsvChosen: '请先选择温度记录仪导出的 CSV 文件。',
    upload: '上传', parsed: '已读取 {0} 条记录', uploading: '正在上传 {0}/{1}', uploaded: '已上传 {0} 条记录',
    labTitle: '登记检测结果', sampleLink: '样品二维码（用扫码枪扫描样品标签，或粘贴其链接）', labParty: '检测机构', reportNumber: '报告编号', test: '检测项目', result: '结果', passed: '合格',
    labDone: '已登记检测结果', test_pesticide_residue: '农药残留', test_veterinary_drug_residue: '兽药残留', test_quarantine: '检疫',
    test_moisture: '水分', test_heavy_metals: '重金属', test_microbiology: '微生物', test_other: '其他',
    traceTitle: '溯源图 · {0}', backward: '向上追溯（来源）', forward: '向下追踪（去向）', traceHint: '点击批次打开详情。',
    fb_quality: '质量问题', fb_counterfeit: '疑似假冒', fb_labelling: '标签问题', fb_safety: '食品安全', fb_other: '其他',
    cert_organic: '有机农产品', cert_green_food: '绿色食品', cert_pollution_free: '无公害农产品', cert_geographic_indication: '农产品地理标志',
    cert_food_production_licence: '食品生产许可 (SC)', cert_gmp: 'GMP 认证', cert_haccp: 'HACCP 体系认证', cert_iso22000: 'ISO 22000', cert_other: '其他证书',
    dashboardTitle: '监管看板', lotsByCommodity: '各品类批次数', lotsByCounty: '各县批次数',
    certificatesExpiring: '30 天内到期的证书', coldChainExcursions: '冷链超标的运单', recalls: '召回',
    scansByRegion: '各地区扫码次数', suspiciousCodes: '可疑的码', feedback: '公众反馈', feedbackByCategory: '反馈类别',
    nothing: '无', scans: '次扫码', regions: '个地区', unknownRegion: '未知',
    working: '处理中…', failed: '失败：{0}', loading: '加载中…', back: '返回', open: '打开'
  },
  en: {
    brand: 'Plateau Trace', console: 'Operator console', otherLang: '中文', signOut: 'Sign out',
    signInTitle: 'Sign in', login: 'Login', password: 'Password', signIn: 'Sign in', signingIn: 'Signing in…',
    demoHint: 'Demo: the login is a party key (e.g. yigong-tea-coop); the password is in data/demo-tokens.env.',
    navLots: 'Lots', navHarvest: 'Register harvest', navProcess: 'Process', navPack: 'Pack', navShip: 'Ship', navReceive: 'Receive',
    navReadings: 'Cold chain', navLab: 'Lab result', navDashboard: 'Dashboard', navPeople: 'People',
    personName: 'Name', role: 'Role', addPerson: 'Add a person', personAdded: '{0} added',
    role_party_admin: 'Administrator', role_operator: 'Operator', role_viewer: 'Viewer', role_regulator: 'Regulator', role_platform_admin: 'Platform administrator',
    lotsTitle: 'Lots', search: 'Search', lotCodeFilter: 'Lot code', commodity: 'Commodity', all: 'All', noLots: 'No lots.',
    product: 'Product', site: 'Site', quantity: 'Quantity', unit: 'Unit', harvestedAt: 'Harvested at', time: 'Time',
    harvestTitle: 'Register a harvest lot', register: 'Register', registered: 'Lot {0} registered', attributes: 'Commodity details',
    lotTitle: 'Lot {0}', digitalLink: 'Digital Link', qr: 'Lot QR code', owner: 'Owner', recalled: 'Recalled',
    issueCodes: 'Issue pack codes', count: 'How many', issue: 'Issue', issuing: '{0} of {1} codes issued ({2} %)…', batchCodes: '{0} codes issued {1}:', issued: '{0} codes issued',
    labels: 'Download label sheet (PDF)', codesCsv: 'Download CSV', codeBatches: 'Pack code batches', qrPng: 'Download PNG (for print)', qrSvg: 'Download SVG', trace: 'Trace graph', history: 'History (CSV)',
    recallTitle: 'Recall this lot', reason: 'Reason', recall: 'Recall', recallDone: '{0} lots recalled',
    processTitle: 'Log a processing batch', processingSite: 'Processing site', steps: 'Steps', processNote: 'Process description',
    inputs: 'Input lots', inputLot: 'Lot', addInput: 'Add an input', remove: 'Remove', output: 'Output', outputProduct: 'Output product',
    record: 'Record', processed: 'New lot {0} made',
    packTitle: 'Pack', packAction: 'Action', packIn: 'Pack (into a case or onto a pallet)', packOut: 'Unpack (take out of a case or pallet)',
    sscc: 'SSCC of the case or pallet (18 digits; type the first 17 and the check digit is added)', ssccFull: 'Full SSCC: {0}',
    packCodes: 'Pack codes (one a line: serial or Digital Link; a scanner types them)', nextCount: 'How many', fillNext: 'Add the next unpacked codes',
    fewerUnpacked: 'Only {0} unpacked codes left', packCases: 'Cases onto this pallet (one SSCC a line)',
    packedDone: 'Packed {0}: {1}', unpackedDone: 'Taken out of {0}: {1}',
    casesTitle: 'Cases and pallets of this lot', packedCount: '{0} of {1} pack codes packed, in {2} cases or pallets', casesListed: 'the newest {0} listed', findCase: 'Find a case by SSCC (empty shows all)', find: 'Find', findAgain: 'Find / show all', caseNotFound: 'No case or pallet of this lot has that SSCC.', noCases: 'Nothing packed yet.',
    contents: 'Contents', ssccShort: 'SSCC', onPallet: 'on pallet {0}', nPacks: '{0} pack codes', nCases: '{0} cases', takeOut: 'Take out',
    noHoldings: 'Your party holds no lots now.', packThisLot: 'Pack',
    shipTitle: 'Ship', lot: 'Lot', fromSite: 'From site', toParty: 'To party', toSite: 'To site (optional)',
    carrier: 'Carrier (optional)', none: 'None', ship: 'Ship', shipped: 'Shipped, shipment {0}',
    receiveTitle: 'Receive', incoming: 'Shipments to receive', noIncoming: 'Nothing to receive.', receive: 'Receive', received: 'Received',
    from: 'From', to: 'To', shippedAt: 'Shipped', receivedAt: 'Received', atSite: 'At site',
    readingsTitle: 'Upload cold-chain readings', shipment: 'Shipment', csvFile: 'CSV file (time,temperature[,measure,device])', noCsvChosen: 'Choose the logger\'s CSV file first.',
    upload: 'Upload', parsed: '{0} readings read', uploading: 'Uploading {0}/{1}', uploaded: '{0} readings uploaded',
    labTitle: 'Record a lab result', sampleLink: "Sample's QR code (scan the sample's label, or paste its link)", labParty: 'Laboratory', reportNumber: 'Report number', test: 'Test', result: 'Result', passed: 'Passed',
    labDone: 'Lab result recorded', test_pesticide_residue: 'Pesticide residue', test_veterinary_drug_residue: 'Veterinary drug residue',
    test_quarantine: 'Quarantine', test_moisture: 'Moisture', test_heavy_metals: 'Heavy metals', test_microbiology: 'Microbiology', test_other: 'Other',
    traceTitle: 'Trace · {0}', backward: 'Backward (where from)', forward: 'Forward (where to)', traceHint: 'Click a lot to open it.',
    fb_quality: 'Quality problem', fb_counterfeit: 'Suspected fake', fb_labelling: 'Labelling', fb_safety: 'Food safety', fb_other: 'Other',
    cert_organic: 'Organic', cert_green_food: 'Green Food', cert_pollution_free: 'Pollution-free produce', cert_geographic_indication: 'Geographical indication',
    cert_food_production_licence: 'Food production licence (SC)', cert_gmp: 'GMP', cert_haccp: 'HACCP', cert_iso22000: 'ISO 22000', cert_other: 'Other certificate',
    dashboardTitle: 'Regulator dashboard', lotsByCommodity: 'Lots by commodity', lotsByCounty: 'Lots by county',
    certificatesExpiring: 'Certificates expiring within 30 days', coldChainExcursions: 'Shipments with a broken cold chain', recalls: 'Recalls',
    scansByRegion: 'Scans by region', suspiciousCodes: 'Suspicious codes', feedback: 'Public feedback', feedbackByCategory: 'Feedback by category',
    nothing: 'None', scans: 'scans', regions: 'regions', unknownRegion: 'unknown',
    working: 'Working…', failed: 'Failed: {0}', loading: 'Loading…', back: 'Back', open: 'Open'
  }
};

export let lang = localStorage.getItem('plateau-lang') === 'en' ? 'en' : 'zh';

export function setLang(value) {
  lang = value === 'en' ? 'en' : 'zh';
  localStorage.setItem('plateau-lang', lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

export function t(key, ...args) {
  const text = TEXTS[lang][key] ?? TEXTS.zh[key] ?? key;
  return text.replace(/\{(\d)\}/g, (m, i) => String(args[Number(i)] ?? ''));
}

/** A {zh, en} name in the chosen language. */
export function name(pair) {
  if (!pair) return '';
  return (lang === 'en' ? pair.en : pair.zh) || pair.zh || pair.en || '';
}
