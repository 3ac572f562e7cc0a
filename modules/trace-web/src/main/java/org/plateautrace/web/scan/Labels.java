package org.plateautrace.web.scan;

import java.util.HashMap;
import java.util.Map;

/**
 * The consumer page's words in Chinese and English: page labels, and human names for the codes a story carries
 * (commodities, steps, certificate types, tests, sale channels, site kinds, units, lot attributes and their values).
 * An unknown code has no name here; the page then shows the code itself, escaped.
 */
final class Labels {
    private static final Map<String, String[]> WORDS = new HashMap<>();

    private final boolean en;

    private Labels(boolean en) {
        this.en = en;
    }

    static Labels of(String lang) {
        return new Labels(isEnglish(lang));
    }

    static boolean isEnglish(String lang) {
        return lang != null && lang.trim().toLowerCase(java.util.Locale.ROOT).startsWith("en");
    }

    boolean english() {
        return en;
    }

    /** The word for key, or the key itself when there is none (page labels always exist). */
    String t(String key) {
        String[] word = WORDS.get(key);
        return word == null ? key : word[en ? 1 : 0];
    }

    /** The human name of a code in a group ("step", "cert", ...), or null when the code is unknown. */
    String name(String group, String code) {
        if (code == null) {
            return null;
        }
        String[] word = WORDS.get(group + "." + code);
        return word == null ? null : word[en ? 1 : 0];
    }

    /** The human name of a code, or the code as given when unknown. */
    String nameOr(String group, String code) {
        String name = name(group, code);
        return name == null ? code : name;
    }

    private static void put(String key, String zh, String en) {
        WORDS.put(key, new String[] {zh, en});
    }

