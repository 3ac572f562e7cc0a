package org.plateautrace.model.registry;

/** Kinds of place a party works at. */
public enum SiteKind {
    FARM_BASE, PASTURE, FOREST_PLOT, PROCESSING_PLANT, COLD_STORE, WAREHOUSE, SHOP
}
