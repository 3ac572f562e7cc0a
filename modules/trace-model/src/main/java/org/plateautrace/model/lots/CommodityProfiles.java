package org.plateautrace.model.lots;

import static org.plateautrace.model.lots.AttributeSpec.choice;
import static org.plateautrace.model.lots.AttributeSpec.date;
import static org.plateautrace.model.lots.AttributeSpec.number;
import static org.plateautrace.model.lots.AttributeSpec.text;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.plateautrace.model.Invalid;

/** The commodity profiles of the plateau's specialty products: data, read by forms, scripts and validation. */
public final class CommodityProfiles {
    private static final Set<Unit> BY_WEIGHT = Set.of(Unit.KG, Unit.G, Unit.T, Unit.JIN);
    private static final List<String> CULTIVATION = List.of("cultivated", "wild");

    public static final List<CommodityProfile> ALL = List.of(
            new CommodityProfile("tea", "茶叶", "Tea", "TEA", BY_WEIGHT, List.of(
                    text("gardenPlot", true, "茶园地块", "tea garden plot"),
                    choice("teaType", true, List.of("black", "green", "oolong", "brick"), "茶类", "tea type"),
                    choice("pickingGrade", true,
                            List.of("single_bud", "one_bud_one_leaf", "one_bud_two_leaves", "one_bud_three_leaves", "mature_leaf"),
                            "采摘等级", "picking grade"),
                    choice("pickingMethod", false, List.of("hand", "machine"), "采摘方式", "picking method")),
                    List.of("withering", "fixation", "rolling", "oxidation", "drying", "sorting", "compressing", "blending", "packing")),
            new CommodityProfile("tibetan_pig", "藏香猪", "Tibetan pig", "PIG", Set.of(Unit.HEAD, Unit.KG), List.of(
                    text("earTag", true, "耳标号", "ear tag"),
                    text("breed", true, "品种", "breed"),
                    date("birthDate", true, "出生日期", "birth date"),
                    text("farmHousehold", false, "养殖户", "farming household"),
                    text("quarantineCertificate", true, "动物检疫合格证明编号", "animal quarantine certificate"),
                    number("liveWeightKg", false, "1", "400", "活重 (kg)", "live weight (kg)")),
                    List.of("slaughter", "cutting", "chilling", "freezing", "curing", "smoking", "canning", "packing")),
            new CommodityProfile("fungi", "食用菌", "Edible fungi", "FUN", BY_WEIGHT, List.of(
                    choice("species", true, List.of("wood_ear", "golden_ear", "morel", "matsutake", "other"), "菌种类", "species"),
                    choice("cultivation", true, CULTIVATION, "来源", "cultivated or wild"),
                    text("spawnSource", false, "菌种来源", "spawn source").requiredWhen("cultivation", "cultivated"),
                    text("substrateBatch", false, "菌棒批次", "substrate-log batch").requiredWhen("cultivation", "cultivated"),
                    choice("sterilisation", false, List.of("high_pressure_steam", "atmospheric_steam", "none"),
                            "灭菌方式", "sterilisation").requiredWhen("cultivation", "cultivated"),
                    text("pickingPermit", false, "采集许可", "picking permit").requiredWhen("cultivation", "wild")),
                    List.of("cleaning", "drying", "grading", "freezing", "slicing", "packing")),
            new CommodityProfile("fruit", "水果", "Fruit", "FRU", BY_WEIGHT, List.of(
                    choice("fruitType", true, List.of("apple", "kiwi", "pomegranate", "cherry", "strawberry", "other"), "水果种类", "fruit"),
                    text("variety", true, "品种", "variety"),
                    text("orchardBlock", true, "果园地块", "orchard block"),
                    number("sugarBrix", false, "0", "40", "糖度 (°Bx)", "sugar content (°Bx)")),
                    List.of("washing", "grading", "precooling", "waxing", "juicing", "drying", "packing")),
            new CommodityProfile("herb", "藏药材", "Medicinal herb", "HRB", BY_WEIGHT, List.of(
                    choice("species", true, List.of("ganoderma", "gastrodia", "fritillaria", "other"), "药材", "herb"),
                    choice("cultivation", true, CULTIVATION, "来源", "cultivated or wild"),
                    text("plot", false, "地块", "plot").requiredWhen("cultivation", "cultivated"),
                    text("pickingPermit", false, "采集许可", "picking permit").requiredWhen("cultivation", "wild")),
                    List.of("cleaning", "drying", "slicing", "grinding", "grading", "packing")),
            new CommodityProfile("yak", "牦牛", "Yak", "YAK", Set.of(Unit.HEAD, Unit.KG), List.of(
                    text("earTag", true, "耳标号", "ear tag"),
                    text("breed", true, "品种", "breed"),
                    date("birthDate", true, "出生日期", "birth date"),
                    text("quarantineCertificate", true, "动物检疫合格证明编号", "animal quarantine certificate"),
                    number("liveWeightKg", false, "20", "1200", "活重 (kg)", "live weight (kg)")),
                    List.of("slaughter", "cutting", "chilling", "freezing", "drying", "packing")),
            new CommodityProfile("barley", "青稞", "Highland barley", "BAR", BY_WEIGHT, List.of(
                    text("variety", true, "品种", "variety"),
                    text("plot", true, "地块", "plot")),
                    List.of("threshing", "cleaning", "roasting", "milling", "packing")));

    private CommodityProfiles() {
    }

    public static Optional<CommodityProfile> find(String code) {
        return ALL.stream().filter(profile -> profile.code().equals(code)).findFirst();
    }

    public static CommodityProfile require(String code) {
        return find(code).orElseThrow(() -> Invalid.of("unknown commodity '" + code + "'; one of "
                + String.join(", ", ALL.stream().map(CommodityProfile::code).toList())));
    }
}