    static {
        // page
        put("site", "高原溯源", "Plateau Trace");
        put("title", "产品溯源", "Product trace");
        put("toggle", "English", "中文");
        put("colon", "：", ": ");
        put("comma", "，", ", ");
        put("recall.head", "已召回 · 请勿食用", "Recalled · do not eat");
        put("recall.self", "本批次产品已被召回。", "This lot has been recalled.");
        put("recall.input", "本产品所用的原料批次已被召回。", "A lot this product was made from has been recalled.");
        put("recall.lot", "召回批次", "Recalled lot");
        put("recall.reason", "原因", "Reason");
        put("recall.at", "召回时间", "Recalled at");
        put("recall.advice", "请停止食用，联系销售方退换，或在下方反馈。", "Stop using it, return it to the seller, or report below.");
        put("suspect.head", "警告：此码疑似被仿冒", "Warning: this code may be counterfeit");
        put("suspect.jump", "查看原因", "See why");
        put("suspect.advice", "扫描记录异常，手中的产品可能不是正品。请保留包装并在下方举报。",
                "The scan pattern of this code is unusual; the product in your hand may not be genuine. Keep the pack and report it below.");
        put("brand", "品牌", "Brand");
        put("umbrella", "区域公用品牌", "Regional brand");
        put("commodity", "品类", "Category");
        put("gtin", "商品条码 (GTIN)", "Item number (GTIN)");
        put("lotCode", "批次号", "Lot");
        put("serial", "包装序列号", "Pack serial");
        put("quantity", "批次数量", "Lot size");
        put("createdAt", "批次建立", "Lot created");
        put("lotKind", "批次类型", "Lot type");
        put("lotKind.harvest", "采收批次", "Harvest lot");
        put("lotKind.processing", "加工批次", "Processed lot");
        put("batchCode", "这是批次码，不是单件包装码：同一批次的所有包装共用此码，扫描次数不代表单件真伪。",
                "This is a batch code, not a single pack: every pack of the lot shares it, so scan counts say little about one pack.");
        put("origin", "产地来源", "Origin");
        put("origin.none", "暂无产地信息。", "No origin recorded.");
        put("producer", "生产主体", "Producer");
        put("siteName", "基地", "Site");
        put("place", "县乡", "County, township");
        put("harvestedAt", "采收日期", "Harvested");
        put("harvestedAt.livestock", "出栏日期", "Left the farm");
        put("fromLot", "原料批次", "Source lot");
        put("timeline", "加工流通记录", "Processing and handling");
        put("timeline.none", "暂无记录。", "Nothing recorded yet.");
        put("cold", "冷链温度", "Cold chain");
        put("cold.profile", "储运要求", "Handling");
        put("cold.band", "允许温度", "Allowed range");
        put("cold.held", "全程温度达标", "Kept within range all the way");
        put("cold.broken", "运输中出现温度超限", "Temperature left the allowed range in transit");
        put("cold.none", "暂无温度记录", "No temperature readings");
        put("cold.shipment", "运输", "Shipment");
        put("cold.storage", "贮存", "Storage");
        put("cold.shipped", "发运", "Shipped");
        put("cold.received", "到达", "Received");
        put("cold.inTransit", "运输中", "in transit");
        put("cold.ok", "达标", "In range");
        put("cold.bad", "超限", "Out of range");
        put("cold.readings", "共 {n} 个读数，实测 {range}", "{n} readings, measured {range}");
        put("cold.excursion", "超限", "Excursion");
        put("cold.minutes", "分钟", "min");
        put("cold.worst", "最差", "worst");
        put("cold.limit", "限值", "limit");
        put("cold.above", "高于上限", "above the limit");
        put("cold.below", "低于下限", "below the limit");
        put("cold.chart", "温度曲线", "Temperature chart");
        put("certs", "认证与许可", "Certificates");
        put("certs.none", "暂无认证信息。", "No certificates recorded.");
        put("cert.number", "证书编号", "Number");
        put("cert.issuer", "发证机构", "Issued by");
        put("cert.valid", "有效期", "Valid");
        put("cert.status.valid", "有效", "Valid");
        put("cert.status.expired", "已过期", "Expired");
        put("cert.status.not_yet_valid", "尚未生效", "Not yet valid");
        put("lab", "检验检测", "Lab results");
        put("lab.none", "暂无检测记录。", "No lab results recorded.");
        put("lab.pass", "合格", "Passed");
        put("lab.fail", "不合格", "Failed");
        put("lab.lab", "检测机构", "Lab");
        put("lab.report", "报告编号", "Report");
        put("sales", "销售渠道", "Where it was sold");
        put("sales.none", "暂无销售记录。", "No sale recorded.");
        put("auth", "真伪查验", "Authenticity");
        put("auth.scansPack", "此包装码已被扫描", "This pack code has been scanned");
        put("auth.scansLot", "此批次码已被扫描", "This batch code has been scanned");
        put("auth.times", "次", "times");
        put("auth.once", "次（这是首次扫描）", "time (this is the first scan)");
        put("auth.first", "首次扫描", "First scanned");
        put("auth.unknownPlace", "地点未知", "place unknown");
        put("auth.ok", "扫描记录正常。", "The scan pattern looks normal.");
        put("auth.none", "暂无扫描记录。", "No scans recorded.");
        put("feedback", "社会监督 · 问题反馈", "Report a problem");
        put("feedback.intro", "发现质量、标签、安全问题或疑似假冒？请告诉我们，监管部门可查阅。",
                "Found a quality, labelling or safety problem, or a suspected fake? Tell us; regulators can see reports.");
        put("feedback.category", "问题类型", "Problem");
        put("feedback.text", "问题描述", "What happened");
        put("feedback.contact", "联系方式（选填）", "Contact (optional)");
        put("feedback.send", "提交反馈", "Send report");
        put("footer.time", "时间均为北京时间 (UTC+8)。", "Times are China Standard Time (UTC+8).");
        put("footer.link", "本页地址", "Code");
        put("notFound.title", "未查到此码", "Code not found");
        put("notFound.body", "此码未在高原溯源平台登记。产品可能是假冒的，或二维码印刷/扫描有误。",
                "This code is not registered with Plateau Trace. The product may be counterfeit, or the QR code was misprinted or misread.");
        put("notFound.advice", "请核对包装上的二维码后重新扫描；如仍查不到，请保留包装并向销售方或当地市场监管部门（12315）举报。",
                "Scan the QR code on the pack again; if it is still not found, keep the pack and report it to the seller or the local market regulator (12315).");
        put("invalid.title", "链接无效", "Invalid link");
        put("invalid.body", "这不是有效的 GS1 数字链接（商品溯源码）。", "This is not a valid GS1 Digital Link (product trace code).");
        put("invalid.reason", "原因", "Reason");
        put("invalid.advice", "请直接扫描包装上的二维码，不要手动修改链接。", "Scan the QR code on the pack directly rather than editing the link.");
        put("path", "请求地址", "Requested");
        put("home", "返回首页", "Home");

        // commodities
        put("commodity.tea", "茶叶", "Tea");
        put("commodity.tibetan_pig", "藏香猪", "Tibetan pig");
        put("commodity.fungi", "食用菌", "Edible fungi");
        put("commodity.fruit", "水果", "Fruit");
        put("commodity.herb", "藏药材", "Medicinal herb");
        put("commodity.yak", "牦牛", "Yak");
        put("commodity.barley", "青稞", "Highland barley");

        // steps
        put("step.harvest", "采收", "Harvest");
        put("step.harvest.livestock", "出栏", "Left the farm");
        put("step.processing", "加工", "Processing");
        put("step.packing", "包装", "Packing");
        put("step.shipping", "发运", "Shipping");
        put("step.receiving", "收货", "Receiving");
        put("step.storing", "仓储", "Storage");
        put("step.inspection", "检验", "Inspection");
        put("step.sale", "销售", "Sale");
        put("step.recall", "召回", "Recall");
        put("step.sensor_reporting", "温度记录", "Temperature reading");

        // certificates (三品一标 and licences)
        put("cert.organic", "有机农产品", "Organic");
        put("cert.green_food", "绿色食品", "Green Food");
        put("cert.pollution_free", "无公害农产品", "Pollution-free produce");
        put("cert.geographic_indication", "农产品地理标志", "Geographical indication");
        put("cert.food_production_licence", "食品生产许可 (SC)", "Food production licence (SC)");
        put("cert.gmp", "GMP 认证", "GMP");
        put("cert.haccp", "HACCP 体系认证", "HACCP");
        put("cert.iso22000", "ISO 22000 食品安全管理体系", "ISO 22000 food safety management");
        put("cert.other", "其他证书", "Other certificate");

        // lab tests
        put("test.pesticide_residue", "农药残留", "Pesticide residues");
        put("test.veterinary_drug_residue", "兽药残留", "Veterinary drug residues");
        put("test.quarantine", "动物检疫", "Quarantine");
        put("test.moisture", "水分", "Moisture");
        put("test.heavy_metals", "重金属", "Heavy metals");
        put("test.microbiology", "微生物", "Microbiology");
        put("test.other", "其他检测", "Other test");

        // sale channels
        put("channel.direct_store", "直营店", "Direct store");
        put("channel.supermarket", "超市", "Supermarket");
        put("channel.ecommerce", "电商平台", "Online shop");
        put("channel.livestream", "直播带货", "Livestream sale");
        put("channel.stall", "摊位", "Market stall");
        put("channel.wholesale", "批发", "Wholesale");
        put("channel.institutional", "单位采购", "Institutional purchase");
        put("channel.other", "其他", "Other");

        // site kinds
        put("siteKind.farm_base", "基地", "farm base");
        put("siteKind.pasture", "牧场", "pasture");
        put("siteKind.forest_plot", "林地", "forest plot");
        put("siteKind.processing_plant", "加工厂", "processing plant");
        put("siteKind.cold_store", "冷库", "cold store");
        put("siteKind.warehouse", "仓库", "warehouse");
        put("siteKind.shop", "门店", "shop");

        // units
        put("unit.kg", "千克", "kg");
        put("unit.g", "克", "g");
        put("unit.t", "吨", "t");
        put("unit.jin", "斤", "jin (500 g)");
        put("unit.L", "升", "L");
        put("unit.head", "头", "head");
        put("unit.piece", "件", "pieces");
        put("unit.box", "箱", "boxes");

        // feedback categories
        put("fb.quality", "质量问题", "Quality problem");
        put("fb.counterfeit", "疑似假冒", "Suspected fake");
        put("fb.labelling", "标签问题", "Labelling");
        put("fb.safety", "食品安全", "Food safety");
        put("fb.other", "其他", "Other");

        // lot attributes (names as the commodity profiles give them)
        put("attr.gardenPlot", "茶园地块", "Tea garden plot");
        put("attr.teaType", "茶类", "Tea type");
        put("attr.pickingGrade", "采摘等级", "Picking grade");
        put("attr.pickingMethod", "采摘方式", "Picking method");
        put("attr.earTag", "耳标号", "Ear tag");
        put("attr.breed", "品种", "Breed");
        put("attr.birthDate", "出生日期", "Born");
        put("attr.farmHousehold", "养殖户", "Farming household");
        put("attr.quarantineCertificate", "动物检疫合格证明编号", "Animal quarantine certificate");
        put("attr.liveWeightKg", "活重 (kg)", "Live weight (kg)");
        put("attr.species", "种类", "Species");
        put("attr.cultivation", "来源", "Cultivated or wild");
        put("attr.spawnSource", "菌种来源", "Spawn source");
        put("attr.substrateBatch", "菌棒批次", "Substrate-log batch");
        put("attr.sterilisation", "灭菌方式", "Sterilisation");
        put("attr.pickingPermit", "采集许可", "Picking permit");
        put("attr.fruitType", "水果种类", "Fruit");
        put("attr.variety", "品种", "Variety");
        put("attr.orchardBlock", "果园地块", "Orchard block");
        put("attr.sugarBrix", "糖度 (°Bx)", "Sugar (°Bx)");
        put("attr.plot", "地块", "Plot");

        // attribute values (only for the choice attributes below)
        put("val.black", "红茶", "Black tea");
        put("val.green", "绿茶", "Green tea");
        put("val.oolong", "乌龙茶", "Oolong");
        put("val.brick", "边销茶（砖茶）", "Brick tea");
        put("val.single_bud", "单芽", "Single bud");
        put("val.one_bud_one_leaf", "一芽一叶", "One bud, one leaf");
        put("val.one_bud_two_leaves", "一芽二叶", "One bud, two leaves");
        put("val.one_bud_three_leaves", "一芽三叶", "One bud, three leaves");
        put("val.mature_leaf", "成熟叶", "Mature leaf");
        put("val.hand", "手工采摘", "By hand");
        put("val.machine", "机械采摘", "By machine");
        put("val.wood_ear", "木耳", "Wood ear");
        put("val.golden_ear", "金耳", "Golden ear");
        put("val.morel", "羊肚菌", "Morel");
        put("val.matsutake", "松茸", "Matsutake");
        put("val.ganoderma", "灵芝", "Ganoderma (lingzhi)");
        put("val.gastrodia", "天麻", "Gastrodia (tianma)");
        put("val.fritillaria", "贝母", "Fritillaria (beimu)");
        put("val.cultivated", "人工栽培", "Cultivated");
        put("val.wild", "野生", "Wild");
        put("val.high_pressure_steam", "高压蒸汽灭菌", "High-pressure steam");
        put("val.atmospheric_steam", "常压蒸汽灭菌", "Atmospheric steam");
        put("val.none", "未灭菌", "None");
        put("val.apple", "苹果", "Apple");
        put("val.kiwi", "猕猴桃", "Kiwi");
        put("val.pomegranate", "石榴", "Pomegranate");
        put("val.cherry", "樱桃", "Cherry");
        put("val.strawberry", "草莓", "Strawberry");
        put("val.other", "其他", "Other");
    }

    /** Attributes whose values are codes with human names; other attributes are free text, shown as given. */
    static final java.util.Set<String> CHOICE_ATTRIBUTES = java.util.Set.of(
            "teaType", "pickingGrade", "pickingMethod", "species", "cultivation", "sterilisation", "fruitType");

    /** Commodities that are animals: their "harvest" is leaving the farm (出栏). */
    static final java.util.Set<String> LIVESTOCK = java.util.Set.of("tibetan_pig", "yak");
}
